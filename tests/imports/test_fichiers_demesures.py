"""Tiny uploads describing huge tables are refused in French before they fill the memory."""

import io
import tracemalloc
import zipfile

from openpyxl import Workbook

from clsante.imports.models import Import
from tests.imports.conftest import csv_octets, televerser

MIME_ODS = "application/vnd.oasis.opendocument.spreadsheet"
ENTETE_ODS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    "<office:body><office:spreadsheet>"
)
PIED_ODS = "</office:spreadsheet></office:body></office:document-content>"
PLAFOND = 50 * 1024 * 1024


def _ods(tables: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", MIME_ODS, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", ENTETE_ODS + tables + PIED_ODS)
    return buffer.getvalue()


def _table(nom: str, lignes: str) -> str:
    return f'<table:table table:name="{nom}">{lignes}</table:table>'


def _televerser_mesure(client, contrat, contenu: bytes, nom: str) -> tuple[str, int]:
    tracemalloc.start()
    try:
        page = televerser(client, contrat, contenu, nom)
        _, pic = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return page.content.decode(), pic


def test_ods_space_repeated_two_billion_times_is_refused(client_coordinatrice, morlaix):
    cellule = (
        '<table:table-cell><text:p>a<text:s text:c="2000000000"/>b</text:p></table:table-cell>'
    )
    contenu = _ods(_table("Programme", f"<table:table-row>{cellule}</table:table-row>"))
    assert len(contenu) < 1000
    html, pic = _televerser_mesure(client_coordinatrice, morlaix, contenu, "programme.ods")
    assert "la cellule A1 de la feuille « Programme » dépasse 32\u202f767 caractères" in html
    assert "Rien n&#x27;a été importé" in html
    assert pic < PLAFOND
    assert not Import.objects.filter(contrat=morlaix).exists()


def test_ods_rows_repeated_over_many_sheets_are_counted_for_the_whole_file(
    client_coordinatrice, morlaix
):
    ligne = (
        '<table:table-row table:number-rows-repeated="5000">'
        '<table:table-cell table:number-columns-repeated="200" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    contenu = _ods("".join(_table(f"F{i}", ligne) for i in range(40)))
    assert len(contenu) < 1000
    html, pic = _televerser_mesure(client_coordinatrice, morlaix, contenu, "programme.ods")
    assert "compte plus de 5\u202f000 lignes (lignes vides comprises" in html
    assert pic < PLAFOND


def test_xlsx_declaring_100000_empty_rows_is_refused(client_coordinatrice, morlaix):
    wb = Workbook()
    wb.active["A1"] = "Titre"
    wb.active["GR100000"] = "fin"
    buffer = io.BytesIO()
    wb.save(buffer)
    assert len(buffer.getvalue()) < 10_000
    html, pic = _televerser_mesure(client_coordinatrice, morlaix, buffer.getvalue(), "p.xlsx")
    assert "compte plus de 5\u202f000 lignes (lignes vides comprises" in html
    assert pic < PLAFOND


def test_csv_cell_longer_than_a_spreadsheet_cell_is_refused(client_coordinatrice, morlaix):
    contenu = csv_octets([["Axe (numéro)", "Titre"], [1, "x" * 40_000]])
    html = televerser(client_coordinatrice, morlaix, contenu, "programme.csv").content.decode()
    assert "la cellule B2 de la feuille « CSV » dépasse 32\u202f767 caractères" in html


def test_ods_empty_rows_between_data_keep_the_spreadsheet_row_numbers(
    client_coordinatrice, contrat_vierge
):
    def ligne(*valeurs: str, repete: int = 1) -> str:
        cellules = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
            for v in valeurs
        )
        return (
            f'<table:table-row table:number-rows-repeated="{repete}">{cellules}</table:table-row>'
        )

    lignes = (
        ligne("Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre", "Date de début")
        + ligne(repete=3)
        + ligne("1", "Prévention", "1.1", "Action", "pas une date")
        + ligne(repete=1048570)
    )
    televerser(client_coordinatrice, contrat_vierge, _ods(_table("Programme", lignes)), "p.ods")
    imp = Import.objects.get(contrat=contrat_vierge)
    assert imp.erreurs == [
        "Ligne 5, colonne « Date de début » : date illisible « pas une date » (attendu JJ/MM/AAAA)"
    ]
