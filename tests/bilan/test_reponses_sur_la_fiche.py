"""A fiche's « Suivi » tab shows what its porteur answered in the annual campaigns."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from clsante.bilan.models import CampagneBilan
from clsante.comptes.models import Utilisateur
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def _reponse(morlaix):
    campagne = CampagneBilan.objects.create(
        contrat=morlaix,
        annee=2025,
        date_limite=datetime.date.today() + datetime.timedelta(days=20),
        ouverte_par=Utilisateur.objects.get(username="coordinatrice.morlaix"),
    )
    fiche = morlaix.fiches.get(numero="1.4")
    reponse = campagne.reponses.create(
        fiche=fiche,
        repondu_le=timezone.now(),
        repondu_par=Utilisateur.objects.get(username="porteur.demo"),
        publics_atteints="en_partie",
        difficultes="Salle indisponible pendant les travaux.",
    )
    reponse.communes_atteintes.add(morlaix.communes.get(nom="Morlaix"))
    return fiche


def test_the_contracts_people_read_the_campaign_answers_on_the_follow_up_tab(morlaix):
    fiche = _reponse(morlaix)
    page = client_de("elu.morlaix").get(reverse("programme:fiche_suivi", args=[fiche.pk])).text
    assert "Bilan 2025" in page
    assert "Salle indisponible pendant les travaux." in page
    assert "Publics atteints : En partie" in page
    assert "Communes atteintes : Morlaix" in page


def test_public_readers_do_not_see_the_campaign_answers(morlaix):
    fiche = _reponse(morlaix)
    page = client_de("lecteur").get(reverse("programme:fiche_suivi", args=[fiche.pk])).text
    assert "Salle indisponible" not in page
