"""Declarative tables exported as CSV (with a Table Schema description), XLSX or ODS.

A table is a list of `Colonne`s and rows; the same declaration gives the CSV, the
XLSX and the Table Schema, so the three always agree. Text cells that a spreadsheet
would read as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Colonne:
    nom: str  # machine name, stable: the CSV header and the schema's field name
    titre: str  # French title for people
    type: str  # Table Schema type: string, integer, number, date, boolean
    valeur: Callable[[Any], Any]
    description: str = ""


def neutraliser(value: Any) -> Any:
    """Keep a text cell from being run as a formula by a spreadsheet."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _cellules(colonnes: list[Colonne], lignes: Iterable[Any]) -> Iterable[list[Any]]:
    for ligne in lignes:
        yield [neutraliser(c.valeur(ligne)) for c in colonnes]


def reponse_csv(
    nom: str, colonnes: list[Colonne], lignes: Iterable[Any], *, bom: bool = False
) -> HttpResponse:
    """The CSV (commas, machine names as headers, ISO dates) the Table Schema describes.

    ``bom`` starts the file with a UTF-8 byte order mark, for files people open in a
    spreadsheet (without it Excel reads « Ã© » for « é »). The open-data exports keep plain
    UTF-8; people are offered the XLSX.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.nom for c in colonnes])
    for cells in _cellules(colonnes, lignes):
        writer.writerow(["" if v is None else v for v in cells])
    contenu = buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")
    response = HttpResponse(contenu, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nom}.csv"'
    return response


def reponse_xlsx(
    nom: str, titre: str, colonnes: list[Colonne], lignes: Iterable[Any]
) -> HttpResponse:
    wb = Workbook()
    ws = wb.active
    ws.title = titre[:31]
    ws.append([c.titre for c in colonnes])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for cells in _cellules(colonnes, lignes):
        ws.append(cells)
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{nom}.xlsx"'
    return response


def ods_octets(feuilles: list[tuple[str, list[list[Any]]]]) -> bytes:
    """An ODS workbook of (sheet title, rows) pairs; rows are written as given."""
    from odfdo import Document, Table

    document = Document("spreadsheet")
    body = document.body
    body.clear()
    for titre, lignes in feuilles:
        table = Table(titre[:31])
        table.set_values([["" if v is None else v for v in ligne] for ligne in lignes])
        body.append(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reponse_ods(
    nom: str, titre: str, colonnes: list[Colonne], lignes: Iterable[Any]
) -> HttpResponse:
    rows = [[c.titre for c in colonnes], *_cellules(colonnes, lignes)]
    response = HttpResponse(
        ods_octets([(titre, rows)]), content_type="application/vnd.oasis.opendocument.spreadsheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{nom}.ods"'
    return response


def schema(nom: str, titre: str, description: str, colonnes: list[Colonne]) -> dict:
    """A Table Schema (frictionless) description of the CSV export."""
    return {
        "name": nom,
        "title": titre,
        "description": description,
        "fields": [
            {"name": c.nom, "title": c.titre, "type": c.type, "description": c.description}
            for c in colonnes
        ],
    }


def reponse_schema(nom: str, titre: str, description: str, colonnes: list[Colonne]) -> HttpResponse:
    body = json.dumps(schema(nom, titre, description, colonnes), ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/schema+json; charset=utf-8")


def exporter(
    format_: str, nom: str, titre: str, colonnes: list[Colonne], lignes
) -> HttpResponse | None:
    """The export asked for with ?format=csv|xlsx|ods, or None for the HTML page."""
    if format_ == "csv":
        return reponse_csv(nom, colonnes, lignes)
    if format_ == "xlsx":
        return reponse_xlsx(nom, titre, colonnes, lignes)
    if format_ == "ods":
        return reponse_ods(nom, titre, colonnes, lignes)
    return None
