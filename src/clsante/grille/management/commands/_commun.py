"""What `code` and `evaluate` share: the input file check and the choice of model."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from clsante.grille.coder import Codeur, charger_codeur
from clsante.grille.coder_django import charger_codeur_en_service


def ajouter_option_modele(parser) -> None:
    parser.add_argument(
        "--modele",
        type=Path,
        help=(
            "fichier JSON d'un autre modèle que le modèle en service "
            "(le dernier réentraîné, sinon le modèle livré)"
        ),
    )


def exiger_fichier(chemin: Path) -> None:
    if not chemin.is_file():
        raise CommandError(f"Fichier introuvable : {chemin}")


def codeur_demande(options: dict) -> Codeur:
    """The model named by --modele, else the model in use."""
    return charger_codeur(options["modele"]) if options["modele"] else charger_codeur_en_service()
