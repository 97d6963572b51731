"""Rebuild the shipped model: ``python -m clsante.grille.coder.construire [EXTRA.jsonl ...]``.

Trains on the shipped examples plus any labelled JSONL files given (for instance a gold
corpus whose texts must not be copied into the project: only the weights are kept), and
writes ``modeles/ists.json`` and ``modeles/ists.npz``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clsante.grille.coder.codeur import DOSSIER_MODELES
from clsante.grille.coder.donnees import exemples_livres, lire_jsonl, valider_exemples
from clsante.grille.coder.modele import entrainer_modele


def charger_etiquetes(chemin: Path) -> list[dict]:
    exemples = []
    for ligne in lire_jsonl(chemin):
        if ligne.erreur:
            raise ValueError(f"{chemin}, ligne {ligne.numero} : {ligne.erreur}")
        exemples.append(ligne.objet)
    valider_exemples(exemples)
    return exemples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Reconstruit le modèle livré du codeur ISTS.")
    parser.add_argument("supplements", nargs="*", type=Path, help="JSONL étiquetés en plus")
    parser.add_argument("--dossier", type=Path, default=DOSSIER_MODELES)
    args = parser.parse_args(argv)
    exemples = exemples_livres()
    sources = {"exemples_livres": len(exemples)}
    for chemin in args.supplements:
        supplement = charger_etiquetes(chemin)
        sources[chemin.name] = len(supplement)
        exemples += supplement
    modele = entrainer_modele(exemples, meta={"sources": sources})
    chemin = modele.sauvegarder(args.dossier)
    print(f"Modèle {modele.version} écrit dans {chemin} ({len(exemples)} exemples).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
