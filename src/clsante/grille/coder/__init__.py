"""Automatic coding of fiches actions on the ISTS grid (pure Python, no Django).

from clsante.grille.coder import charger_codeur
codeur = charger_codeur()                       # the shipped model, loaded once
codeur.coder([{"id": 1, "titre": "...", "texte": "..."}])
codeur.suggerer(fiches)                         # with confidence and evidence words
entrainer(exemples_valides)                     # a retrained coder, new version
"""

from clsante.grille.coder.codeur import (
    CodeSuggere,
    Codeur,
    Suggestion,
    charger_codeur,
    entrainer,
    modele_livre,
)
from clsante.grille.coder.donnees import exemples_livres, lire_jsonl
from clsante.grille.coder.metriques import evaluer

__all__ = [
    "CodeSuggere",
    "Codeur",
    "Suggestion",
    "charger_codeur",
    "entrainer",
    "evaluer",
    "exemples_livres",
    "lire_jsonl",
    "modele_livre",
]
