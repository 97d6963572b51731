"""Read the sheets of an ODS file by streaming its ``content.xml`` (defusedxml, no entities).

Nothing is expanded before it is counted: each cell is read when its element ends and then
dropped from the tree, so memory holds one cell at a time. Repeated empty cells and rows
(``number-rows-repeated="1048576"`` ends most sheets) are only materialised when a value
follows them, so row numbers stay those of the spreadsheet; repeated values and ``text:s``
spaces are counted against the workbook's ``Budget`` before they are built.
"""

from __future__ import annotations

import datetime
import zipfile
from typing import Any

from defusedxml import ElementTree as SafeET

from clsante.imports.limites import (
    COLONNES_MAX,
    ELEMENTS_CELLULE_MAX,
    FEUILLES_MAX,
    LONGUEUR_CELLULE_MAX,
    Budget,
    FichierRefuse,
    Ligne,
    rogner_fin,
)

NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
REPETITION_MAX = 10**7  # larger repeat counts are read as this (they are counted anyway)


def _t(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


TABLE, ROW = _t(NS_TABLE, "table"), _t(NS_TABLE, "table-row")
CELLS = (_t(NS_TABLE, "table-cell"), _t(NS_TABLE, "covered-table-cell"))


def _repetition(element, attribut: str) -> int:
    brut = element.get(_t(NS_TABLE, attribut), "1")
    return max(1, min(int(brut), REPETITION_MAX))


class _Lecteur:
    """Receives the parser's events and builds the sheets."""

    def __init__(self, budget: Budget):
        self.budget = budget
        self.feuilles: dict[str, list[Ligne]] = {}
        self.feuille = ""
        self.lignes: list[Ligne] = []
        self.ligne: Ligne = []
        self.lignes_vides = 0  # repeated empty rows not materialised yet
        self.cellules_vides = 0  # same for empty cells of the current row
        self.cellule = None  # the cell element being read
        self.elements = 0

    def debut(self, element) -> None:
        if self.cellule is not None:
            self.elements += 1
            if self.elements > ELEMENTS_CELLULE_MAX:
                raise FichierRefuse(
                    f"Le fichier « {self.budget.nom} » est refusé : une cellule de la feuille "
                    f"« {self.feuille} » a une structure démesurée."
                )
        elif element.tag in CELLS:
            self.cellule, self.elements = element, 0
        elif element.tag == TABLE:
            titre = element.get(_t(NS_TABLE, "name")) or f"Feuille {len(self.feuilles) + 1}"
            self.feuille, self.lignes, self.lignes_vides = titre, [], 0
        elif element.tag == ROW:
            self.ligne, self.cellules_vides = [], 0

    def fin(self, element) -> bool:
        """Handle an element's end; True when it can be dropped from the tree."""
        if self.cellule is not None and element is not self.cellule:
            return False
        if element is self.cellule:
            self.cellule = None
            self._fin_cellule(element)
        elif element.tag == ROW:
            self._fin_ligne(element)
        elif element.tag == TABLE:
            self.feuilles[self.feuille] = rogner_fin(self.lignes)
        return True

    def _fin_cellule(self, cell) -> None:
        repete = _repetition(cell, "number-columns-repeated")
        place = COLONNES_MAX - len(self.ligne) - self.cellules_vides
        valeur = _valeur(cell, self)
        if valeur in ("", None):
            self.cellules_vides += min(repete, max(place, 0))
            return
        if place <= 0:
            return  # columns beyond the last one read are ignored
        self.ligne.extend([""] * self.cellules_vides)
        self.cellules_vides = 0
        fois = min(repete, place)
        ligne, colonne = len(self.lignes) + self.lignes_vides + 1, len(self.ligne) + 1
        self.budget.cellule(valeur, self.feuille, ligne, colonne, fois)
        self.ligne.extend([valeur] * fois)

    def _fin_ligne(self, row) -> None:
        repete = _repetition(row, "number-rows-repeated")
        if not self.ligne:
            self.lignes_vides += repete
            return
        if self.lignes_vides:
            self.budget.ligne(self.lignes_vides)
            self.lignes.extend([] for _ in range(self.lignes_vides))
            self.lignes_vides = 0
        for _ in range(repete):
            self.budget.ligne()
            self.lignes.append(list(self.ligne))


def lire_ods(archive: zipfile.ZipFile, budget: Budget) -> dict[str, list[Ligne]]:
    """The first ``FEUILLES_MAX`` sheets of the file, as rows of cell values."""
    lecteur = _Lecteur(budget)
    ouverts: list = []  # the open elements, to drop each one once read
    with archive.open("content.xml") as contenu:
        for evenement, element in SafeET.iterparse(contenu, events=("start", "end")):
            if evenement == "start":
                lecteur.debut(element)
                ouverts.append(element)
                continue
            ouverts.pop()
            if lecteur.fin(element) and ouverts:
                ouverts[-1].remove(element)
            if len(lecteur.feuilles) >= FEUILLES_MAX:
                break
    return lecteur.feuilles


def _valeur(cell, lecteur: _Lecteur) -> Any:
    type_ = cell.get(_t(NS_OFFICE, "value-type"))
    if type_ in ("float", "percentage", "currency"):
        nombre = float(cell.get(_t(NS_OFFICE, "value"), "0"))
        return int(nombre) if nombre.is_integer() else nombre
    if type_ == "date":
        brut = cell.get(_t(NS_OFFICE, "date-value"), "")
        try:
            return datetime.datetime.fromisoformat(brut)
        except ValueError:
            return brut
    if type_ == "boolean":
        return cell.get(_t(NS_OFFICE, "boolean-value")) == "true"
    texte = _Texte(lecteur)
    for paragraphe in cell.iter(_t(NS_TEXT, "p")):
        if texte.morceaux:
            texte.ajouter("\n")
        texte.lire(paragraphe)
    return "".join(texte.morceaux)


class _Texte:
    """The text of one cell, refused as soon as it grows past the length of a cell."""

    def __init__(self, lecteur: _Lecteur):
        self.lecteur = lecteur
        self.morceaux: list[str] = []
        self.longueur = 0

    def ajouter(self, morceau: str) -> None:
        self.longueur += len(morceau)
        if self.longueur > LONGUEUR_CELLULE_MAX:
            lecteur = self.lecteur
            ligne = len(lecteur.lignes) + lecteur.lignes_vides + 1
            colonne = len(lecteur.ligne) + lecteur.cellules_vides + 1
            raise lecteur.budget.cellule_trop_longue(lecteur.feuille, ligne, colonne)
        self.morceaux.append(morceau)

    def lire(self, element) -> None:
        self.ajouter(element.text or "")
        for enfant in element:
            if enfant.tag == _t(NS_TEXT, "s"):
                espaces = int(enfant.get(_t(NS_TEXT, "c"), "1"))
                self.ajouter(" " * max(0, min(espaces, LONGUEUR_CELLULE_MAX + 1)))
            elif enfant.tag == _t(NS_TEXT, "tab"):
                self.ajouter("\t")
            elif enfant.tag == _t(NS_TEXT, "line-break"):
                self.ajouter("\n")
            else:
                self.lire(enfant)
            self.ajouter(enfant.tail or "")
