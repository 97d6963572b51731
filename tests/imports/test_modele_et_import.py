"""The template in three formats, and importing it into a contract."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from clsante.imports.lecture import lire
from tests.imports.conftest import appliquer, derniere_import, televerser


@pytest.mark.parametrize("format_", ["xlsx", "ods", "csv"])
def test_programme_template_downloads_with_its_headers_in_each_format(
    client_coordinatrice, format_
):
    response = client_coordinatrice.get(reverse("imports:modele", args=["programme", format_]))
    assert response.status_code == 200
    classeur = lire(io.BytesIO(response.content), f"modele.{format_}", len(response.content))
    premiere_feuille = next(iter(classeur.feuilles.values()))
    assert premiere_feuille[0][:4] == ["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre"]
    assert "Financeur 1" in premiere_feuille[0]
    if format_ != "csv":
        assert "Aide" in classeur.feuilles


def test_xlsx_template_has_an_example_row_and_a_help_sheet(client_coordinatrice):
    response = client_coordinatrice.get(reverse("imports:modele", args=["programme", "xlsx"]))
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Programme", "Aide"]
    assert wb["Programme"]["D2"].value == "Médiation en santé dans les quartiers prioritaires"
    aides = {row[0]: row[1] for row in wb["Aide"].iter_rows(min_row=2, values_only=True)}
    assert "JJ/MM/AAAA" in aides["Date de début"]


def test_template_example_imports_into_a_new_contract(client_coordinatrice, contrat_vierge):
    modele = client_coordinatrice.get(reverse("imports:modele", args=["programme", "xlsx"]))
    avant = contrat_vierge.fiches.count()
    page = televerser(client_coordinatrice, contrat_vierge, modele.content, "modele.xlsx")
    assert "Aperçu ligne par ligne" in page.content.decode()
    imp = derniere_import(contrat_vierge)
    assert imp.rapport["totaux"]["creee"] == 1
    assert "ARS (exemple)" in imp.rapport["organisations_creees"]
    assert contrat_vierge.fiches.count() == avant  # nothing written before « Importer »
    page = appliquer(client_coordinatrice, imp)
    assert "Import terminé" in page.content.decode()
    fiche = contrat_vierge.fiches.get(numero="1.1")
    assert fiche.titre == "Médiation en santé dans les quartiers prioritaires"
    assert fiche.statut == "en_cours" and fiche.priorite == "haute"
    assert fiche.porteur.nom == "Centre social (exemple)"
    assert {p.nom for p in fiche.partenaires.all()} == {
        "CPAM (exemple)",
        "Centre hospitalier (exemple)",
    }
    assert fiche.financements.get().montant == 20000
    assert fiche.history.first().history_user.username == "coordinatrice.morlaix"
