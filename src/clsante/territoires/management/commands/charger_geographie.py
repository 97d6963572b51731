from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from clsante.territoires.geographie import charger, lire_source
from clsante.territoires.sources import SourceInvalide


class Command(BaseCommand):
    help = (
        "Charge les régions, départements, communes et EPCI du Code officiel géographique "
        "(paquet @etalab/decoupage-administratif). Relancer la commande ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=Path,
            default=settings.GEO_SOURCE_DIR,
            help="Dossier contenant regions.json, departements.json, communes.json, epci.json.",
        )

    def handle(self, *args, source: Path, **options):
        self.stdout.write(f"Lecture de {source}…")
        try:
            donnees = lire_source(source)
        except SourceInvalide as exc:
            raise CommandError(f"Géographie non chargée, rien n'a été écrit. {exc}") from exc
        self.stdout.write(
            f"{len(donnees.communes)} communes, {len(donnees.epcis)} EPCI lus ; écriture…"
        )
        bilan = charger(donnees)
        self.stdout.write(self.style.SUCCESS(f"Géographie à jour. {bilan}"))
