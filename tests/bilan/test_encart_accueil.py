"""The home page tells a porteur which fiches an open campaign asks him to complete."""

import datetime

import pytest
from django.urls import reverse

from clsante.bilan.models import CampagneBilan
from clsante.comptes.models import Utilisateur
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def _campagne(contrat) -> CampagneBilan:
    return CampagneBilan.objects.create(
        contrat=contrat,
        annee=2025,
        date_limite=datetime.date.today() + datetime.timedelta(days=20),
        ouverte_par=Utilisateur.objects.get(username="coordinatrice.morlaix"),
    )


def test_a_porteur_sees_how_many_fiches_are_left_and_where_to_complete_them(morlaix):
    _campagne(morlaix)
    page = client_de("porteur.demo").get(reverse("programme:accueil")).text
    assert "Bilan annuel : vos fiches à compléter" in page
    assert "bilan 2025 : 4 fiches à compléter" in page
    assert reverse("bilan:mes_fiches") in page


def test_no_notice_without_an_open_campaign_or_for_the_coordination(morlaix):
    assert "vos fiches à compléter" not in client_de("porteur.demo").get("/").text
    _campagne(morlaix)
    assert "vos fiches à compléter" not in client_de("coordinatrice.morlaix").get("/").text


def test_past_the_deadline_the_notice_says_so(morlaix):
    campagne = _campagne(morlaix)
    campagne.date_limite = datetime.date.today() - datetime.timedelta(days=3)
    campagne.save()
    page = client_de("porteur.demo").get(reverse("programme:accueil")).text
    assert "est passée, répondez dès que possible" in page
    assert "à compléter avant le" not in page
    fiches = client_de("porteur.demo").get(reverse("bilan:mes_fiches")).text
    assert "dès que possible (la date limite du" in fiches
