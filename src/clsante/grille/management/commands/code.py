"""``clsante code INPUT.jsonl --output OUTPUT.jsonl``: suggest ISTS codes for fiches actions."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clsante.grille.coder.donnees import lire_jsonl
from clsante.grille.coder.texte import CHAMP_PUBLICS, CHAMPS_ACTEURS, CHAMPS_TEXTE
from clsante.grille.management.commands._commun import (
    ajouter_option_modele,
    codeur_demande,
    exiger_fichier,
)

# The only keys passed to the coder: never `labels`.
CHAMPS_LUS = ("id", *CHAMPS_TEXTE, CHAMP_PUBLICS, *CHAMPS_ACTEURS)
TAILLE_LOT = 200


def fiche_a_coder(objet: dict) -> dict:
    return {k: objet.get(k) for k in CHAMPS_LUS}


class Command(BaseCommand):
    help = "Code des fiches actions (JSONL) sur la grille ISTS et écrit une ligne par fiche."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("entree", type=Path, help="fichier JSONL des fiches à coder")
        parser.add_argument(
            "--output", "-o", type=Path, help="fichier JSONL de sortie (défaut : sortie standard)"
        )
        parser.add_argument(
            "--details",
            action="store_true",
            help="ajoute la version du modèle, la confiance et les mots qui justifient chaque code",
        )
        ajouter_option_modele(parser)

    def handle(self, *args, **options) -> None:
        entree: Path = options["entree"]
        exiger_fichier(entree)
        fiches, erreurs = [], 0
        for ligne in lire_jsonl(entree):
            if ligne.erreur:
                erreurs += 1
                self.stderr.write(f"Ligne {ligne.numero} ignorée : {ligne.erreur}.")
            else:
                fiches.append(fiche_a_coder(ligne.objet))
        codeur = codeur_demande(options)
        with ExitStack() as pile:
            flux = self.stdout
            if options["output"]:
                flux = pile.enter_context(open(options["output"], "w", encoding="utf-8"))
            self._coder(codeur, fiches, flux, options["details"])
        if erreurs:
            raise CommandError(
                f"{erreurs} ligne(s) en erreur sur {erreurs + len(fiches)} ; "
                f"{len(fiches)} fiche(s) codée(s).",
                returncode=1,
            )
        self.stderr.write(f"{len(fiches)} fiche(s) codée(s) avec le modèle {codeur.version}.")

    def _coder(self, codeur, fiches: list[dict], flux, details: bool) -> None:
        total = len(fiches)
        for debut in range(0, total, TAILLE_LOT):
            lot = fiches[debut : debut + TAILLE_LOT]
            for suggestion in codeur.suggerer(lot, indices=details):
                ligne = suggestion.en_dict() if details else suggestion.codage()
                flux.write(json.dumps(ligne, ensure_ascii=False) + "\n")
            if total > TAILLE_LOT:
                fait = min(debut + TAILLE_LOT, total)
                self.stderr.write(
                    f"Codage : {fait}/{total} fiches",
                    ending="\r" if sys.stderr.isatty() and fait < total else "\n",
                )
