"""The programme round-trips through its export: re-importing changes nothing."""

import csv
import io

import pytest
from django.urls import reverse

from clsante.programme.models import FicheAction
from tests.imports.conftest import appliquer, derniere_import, televerser


def _export(client, contrat, format_: str) -> bytes:
    response = client.get(reverse("imports:export_programme", args=[contrat.pk, format_]))
    assert response.status_code == 200
    return response.content


def _lignes_csv(client, contrat) -> list[list[str]]:
    return list(csv.reader(io.StringIO(_export(client, contrat, "csv").decode("utf-8-sig"))))


@pytest.mark.parametrize("format_", ["xlsx", "ods", "csv"])
def test_reimporting_an_export_leaves_every_fiche_unchanged(client_coordinatrice, morlaix, format_):
    historique = FicheAction.history.count()
    export = _export(client_coordinatrice, morlaix, format_)
    page = televerser(client_coordinatrice, morlaix, export, f"programme.{format_}")
    imp = derniere_import(morlaix)
    assert imp.rapport["totaux"] == {"creee": 0, "modifiee": 0, "inchangee": 28, "erreur": 0}
    assert imp.rapport["organisations_creees"] == []
    assert "inchangée" in page.content.decode()
    appliquer(client_coordinatrice, imp)
    assert FicheAction.history.count() == historique  # nothing written, no history row


def test_export_imported_into_a_new_contract_gives_the_same_programme(
    client_coordinatrice, morlaix, contrat_vierge
):
    televerser(client_coordinatrice, contrat_vierge, _export(client_coordinatrice, morlaix, "xlsx"),
               "programme-morlaix.xlsx")  # fmt: skip
    imp = derniere_import(contrat_vierge)
    assert imp.erreurs == []
    appliquer(client_coordinatrice, imp)
    assert contrat_vierge.fiches.count() == 28
    assert _lignes_csv(client_coordinatrice, contrat_vierge) == _lignes_csv(
        client_coordinatrice, morlaix
    )


def test_changed_cell_is_shown_in_the_preview_then_written(client_coordinatrice, morlaix):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(_export(client_coordinatrice, morlaix, "xlsx")))
    ws = wb.active
    ws["D2"] = "Titre corrigé par l'import"
    buffer = io.BytesIO()
    wb.save(buffer)
    page = televerser(client_coordinatrice, morlaix, buffer.getvalue(), "programme.xlsx")
    imp = derniere_import(morlaix)
    assert imp.rapport["totaux"]["modifiee"] == 1
    assert "Titre" in page.content.decode()
    numero = ws["C2"].value
    appliquer(client_coordinatrice, imp)
    fiche = morlaix.fiches.get(numero=numero)
    assert fiche.titre == "Titre corrigé par l'import"
    # Morlaix is signed: the change is an amendment awaiting the ARS, like an edit.
    assert fiche.avenants.filter(statut="en_attente").exists()


def test_schema_describes_the_csv_columns(client_coordinatrice, morlaix):
    import json

    schema = json.loads(_export(client_coordinatrice, morlaix, "schema"))
    noms = [f["name"] for f in schema["fields"]]
    assert noms == _lignes_csv(client_coordinatrice, morlaix)[0]
    assert {"name": "date_debut", "type": "date"}.items() <= schema["fields"][14].items()
