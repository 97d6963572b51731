import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from clsante.notifications.taches import preparer_rappels


def date_iso(valeur: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(valeur)
    except ValueError as erreur:
        raise CommandError(f"Date invalide « {valeur} » : attendu AAAA-MM-JJ.") from erreur


class Command(BaseCommand):
    help = "Prépare les rappels du jour (et le résumé hebdomadaire le lundi)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=str, help="Jour à traiter (AAAA-MM-JJ), aujourd'hui par défaut."
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Produire aussi le résumé hebdomadaire, même si ce n'est pas lundi.",
        )

    def handle(self, *args, **options) -> None:
        jour = date_iso(options["date"]) if options["date"] else timezone.localdate()
        bilan = preparer_rappels(jour, resume=True if options["resume"] else None)
        self.stdout.write(f"Rappels du {jour:%d/%m/%Y}")
        for ligne in bilan.lignes:
            self.stdout.write(f"  {ligne}")
        for erreur in bilan.erreurs:
            self.stderr.write(f"  {erreur}")
        self.stdout.write(f"Total : {bilan.total} notification(s) créée(s).")
        if bilan.erreurs:
            raise CommandError(f"{len(bilan.erreurs)} producteur(s) de rappels en erreur.")
