"""Workbooks for people: the templates and the programme export as XLSX (ODS: ``classeurs_ods``).

A ``Feuille`` says what a sheet holds and how it reads in a spreadsheet: column widths,
wrapped columns, drop-down lists of the words the import accepts, and a frozen header
row. Dates are date cells shown as JJ/MM/AAAA; text cells a spreadsheet would run as a
formula are neutralised (the import reads them back).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from clsante.core.tableaux import neutraliser

FORMAT_DATE_XLSX = "DD/MM/YYYY"
LIGNES_LISTES = 1000  # the drop-down lists cover the rows people are likely to fill


@dataclass
class Feuille:
    titre: str
    lignes: list[list[Any]]  # the header row first
    largeurs: list[int] = field(default_factory=list)  # in characters, one per column
    listes: dict[int, list[str]] = field(default_factory=dict)  # column index → words
    a_la_ligne: set[int] = field(default_factory=set)  # columns whose text wraps

    @property
    def derniere_ligne_listes(self) -> int:
        return max(LIGNES_LISTES, len(self.lignes) + 200)


def valeur_cellule(valeur: Any) -> Any:
    """What a cell holds: None for empty, a date for a date, the neutralised text otherwise."""
    if valeur == "":
        return None
    if isinstance(valeur, datetime.datetime):
        return valeur.date()
    return neutraliser(valeur)


def liste_deroulante(mots: list[str]) -> DataValidation:
    """A drop-down list that warns (rather than refuses) on other words: the import also
    accepts variants (« terminée », « élevée »…) described in the « Aide » sheet."""
    return DataValidation(
        type="list",
        formula1='"' + ",".join(mots) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Valeur hors liste",
        error="Choisissez une valeur de la liste (la feuille « Aide » donne les variantes "
        "acceptées à l'import).",
    )


def _feuille_xlsx(ws, feuille: Feuille) -> None:
    for ligne in feuille.lignes:
        ws.append([valeur_cellule(v) for v in ligne])
    for i, largeur in enumerate(feuille.largeurs, start=1):
        ws.column_dimensions[get_column_letter(i)].width = largeur
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = FORMAT_DATE_XLSX
            cell.alignment = Alignment(wrap_text=cell.column - 1 in feuille.a_la_ligne,
                                       vertical="top")  # fmt: skip
    fin = feuille.derniere_ligne_listes
    for i, mots in feuille.listes.items():
        validation = liste_deroulante(mots)
        lettre = get_column_letter(i + 1)
        validation.add(f"{lettre}2:{lettre}{fin}")
        ws.add_data_validation(validation)
    ws.freeze_panes = "A2"


def octets_xlsx(feuilles: list[Feuille]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for feuille in feuilles:
        _feuille_xlsx(wb.create_sheet(feuille.titre[:31]), feuille)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
