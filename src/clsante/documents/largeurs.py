"""Column widths of the DOCX and ODT tables, which Word and LibreOffice keep as given.

Too narrow a column breaks its words across lines (« Abandonn|ée »). So a short column (a
number, a status, a date, an amount) gets the width of its longest value and never wraps;
the long text columns share what is left in proportion to their average length, each at
least as wide as its longest word. Widths are counted in characters of the documents' 10 pt
sans-serif: about 0.6 em a character, a little more than the average French letter, so the
estimate errs on the wide side.
"""

from __future__ import annotations

from dataclasses import dataclass

LARGEUR_TEXTE = 80.0  # characters across the 170 mm of text: 170 / (0.6 × 10 pt = 2.12 mm)
COURTE = 20  # a column whose values all fit in this many characters stays on one line
MARGE = 2.0  # cell padding and borders, in characters
PLAFOND = 80.0  # beyond this average length, a long column asks for no more


@dataclass(frozen=True)
class _Besoin:
    minimum: float  # characters the column cannot do without
    poids: float  # its claim on the remaining width (0 for a short column)


def parts_de_largeur(entetes: list[str], lignes: list[list[str]]) -> list[float]:
    """Each column's share of the table's width (the shares sum to 1)."""
    besoins = [_besoin(entete, [ligne[i] for ligne in lignes]) for i, entete in enumerate(entetes)]
    reste = LARGEUR_TEXTE - sum(b.minimum for b in besoins)
    poids = sum(b.poids for b in besoins)
    largeurs = [
        b.minimum + (reste * b.poids / poids if reste > 0 and poids else 0) for b in besoins
    ]
    total = sum(largeurs)
    return [largeur / total for largeur in largeurs]


def _besoin(entete: str, valeurs: list[str]) -> _Besoin:
    lignes = [ligne for valeur in valeurs for ligne in valeur.split("\n")]
    plus_longue = max((len(ligne) for ligne in lignes), default=0)
    mot = max((len(m) for texte in [entete, *lignes] for m in texte.split()), default=1)
    if plus_longue <= COURTE:
        return _Besoin(max(plus_longue, mot) + MARGE, 0.0)
    moyenne = sum(len(v) for v in valeurs) / len(valeurs)
    return _Besoin(mot + MARGE, min(moyenne, PLAFOND))
