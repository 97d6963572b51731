"""« Mes fiches à compléter »: what the porteur must answer, answered or not."""

import pytest
from django.urls import reverse

from tests.bilan.conftest import repondue
from tests.personas import client_de

URL = reverse("bilan:mes_fiches")


@pytest.mark.django_db
def test_porteur_sees_the_fiches_of_his_organisation(campagne, fiches_du_porteur, morlaix):
    response = client_de("porteur.demo").get(URL)
    assert response.status_code == 200
    assert "Bilan 2026" in response.text
    for fiche in fiches_du_porteur:
        assert reverse("bilan:repondre", args=[campagne.pk, fiche.pk]) in response.text
    autre = morlaix.fiches.get(numero="1.2")
    assert reverse("bilan:repondre", args=[campagne.pk, autre.pk]) not in response.text


@pytest.mark.django_db
def test_answered_fiches_are_marked(campagne, fiche_du_porteur):
    repondue(campagne, fiche_du_porteur)
    response = client_de("porteur.demo").get(URL)
    assert response.text.count("Répondu") == 1
    assert response.text.count("Modifier la réponse") == 1
    assert "À faire" in response.text


@pytest.mark.django_db
def test_nothing_to_do_without_an_open_campaign(db):
    response = client_de("porteur.demo").get(URL)
    assert response.status_code == 200
    assert "Aucune campagne de bilan n'attend de réponse de votre part." in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["elu.morlaix", "lecteur", "referent.ars"])
def test_people_who_carry_no_fiche_have_nothing_to_complete(campagne, username):
    response = client_de(username).get(URL)
    assert "Aucune campagne de bilan n'attend de réponse de votre part." in response.text


@pytest.mark.django_db
def test_the_coordinatrice_finds_the_campaigns_she_runs(campagne):
    response = client_de("coordinatrice.morlaix").get(URL)
    assert "Campagnes que vous coordonnez" in response.text
    assert reverse("bilan:campagne", args=[campagne.pk]) in response.text
