"""Porteur organisations without an account: the progress page says the coordination answers."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.personas import client_de

CPAM = "CPAM du Finistère"
SOLIDARITES = "Association Solidarités Trégor-Léon"  # porteur.demo's organisation


def _url(campagne) -> str:
    return reverse("bilan:campagne", args=[campagne.pk])


def _ligne(page: str, debut: str) -> str:
    position = page.index(debut)
    return page[position : page.index("</tr>", position)]


def _sans_compte(contrat) -> int:
    fiches = contrat.fiches.exclude(statut="abandonnee").filter(porteur__isnull=False)
    return fiches.values("porteur").distinct().count() - 1  # all but porteur.demo's


@pytest.mark.django_db
def test_the_coordinatrice_is_told_to_answer_for_organisations_without_account(campagne, morlaix):
    page = client_de("coordinatrice.morlaix").get(_url(campagne)).text
    n = _sans_compte(morlaix)
    assert escape(f"{n} structures porteuses n'ont pas de compte dans CLSanté") in page
    assert "recueillez le bilan auprès de chaque structure et répondez pour elle" in page
    assert f"dont {n} sans compte dans CLSanté" in page
    porteurs = page[page.index("Réponses par organisation porteuse") :]
    assert "Sans compte" in _ligne(porteurs, f'<th scope="row">{CPAM}</th>')
    assert "Fiches à renseigner par la coordination" in porteurs
    assert "Sans compte" not in _ligne(porteurs, f'<th scope="row">{SOLIDARITES}</th>')


@pytest.mark.django_db
def test_fiches_of_organisations_without_account_are_marked_with_an_answer_link(campagne, morlaix):
    page = client_de("coordinatrice.morlaix").get(_url(campagne)).text
    cpam = morlaix.fiches.filter(porteur__nom=CPAM).first()
    ligne = _ligne(page, f'<tr id="fiche-{cpam.pk}">')
    assert "Sans compte" in ligne
    assert reverse("bilan:repondre", args=[campagne.pk, cpam.pk]) in ligne
    du_porteur = morlaix.fiches.get(numero="1.4")
    assert "Sans compte" not in _ligne(page, f'<tr id="fiche-{du_porteur.pk}">')


@pytest.mark.django_db
def test_an_elected_official_reads_who_answers_without_being_asked_to(campagne, morlaix):
    page = client_de("elu.morlaix").get(_url(campagne)).text
    assert "Leurs fiches sont à renseigner par la coordination." in page
    assert "répondez pour elle" not in page


@pytest.mark.django_db
def test_a_closed_campaign_no_longer_asks_to_answer(campagne):
    campagne.close_le = timezone.now()
    campagne.save()
    page = client_de("coordinatrice.morlaix").get(_url(campagne)).text
    assert "pas de compte dans CLSanté" not in page
