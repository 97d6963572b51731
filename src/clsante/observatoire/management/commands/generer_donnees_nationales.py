import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from clsante.observatoire.context_processors import CLE_SYNTHETIQUES
from clsante.observatoire.synthese import (
    donnees_synthetiques_presentes,
    generer_donnees_nationales,
    supprimer_donnees_synthetiques,
)
from clsante.observatoire.synthese_territoires import GeographieAbsente


class Command(BaseCommand):
    help = (
        "Génère un jeu national de contrats locaux de santé SYNTHÉTIQUES (fictifs) sur la "
        "géographie réelle, pour essayer l'observatoire à l'échelle de la France. "
        "Sans effet si des données synthétiques existent déjà ; --supprimer les retire."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--contrats", type=int, default=1200, help="Nombre de contrats (1200 par défaut)."
        )
        parser.add_argument(
            "--graine", type=int, default=42, help="Graine du tirage aléatoire (42 par défaut)."
        )
        parser.add_argument(
            "--supprimer",
            action="store_true",
            help="Supprime les données synthétiques (et elles seules), sans en générer.",
        )

    def handle(self, *args, contrats: int, graine: int, supprimer: bool, **options):
        debut = time.monotonic()
        if supprimer:
            self._supprimer()
        elif donnees_synthetiques_presentes():
            self.stdout.write(
                "Des données synthétiques sont déjà présentes : rien n'a été fait. "
                "Pour les régénérer, lancez d'abord la commande avec --supprimer."
            )
            return
        else:
            self._generer(contrats, graine)
        cache.delete(CLE_SYNTHETIQUES)  # this process's banner; the others' within minutes
        self.stdout.write(f"Durée : {time.monotonic() - debut:.1f} s.")

    def _generer(self, contrats: int, graine: int) -> None:
        if contrats < 1:
            raise CommandError("Le nombre de contrats doit être au moins 1.")
        self.stdout.write(f"Génération de {contrats} contrats synthétiques (graine {graine})…")
        try:
            bilan = generer_donnees_nationales(contrats, graine, ecrire=self.stdout.write)
        except GeographieAbsente as exc:
            raise CommandError(f"Rien n'a été écrit. {exc}") from exc
        self.stdout.write(self.style.SUCCESS("Données synthétiques créées :"))
        for ligne in bilan.lignes():
            self.stdout.write(ligne)
        self.stdout.write(
            "Pour que ces fiches figurent au catalogue public, lancez ensuite "
            "« clsante indexer_catalogue »."
        )

    def _supprimer(self) -> None:
        bilan = supprimer_donnees_synthetiques()
        if not bilan:
            self.stdout.write("Aucune donnée synthétique à supprimer.")
            return
        self.stdout.write(self.style.SUCCESS("Données synthétiques supprimées :"))
        for nom, nombre in bilan.items():
            self.stdout.write(f"  {nom} : {nombre}")
