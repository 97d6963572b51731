"""``clsante entrainer_codeur``: retrain the ISTS coder on the codings validated by users."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clsante.grille.coder_django import (
    charger_codeur_en_service,
    dossier_modeles,
    entrainer_depuis_validations,
    revenir_au_modele_livre,
)


class Command(BaseCommand):
    help = (
        "Réentraîne le codeur ISTS sur ses exemples livrés et les codages validés de la "
        "base, enregistre le nouveau modèle (une version par fichier) et le met en service."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--modele-livre",
            action="store_true",
            help="remet en service le modèle livré sans entraîner (les modèles restent sur disque)",
        )

    def handle(self, *args, **options) -> None:
        if options["modele_livre"]:
            revenir_au_modele_livre()
            version = charger_codeur_en_service().version
            self.stdout.write(f"Modèle livré remis en service : {version}.")
            return
        debut = time.perf_counter()
        try:
            resultat = entrainer_depuis_validations(progression=self.stdout.write)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        duree = time.perf_counter() - debut
        if resultat.version == resultat.version_precedente:
            self.stdout.write(
                f"Aucun changement depuis le dernier entraînement : le modèle "
                f"{resultat.version} reste en service."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Modèle {resultat.version} en service "
                    f"(remplace {resultat.version_precedente}), entraîné en {duree:.1f} s. "
                    f"Dossier des modèles : {dossier_modeles()}."
                )
            )
