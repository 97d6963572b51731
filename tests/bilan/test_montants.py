"""Financing lines in the answer form: an amount obtained only once it is obtained, in French."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.bilan.test_reponse import _donnees
from tests.personas import client_de


def _url(campagne, fiche) -> str:
    return reverse("bilan:repondre", args=[campagne.pk, fiche.pk])


def _champ(page: str, nom: str) -> str:
    debut = page.index(f'name="{nom}"')
    return page[page.rindex("<input", 0, debut) : page.index(">", debut)]


@pytest.mark.django_db
def test_a_requested_line_leaves_the_amount_obtained_empty(campagne, fiche_du_porteur):
    sollicite = fiche_du_porteur.financements.get(annee=2026)  # 15 000 € requested
    page = client_de("porteur.demo").get(_url(campagne, fiche_du_porteur)).text
    champ = _champ(page, f"financement-{sollicite.pk}-montant")
    assert "value=" not in champ
    assert "le montant sollicité (15\u202f000\u00a0€) est conservé" in page


@pytest.mark.django_db
def test_an_obtained_line_shows_its_amount_the_french_way(campagne, morlaix):
    fiche = morlaix.fiches.get(numero="5.5")  # 3 000 € acquired in 2026
    acquis = fiche.financements.get(annee=2026, statut="acquis")
    page = client_de("porteur.demo").get(_url(campagne, fiche)).text
    assert 'value="3 000,00"' in _champ(page, f"financement-{acquis.pk}-montant")


@pytest.mark.django_db
def test_left_empty_a_requested_line_keeps_its_amount(campagne, fiche_du_porteur):
    sollicite = fiche_du_porteur.financements.get(annee=2026)
    prefixe = f"financement-{sollicite.pk}"
    data = _donnees(
        fiche_du_porteur, **{f"{prefixe}-montant": "", f"{prefixe}-statut": "sollicite"}
    )
    response = client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 302
    sollicite.refresh_from_db()
    assert (sollicite.montant, sollicite.statut) == (Decimal("15000"), "sollicite")
    assert sollicite.version == 1  # untouched


@pytest.mark.django_db
def test_an_obtained_line_needs_its_amount(campagne, fiche_du_porteur):
    sollicite = fiche_du_porteur.financements.get(annee=2026)
    prefixe = f"financement-{sollicite.pk}"
    data = _donnees(fiche_du_porteur, **{f"{prefixe}-montant": "", f"{prefixe}-statut": "acquis"})
    response = client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 400
    assert "Indiquez le montant obtenu." in response.text
    sollicite.refresh_from_db()
    assert sollicite.statut == "sollicite"


@pytest.mark.django_db
@pytest.mark.parametrize(("saisi", "montant"), [("12 500,50", "12500.50"), ("12500.5", "12500.5")])
def test_an_amount_may_be_typed_with_a_decimal_comma(campagne, fiche_du_porteur, saisi, montant):
    sollicite = fiche_du_porteur.financements.get(annee=2026)
    prefixe = f"financement-{sollicite.pk}"
    data = _donnees(fiche_du_porteur, **{f"{prefixe}-montant": saisi})
    client = client_de("porteur.demo")
    assert client.post(_url(campagne, fiche_du_porteur), data).status_code == 302
    sollicite.refresh_from_db()
    assert (sollicite.montant, sollicite.statut) == (Decimal(montant), "acquis")
    page = client.get(_url(campagne, fiche_du_porteur)).text
    assert 'value="12 500,50"' in _champ(page, f"{prefixe}-montant")


@pytest.mark.django_db
def test_a_wrong_amount_is_refused_in_french(campagne, fiche_du_porteur):
    sollicite = fiche_du_porteur.financements.get(annee=2026)
    data = _donnees(fiche_du_porteur, **{f"financement-{sollicite.pk}-montant": "quinze mille"})
    response = client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 400
    assert "Saisissez un montant en euros, par exemple 15 000 ou 2 500,50." in response.text
    assert 'value="quinze mille"' in response.text


@pytest.mark.django_db
def test_a_new_financing_accepts_a_decimal_comma(campagne, fiche_du_porteur):
    from clsante.organisations.models import Organisation

    financeur = Organisation.objects.exclude(pk=fiche_du_porteur.porteur_id).first()
    data = _donnees(
        fiche_du_porteur,
        **{"financement-financeur": financeur.pk, "financement-montant": "2 500,75"},
    )
    client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    ajout = fiche_du_porteur.financements.get(financeur=financeur, annee=2026)
    assert (ajout.montant, ajout.statut) == (Decimal("2500.75"), "acquis")


@pytest.mark.django_db
def test_a_wrong_new_amount_gets_one_clear_error(campagne, fiche_du_porteur):
    from clsante.organisations.models import Organisation

    financeur = Organisation.objects.exclude(pk=fiche_du_porteur.porteur_id).first()
    data = _donnees(
        fiche_du_porteur, **{"financement-financeur": financeur.pk, "financement-montant": "abc"}
    )
    response = client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 400
    assert "Indiquez le montant obtenu." not in response.text
    assert 'value="abc"' in response.text
