"""The observatory's filters read in French alphabetical order."""

import pytest
from django.urls import reverse

from clsante.observatoire.forms import FiltreObservatoireForm
from clsante.territoires.models import Region
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def test_regions_are_offered_in_french_alphabetical_order():
    Region.objects.update_or_create(code="11", defaults={"nom": "Île-de-France"})
    Region.objects.update_or_create(code="52", defaults={"nom": "Pays de la Loire"})
    Region.objects.update_or_create(code="24", defaults={"nom": "Centre-Val de Loire"})
    groupes = dict(FiltreObservatoireForm().fields["region"].choices[1:])
    noms = [nom for _code, nom in groupes["Régions"]]
    assert noms.index("Centre-Val de Loire") < noms.index("Île-de-France")
    assert noms.index("Île-de-France") < noms.index("Pays de la Loire")


def test_overseas_collectivities_are_offered_apart_from_the_regions():
    Region.objects.update_or_create(code="53", defaults={"nom": "Bretagne"})
    Region.objects.update_or_create(code="987", defaults={"nom": "Polynésie française"})
    choix = FiltreObservatoireForm().fields["region"].choices
    assert choix[0] == ("", "Toute la France")
    groupes = dict(choix[1:])
    assert ("53", "Bretagne") in groupes["Régions"]
    assert ("987", "Polynésie française") in groupes["Collectivités d'outre-mer"]
    assert ("987", "Polynésie française") not in groupes["Régions"]


@pytest.mark.parametrize("page", ["observatoire:inventaire", "observatoire:couverture"])
def test_an_ars_referent_sees_her_region_selected_until_she_picks_another(page):
    client = client_de("referent.ars")
    selectionnee = '<option value="53" selected>Bretagne</option>'
    assert selectionnee in client.get(reverse(page)).text
    assert selectionnee in client.get(reverse(page), {"generation": "2"}).text
    partout = client.get(reverse(page), {"region": ""}).text
    assert '<option value="" selected>Toute la France</option>' in partout
    assert selectionnee not in partout


@pytest.mark.parametrize("page", ["observatoire:inventaire", "observatoire:couverture"])
def test_the_region_a_referent_starts_on_is_not_shown_to_the_next_reader(page):
    """The filter's markup is cached: the referent's region must not be selected for a
    reader who sees all of France at the same address, nor the other way round."""
    selectionnee = '<option value="53" selected>Bretagne</option>'
    assert selectionnee in client_de("referent.ars").get(reverse(page)).text
    partout = client_de("lecteur").get(reverse(page)).text
    assert selectionnee not in partout
    assert '<option value="" selected>Toute la France</option>' in partout
    assert selectionnee in client_de("referent.ars").get(reverse(page)).text


def test_the_first_generation_reads_premiere():
    choix = dict(FiltreObservatoireForm().fields["generation"].choices)
    assert choix[1] == "1re génération" and choix[2] == "2e génération"


def test_departments_are_offered_under_their_region():
    choix = FiltreObservatoireForm().fields["departement"].choices
    assert choix[0] == ("", "Tous")
    groupes = dict(choix[1:])
    assert ("29", "29 — Finistère") in groupes["Bretagne"]
    assert all(code.startswith(("22", "29", "35", "56")) for code, _ in groupes["Bretagne"])
