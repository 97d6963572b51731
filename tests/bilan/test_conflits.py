"""Someone changes the fiche or a financing line while the porteur answers: nothing is lost."""

import re
from decimal import Decimal

import pytest
from django.utils.html import escape

from clsante.bilan.models import ReponseBilan
from clsante.programme.models import FicheAction
from tests.bilan.test_reponse import _donnees, _url
from tests.personas import client_de


def _version_affichee(page: str, prefixe: str) -> int:
    return int(re.search(rf'name="{prefixe}-version_lue" value="(\d+)"', page).group(1))


@pytest.mark.django_db
def test_a_financing_line_changed_meanwhile_is_named_and_can_be_saved_again(
    campagne, fiche_du_porteur
):
    financement = fiche_du_porteur.financements.get(annee=2026)
    prefixe = f"financement-{financement.pk}"
    data = _donnees(fiche_du_porteur)  # the porteur opened the questionnaire
    financement.montant = Decimal("8000")  # meanwhile, the coordination changes the line
    financement.save()
    client = client_de("porteur.demo")

    response = client.post(_url(campagne, fiche_du_porteur), data)

    assert response.status_code == 409
    page = response.text
    assert escape("Cette ligne de financement a été modifiée par quelqu'un d'autre") in page
    assert "8\u202f000\u00a0€" in page  # what the line holds now
    assert escape("Cette fiche a été modifiée") not in page
    assert "Douze ateliers tenus" in page  # the rest of the answer is kept
    financement.refresh_from_db()
    assert _version_affichee(page, prefixe) == financement.version
    assert not ReponseBilan.objects.exists()

    data[f"{prefixe}-version_lue"] = _version_affichee(page, prefixe)
    data["statut-version_lue"] = _version_affichee(page, "statut")
    response = client.post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 302
    financement.refresh_from_db()
    assert financement.montant == Decimal("12000")
    assert ReponseBilan.objects.filter(fiche=fiche_du_porteur).count() == 1


@pytest.mark.django_db
def test_a_fiche_changed_meanwhile_shows_its_status_and_keeps_the_answer(
    campagne, fiche_du_porteur
):
    data = _donnees(fiche_du_porteur)
    fiche_du_porteur.statut = FicheAction.Statut.REPORTEE
    fiche_du_porteur.save()
    client = client_de("porteur.demo")

    response = client.post(_url(campagne, fiche_du_porteur), data)

    assert response.status_code == 409
    page = response.text
    assert escape("son statut est maintenant « Reportée »") in page
    assert escape("Cette ligne de financement") not in page
    assert "Douze ateliers tenus" in page
    fiche_du_porteur.refresh_from_db()
    assert _version_affichee(page, "statut") == fiche_du_porteur.version

    data["statut-version_lue"] = _version_affichee(page, "statut")
    assert client.post(_url(campagne, fiche_du_porteur), data).status_code == 302
    fiche_du_porteur.refresh_from_db()
    assert fiche_du_porteur.statut == FicheAction.Statut.REALISEE
