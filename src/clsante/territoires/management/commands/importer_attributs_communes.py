from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clsante.territoires.attributs import appliquer_attributs, lire_attributs
from clsante.territoires.sources import SourceInvalide


class Command(BaseCommand):
    help = (
        "Importe des attributs de communes (grille de densité, population en quartiers "
        "prioritaires, indice de défavorisation) depuis un CSV ; voir docs/donnees.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("fichier", type=Path)

    def handle(self, *args, fichier: Path, **options):
        try:
            rows = lire_attributs(fichier)
        except SourceInvalide as exc:
            raise CommandError(f"Import refusé, rien n'a été écrit. {exc}") from exc
        count = appliquer_attributs(rows)
        self.stdout.write(self.style.SUCCESS(f"{count} commune(s) mise(s) à jour."))
