"""Uploads that are not what they claim get a French message and write nothing."""

import io
import zipfile

from django.test import override_settings
from django.urls import reverse

from clsante.imports.models import Import
from clsante.programme.models import FicheAction
from tests.imports.conftest import appliquer, derniere_import, televerser

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _refus(page) -> str:
    html = page.content.decode()
    assert page.status_code == 200
    return html


def test_renamed_binary_is_refused(client_coordinatrice, morlaix):
    page = televerser(client_coordinatrice, morlaix, PNG, "programme.xlsx")
    assert "n&#x27;est pas un classeur XLSX, ODS ou CSV lisible" in _refus(page)
    assert "Rien n&#x27;a été importé" in page.content.decode()
    assert not Import.objects.filter(contrat=morlaix).exists()


def test_zip_that_is_not_a_workbook_is_refused(client_coordinatrice, morlaix):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.txt", "rien")
    page = televerser(client_coordinatrice, morlaix, buffer.getvalue(), "programme.ods")
    assert "n&#x27;est pas un classeur XLSX, ODS ou CSV lisible" in _refus(page)


def test_zip_bomb_is_refused_before_it_expands(client_coordinatrice, morlaix):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (150 * 1024 * 1024))
    contenu = buffer.getvalue()
    assert len(contenu) < 1024 * 1024
    page = televerser(client_coordinatrice, morlaix, contenu, "programme.xlsx")
    assert "archive piégée" in _refus(page)
    assert not Import.objects.filter(contrat=morlaix).exists()


def test_a_50_mb_upload_gets_the_size_message(client_coordinatrice, morlaix, tmp_path):
    gros = tmp_path / "gros.csv"
    with gros.open("wb") as f:
        ligne = b"1;Axe;1.1;Titre\n"
        f.write(ligne * (50 * 1024 * 1024 // len(ligne)))
    with gros.open("rb") as f:
        page = client_coordinatrice.post(
            reverse("imports:televerser", args=[morlaix.pk, "programme"]),
            {"fichier": f},
            follow=True,
        )
    assert "dépasse la taille maximale de 10 Mo" in _refus(page)
    assert not Import.objects.filter(contrat=morlaix).exists()


@override_settings(CLSANTE_IMPORT_TAILLE_MAX=1000)
def test_size_limit_comes_from_the_settings(client_coordinatrice, morlaix):
    page = televerser(client_coordinatrice, morlaix, b"a;b\n" * 400, "petit.csv")
    assert "dépasse la taille maximale" in _refus(page)


def test_formula_in_a_csv_cell_is_stored_as_text_and_exported_neutralised(
    client_coordinatrice, contrat_vierge
):
    formule = "=cmd|' /C calc'!A0"
    contenu = (
        "Axe (numéro);Axe (titre);Numéro de fiche;Titre;Description\n"
        f"1;Prévention;1.1;Action;{formule}\n"
    ).encode()
    televerser(client_coordinatrice, contrat_vierge, contenu, "programme.csv")
    appliquer(client_coordinatrice, derniere_import(contrat_vierge))
    fiche = FicheAction.objects.get(contrat=contrat_vierge, numero="1.1")
    assert fiche.description == formule
    export = client_coordinatrice.get(
        reverse("imports:export_programme", args=[contrat_vierge.pk, "csv"])
    )
    assert "'=cmd|' /C calc'!A0" in export.content.decode()
    xlsx = client_coordinatrice.get(
        reverse("imports:export_programme", args=[contrat_vierge.pk, "xlsx"])
    )
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws["G2"].value == "'" + formule
    assert ws["G2"].data_type == "s"


def test_xlsx_formula_without_computed_value_is_refused_naming_the_cell(
    client_coordinatrice, morlaix
):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre"])
    wb.active.append([1, "Axe", "1.1", '=HYPERLINK("http://example.org")'])
    buffer = io.BytesIO()
    wb.save(buffer)
    page = televerser(client_coordinatrice, morlaix, buffer.getvalue(), "programme.xlsx")
    assert "formules sans valeur calculée (cellules D2)" in _refus(page)
