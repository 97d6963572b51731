"""Reading a contract's governance: instances, members, meetings, for each role."""

import datetime

import pytest
from django.urls import reverse

from clsante.contrats.models import Reunion
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def gouvernance(contrat) -> str:
    return reverse("contrats:gouvernance", args=[contrat.pk])


def page_reunion(reunion) -> str:
    return reverse("contrats:reunion", args=[reunion.instance.contrat_id, reunion.pk])


@pytest.fixture
def copil_2026(morlaix) -> Reunion:
    return Reunion.objects.get(instance__contrat=morlaix, instance__type="copil", date__year=2026)


@pytest.mark.parametrize(
    "username", ["coordinatrice.morlaix", "porteur.demo", "elu.morlaix", "referent.ars", "lecteur"]
)
def test_everyone_who_sees_the_contract_reads_its_governance(username, morlaix):
    response = client_de(username).get(gouvernance(morlaix))
    assert response.status_code == 200
    assert "Comité de pilotage" in response.text
    assert "Comité technique" in response.text
    assert "Aïcha Diallo" in response.text
    assert "Représentant des habitants" in response.text
    assert "Réunion du 18 juin 2026" in response.text


def test_governance_tab_is_current_in_the_contract_navigation(client_lecteur, morlaix):
    response = client_lecteur.get(gouvernance(morlaix))
    assert 'aria-current="page">Gouvernance' in response.text


def test_coming_meetings_are_listed_apart_from_past_ones(client_lecteur, morlaix):
    copil = morlaix.instances.get(type="copil")
    demain = datetime.date.today() + datetime.timedelta(days=30)
    Reunion.objects.create(instance=copil, date=demain, lieu="Salle du conseil")
    text = client_lecteur.get(gouvernance(morlaix)).text
    section = text[text.index("Comité de pilotage</h2>") :]
    a_venir = section.index("Réunions à venir")
    passees = section.index("Réunions passées")
    assert a_venir < section.index("Salle du conseil") < passees
    assert passees < section.index("Réunion du 30 mai 2023")


def test_only_the_coordination_is_offered_to_create_meetings(morlaix):
    assert "Nouvelle réunion" in client_de("coordinatrice.morlaix").get(gouvernance(morlaix)).text
    for username in ["porteur.demo", "elu.morlaix", "referent.ars", "lecteur"]:
        assert "Nouvelle réunion" not in client_de(username).get(gouvernance(morlaix)).text


def test_meeting_page_shows_agenda_attendance_minutes_and_decisions(client_lecteur, copil_2026):
    response = client_lecteur.get(page_reunion(copil_2026))
    assert response.status_code == 200
    assert "Comité de pilotage du 18 juin 2026" in response.text
    assert "pérennisation de la médiation en santé" in response.text
    assert "Membres présents (7)" in response.text
    assert "Membres absents (1)" in response.text
    assert "Conseil départemental du Finistère" in response.text
    assert "Le comité salue les résultats de la médiation" in response.text
    assert "Maintien de la médiation en santé en 2027" in response.text
    fiche = copil_2026.decisions.first().fiches.first()
    assert reverse("programme:fiche", args=[fiche.pk]) in response.text
    assert "Modifier la réunion" not in response.text


def test_coordinatrice_is_offered_to_edit_a_meeting(client_coordinatrice, copil_2026):
    assert "Modifier la réunion" in client_coordinatrice.get(page_reunion(copil_2026)).text


def test_instance_page_lists_members_with_inhabitants_flagged(client_lecteur, morlaix):
    copil = morlaix.instances.get(type="copil")
    response = client_lecteur.get(reverse("contrats:instance", args=[morlaix.pk, copil.pk]))
    assert response.status_code == 200
    assert "<caption>Membres du comité de pilotage</caption>" in response.text
    assert "Erwan Morvan" in response.text
    assert "Jean-Claude Le Bras" in response.text
    assert "Ajouter un membre" not in response.text
    assert "Retirer" not in response.text


def test_coordinatrice_morlaix_gets_404_on_every_poher_governance_page(client_coordinatrice, poher):
    instance = poher.instances.first()
    reunion = Reunion.objects.filter(instance__contrat=poher).first()
    membre = instance.membres.first()
    pages = [
        gouvernance(poher),
        reverse("contrats:instance", args=[poher.pk, instance.pk]),
        reverse("contrats:reunion", args=[poher.pk, reunion.pk]),
        reverse("contrats:reunion_creer", args=[poher.pk, instance.pk]),
        reverse("contrats:reunion_modifier", args=[poher.pk, reunion.pk]),
    ]
    for url in pages:
        assert client_coordinatrice.get(url).status_code == 404, url
    retirer = reverse("contrats:membre_retirer", args=[poher.pk, instance.pk, membre.pk])
    assert client_coordinatrice.post(retirer).status_code == 404


def test_lecteur_gets_404_on_the_unpublished_poher_governance(client_lecteur, poher):
    assert client_lecteur.get(gouvernance(poher)).status_code == 404


def test_referent_ars_reads_the_poher_governance(poher):
    reunion = Reunion.objects.filter(instance__contrat=poher).first()
    client = client_de("referent.ars")
    assert client.get(gouvernance(poher)).status_code == 200
    assert client.get(page_reunion(reunion)).status_code == 200


def test_a_meeting_of_another_contract_is_404_under_this_contract(client_admin, morlaix, poher):
    reunion = Reunion.objects.filter(instance__contrat=poher).first()
    url = reverse("contrats:reunion", args=[morlaix.pk, reunion.pk])
    assert client_admin.get(url).status_code == 404
    instance = poher.instances.first()
    assert (
        client_admin.get(reverse("contrats:instance", args=[morlaix.pk, instance.pk])).status_code
        == 404
    )


def test_governance_page_runs_a_fixed_number_of_queries(
    client_lecteur, morlaix, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        client_lecteur.get(gouvernance(morlaix))
