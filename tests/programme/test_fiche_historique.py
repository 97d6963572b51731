"""The history tab: who changed what, when, in French, newest first."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from clsante.comptes.models import Utilisateur
from clsante.programme.models import Mesure
from tests.personas import client_de


def _url(fiche, page=None) -> str:
    url = reverse("programme:fiche_historique", args=[fiche.pk])
    return f"{url}?page={page}" if page else url


@pytest.mark.django_db
def test_history_shows_who_changed_what_with_old_and_new_values(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    coordinatrice = Utilisateur.objects.get(username="coordinatrice.morlaix")
    ancien = fiche.get_statut_display()
    fiche._history_user = coordinatrice
    fiche.statut = "reportee"
    fiche.save()
    response = client_de("elu.morlaix").get(_url(fiche))
    assert response.status_code == 200
    texte = response.text
    assert str(coordinatrice) in texte
    assert "Modification — Fiche" in texte
    assert f"<strong>Statut</strong> : {ancien} → Reportée" in texte
    # newest first: the change comes before the demo import
    assert texte.index("Reportée") < texte.index("Import ou traitement automatique")


@pytest.mark.django_db
def test_history_includes_indicator_values_and_financing(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    porteur = Utilisateur.objects.get(username="porteur.demo")
    indicateur = fiche.indicateurs.first()
    mesure = Mesure(indicateur=indicateur, date=datetime.date(2025, 2, 1), valeur=17)
    mesure._history_user = porteur
    mesure.save()
    ligne = fiche.financements.first()
    ligne._history_user = porteur
    ligne.montant = 1234
    ligne.save()
    texte = client_de("coordinatrice.morlaix").get(_url(fiche)).text
    assert f"Création — Valeur de l&#x27;indicateur « {escape(indicateur.libelle)} »" in texte
    assert "élément supprimé" not in texte
    assert "<strong>Valeur</strong> : 17" in texte
    assert "<strong>Montant (€)</strong> :" in texte
    assert "→ 1\u202f234" in texte
    assert texte.count(str(porteur)) >= 2


@pytest.mark.django_db
def test_history_is_paginated(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    for i in range(30):
        fiche.titre = f"Titre n° {i}"
        fiche.save()
    premiere = client_de("coordinatrice.morlaix").get(_url(fiche)).text
    assert "→ Titre n° 29" in premiere
    assert "Plus anciens" in premiere
    seconde = client_de("coordinatrice.morlaix").get(_url(fiche, 2)).text
    assert "→ Titre n° 29" not in seconde
    assert "→ Titre n° 0" in seconde
    assert "Plus récents" in seconde


@pytest.mark.django_db
def test_public_readers_cannot_read_who_changed_a_fiche(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    response = client_de("lecteur").get(_url(fiche))
    assert response.status_code == 403
    assert "réservé aux personnes qui ont un rôle dans le contrat" in response.text
