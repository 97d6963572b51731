"""What reading one uploaded workbook may cost, whatever its sheets claim.

A small file can describe a huge table: ODS repeats rows, columns and spaces by attribute
(``number-rows-repeated``, ``text:c``), an XLSX declares its size in a ``dimension`` that
the reader fills with empty cells. Every reader therefore counts what it materialises
against one ``Budget`` for the whole workbook (rows, empty ones included, and characters)
and refuses the file, in French, as soon as the budget is spent.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

LIGNES_MAX = 5000
MARGE_LIGNES = 200  # header, hint, help-sheet and blank rows around the data
FEUILLES_MAX = 5
COLONNES_MAX = 200
LONGUEUR_CELLULE_MAX = 32_767  # a spreadsheet's own limit for one cell
CARACTERES_MAX = 20_000_000
ELEMENTS_CELLULE_MAX = 10_000  # XML elements inside one ODS cell

Ligne = list[Any]


class FichierRefuse(Exception):
    """The upload cannot be read; ``str()`` is the French message shown to the person."""


def milliers(nombre: int) -> str:
    return f"{nombre:,}".replace(",", "\u202f")


class Budget:
    """Rows and characters read so far from one workbook, all sheets together."""

    def __init__(self, nom: str):
        self.nom = nom
        self.lignes = 0
        self.caracteres = 0

    @property
    def lignes_restantes(self) -> int:
        return LIGNES_MAX + MARGE_LIGNES - self.lignes

    def ligne(self, nombre: int = 1) -> None:
        """Count rows about to be kept (empty rows between data rows included)."""
        self.lignes += nombre
        if self.lignes > LIGNES_MAX + MARGE_LIGNES:
            raise FichierRefuse(
                f"Le fichier « {self.nom} » compte plus de {milliers(LIGNES_MAX)} lignes "
                "(lignes vides comprises, toutes feuilles confondues) : supprimez les lignes "
                "vides en fin de feuille ou découpez-le en plusieurs fichiers."
            )

    def cellule(self, valeur: Any, feuille: str, ligne: int, colonne: int, fois: int = 1) -> None:
        """Count the text of a cell kept ``fois`` times; refuse an oversized cell."""
        if not isinstance(valeur, str):
            return
        if len(valeur) > LONGUEUR_CELLULE_MAX:
            raise self.cellule_trop_longue(feuille, ligne, colonne)
        self.caracteres += len(valeur) * fois
        if self.caracteres > CARACTERES_MAX:
            raise FichierRefuse(
                f"Le fichier « {self.nom} » contient plus de {milliers(CARACTERES_MAX)} "
                "caractères de texte : découpez-le en plusieurs fichiers."
            )

    def cellule_trop_longue(self, feuille: str, ligne: int, colonne: int) -> FichierRefuse:
        return FichierRefuse(
            f"Le fichier « {self.nom} » est refusé : la cellule {get_column_letter(colonne)}"
            f"{ligne} de la feuille « {feuille} » dépasse {milliers(LONGUEUR_CELLULE_MAX)} "
            "caractères."
        )


def rogner(ligne: Ligne) -> Ligne:
    """The row with ``None`` read as "" and its trailing empty cells dropped."""
    ligne = ["" if v is None else v for v in ligne]
    while ligne and ligne[-1] == "":
        ligne.pop()
    return ligne


def rogner_fin(lignes: list[Ligne]) -> list[Ligne]:
    """Drop the trailing empty rows of a sheet."""
    while lignes and not lignes[-1]:
        lignes.pop()
    return lignes
