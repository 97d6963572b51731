"""The ODS version of ``classeurs``: the same ``Feuille``s, written with odfdo.

odfdo has no call for drop-down lists or a frozen header, so this module writes the few
OpenDocument elements they need: ``table:content-validations`` (one per list, referenced by
the cells of its column) and the split settings of each sheet in ``settings.xml``.
"""

from __future__ import annotations

import datetime
import io
from xml.sax.saxutils import quoteattr

from odfdo import Cell, Column, Document, Element, Row, Table

from clsante.imports.classeurs import Feuille, valeur_cellule

CM_PAR_CARACTERE = 0.21
STYLES = (
    '<number:date-style style:name="N_date_fr"><number:day number:style="long"/>'
    '<number:text>/</number:text><number:month number:style="long"/>'
    '<number:text>/</number:text><number:year number:style="long"/></number:date-style>',
    '<style:style style:name="ce_date" style:family="table-cell" '
    'style:data-style-name="N_date_fr">'
    '<style:table-cell-properties style:vertical-align="top"/></style:style>',
    '<style:style style:name="ce_haut" style:family="table-cell">'
    '<style:table-cell-properties style:vertical-align="top"/></style:style>',
    '<style:style style:name="ce_titre" style:family="table-cell">'
    '<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/>'
    '<style:text-properties fo:font-weight="bold"/></style:style>',
    '<style:style style:name="ce_ligne" style:family="table-cell">'
    '<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/>'
    "</style:style>",
)


def _styles(document: Document, feuilles: list[Feuille]) -> None:
    automatiques = document.content.get_element("//office:automatic-styles")
    largeurs = sorted({w for f in feuilles for w in f.largeurs})
    colonnes = [
        f'<style:style style:name="co_{w}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w * CM_PAR_CARACTERE:.2f}cm"/>'
        "</style:style>"
        for w in largeurs
    ]
    for xml in (*STYLES, *colonnes):
        automatiques.append(Element.from_tag(xml))


def _nom_validation(feuille: int, colonne: int) -> str:
    return f"liste_{feuille}_{colonne}"


def _validations(feuilles: list[Feuille]) -> Element | None:
    elements = []
    for n, feuille in enumerate(feuilles):
        for i, mots in feuille.listes.items():
            condition = "of:cell-content-is-in-list(" + ";".join(f'"{m}"' for m in mots) + ")"
            elements.append(
                f'<table:content-validation table:name="{_nom_validation(n, i)}" '
                f"table:condition={quoteattr(condition)} "
                'table:allow-empty-cell="true" table:display-list="unsorted">'
                '<table:error-message table:title="Valeur hors liste" table:display="true" '
                'table:message-type="warning"><text:p>Choisissez une valeur de la liste (la '
                "feuille « Aide » donne les variantes acceptées à l'import).</text:p>"
                "</table:error-message></table:content-validation>"
            )
    if not elements:
        return None
    return Element.from_tag(
        "<table:content-validations>" + "".join(elements) + "</table:content-validations>"
    )


def _cellule(valeur, feuille: Feuille, i: int, titre: bool, validation: str | None) -> Cell:
    valeur = valeur_cellule(valeur)
    style = "ce_haut" if valeur is not None else None
    if titre:
        style = "ce_titre"
    elif isinstance(valeur, datetime.date):
        style = "ce_date"
    elif i in feuille.a_la_ligne:
        style = "ce_ligne"
    cell = Cell(valeur, style=style)
    if validation and not titre:
        cell.set_attribute("table:content-validation-name", validation)
    return cell


def _table(feuille: Feuille, n: int) -> Table:
    table = Table(feuille.titre[:31])
    for largeur in feuille.largeurs:
        table.append(Column(style=f"co_{largeur}"))
    largeur_table = max(len(feuille.largeurs), *(len(ligne) for ligne in feuille.lignes))
    noms = {i: _nom_validation(n, i) for i in feuille.listes}
    for numero, ligne in enumerate(feuille.lignes):
        row = Row()
        for i in range(largeur_table):
            valeur = ligne[i] if i < len(ligne) else None
            row.append(_cellule(valeur, feuille, i, numero == 0, noms.get(i)))
        table.append(row)
    restantes = feuille.derniere_ligne_listes - len(feuille.lignes)
    if noms and restantes > 0:  # empty rows carrying the drop-down lists
        row = Row(repeated=restantes)
        for i in range(max(noms) + 1):
            row.append(_cellule(None, feuille, i, False, noms.get(i)))
        table.append(row)
    return table


def _figer_entetes(document: Document, feuilles: list[Feuille]) -> None:
    """Freeze row 1 of each sheet: one entry per sheet in the view settings."""
    settings = document.get_part("settings.xml")
    modele = settings.get_element("//config:config-item-map-named[@config:name='Tables']")
    if modele is None:
        return
    modele.clear()
    modele.set_attribute("config:name", "Tables")
    for feuille in feuilles:
        items = {
            "HorizontalSplitMode": ("short", "0"),
            "VerticalSplitMode": ("short", "2"),
            "HorizontalSplitPosition": ("int", "0"),
            "VerticalSplitPosition": ("int", "1"),
            "ActiveSplitRange": ("short", "2"),
            "PositionLeft": ("int", "0"),
            "PositionRight": ("int", "0"),
            "PositionTop": ("int", "0"),
            "PositionBottom": ("int", "1"),
        }
        xml = "".join(
            f'<config:config-item config:name="{nom}" config:type="{type_}">{valeur}'
            "</config:config-item>"
            for nom, (type_, valeur) in items.items()
        )
        modele.append(
            Element.from_tag(
                f"<config:config-item-map-entry config:name={quoteattr(feuille.titre[:31])}>"
                f"{xml}</config:config-item-map-entry>"
            )
        )
    if not feuilles:
        return
    for item in settings.get_elements("//config:config-item[@config:name='ActiveTable']"):
        item.text = feuilles[0].titre[:31]


def octets_ods(feuilles: list[Feuille]) -> bytes:
    document = Document("spreadsheet")
    body = document.body
    body.clear()
    _styles(document, feuilles)
    validations = _validations(feuilles)
    if validations is not None:
        body.append(validations)
    for n, feuille in enumerate(feuilles):
        body.append(_table(feuille, n))
    _figer_entetes(document, feuilles)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
