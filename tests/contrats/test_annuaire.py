"""The actors' directory of a contract and the page of one actor, for each role."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from clsante.comptes.models import Utilisateur
from clsante.contrats.annuaire import acteurs_du_contrat
from clsante.organisations.models import Organisation
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def annuaire(contrat, query: str = "") -> str:
    return reverse("contrats:annuaire", args=[contrat.pk]) + query


def page_acteur(contrat, organisation) -> str:
    return reverse("contrats:acteur", args=[contrat.pk, organisation.pk])


def test_coordinatrice_sees_actors_grouped_by_sector_with_their_contacts(
    client_coordinatrice, morlaix
):
    response = client_coordinatrice.get(annuaire(morlaix))
    assert response.status_code == 200
    assert "Annuaire des acteurs" in response.text
    assert "<h3>Santé" in response.text and "<h3>Social" in response.text
    assert "ARS Bretagne" in response.text
    assert "claire.lebihan@example.org" in response.text
    assert "02 98 00 10 01" in response.text


def test_directory_tab_is_current_in_the_contract_navigation(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(annuaire(morlaix))
    assert 'aria-current="page">Annuaire des acteurs' in response.text


def test_each_actor_links_to_the_fiches_it_carries(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    response = client_coordinatrice.get(annuaire(morlaix))
    assert reverse("programme:fiche", args=[fiche.pk]) in response.text
    assert page_acteur(morlaix, fiche.porteur) in response.text


def test_lecteur_sees_morlaix_directory_without_any_email_or_phone(client_lecteur, morlaix):
    response = client_lecteur.get(annuaire(morlaix))
    assert response.status_code == 200
    assert "ARS Bretagne" in response.text
    assert "mailto:" not in response.text
    assert "tel:" not in response.text
    assert "@example.org" not in response.text
    assert "02 98 00" not in response.text
    assert "réservées aux personnes qui ont un rôle" in response.text


def test_lecteur_sees_an_actor_page_without_any_contact(client_lecteur, morlaix):
    ars = Organisation.objects.get(nom="ARS Bretagne")
    response = client_lecteur.get(page_acteur(morlaix, ars))
    assert response.status_code == 200
    assert "Personnes à contacter" not in response.text
    assert "délégation du Finistère" not in response.text  # the contact's function
    assert "@example.org" not in response.text
    assert "02 98 00" not in response.text
    assert "Ajouter un contact" not in response.text


@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "referent.ars"])
def test_people_with_a_role_on_the_contract_see_contact_details(username, morlaix):
    response = client_de(username).get(annuaire(morlaix))
    assert response.status_code == 200
    assert "claire.lebihan@example.org" in response.text


@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "referent.ars", "lecteur"])
def test_only_the_coordination_is_offered_to_edit_contacts(username, morlaix):
    ars = Organisation.objects.get(nom="ARS Bretagne")
    response = client_de(username).get(page_acteur(morlaix, ars))
    assert response.status_code == 200
    assert "Ajouter un contact" not in response.text
    assert "Modifier<span" not in response.text


def test_referent_ars_reads_the_unpublished_poher_directory(poher):
    response = client_de("referent.ars").get(annuaire(poher))
    assert response.status_code == 200
    assert poher.porteuse.nom in response.text


def test_coordinatrice_morlaix_gets_404_on_the_poher_directory_and_its_actors(
    client_coordinatrice, poher
):
    assert client_coordinatrice.get(annuaire(poher)).status_code == 404
    assert client_coordinatrice.get(page_acteur(poher, poher.porteuse)).status_code == 404


def test_lecteur_gets_404_on_the_unpublished_poher_directory(client_lecteur, poher):
    assert client_lecteur.get(annuaire(poher)).status_code == 404


def test_an_organisation_taking_no_part_in_the_contract_has_no_page_in_it(
    client_coordinatrice, morlaix
):
    dehors = Organisation.objects.exclude(pk__in=acteurs_du_contrat(morlaix).keys()).first()
    assert dehors is not None
    assert client_coordinatrice.get(page_acteur(morlaix, dehors)).status_code == 404
    url = reverse("contrats:acteur", args=[morlaix.pk, 999999])
    assert client_coordinatrice.get(url).status_code == 404


def test_filter_by_role_keeps_only_funders(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(annuaire(morlaix, "?role=financeur"))
    acteurs = acteurs_du_contrat(morlaix)
    financeurs = [a for a in acteurs.values() if "financeur" in a.roles]
    assert f"{len(financeurs)} organisation" in response.text
    non_financeur = next(a for a in acteurs.values() if "financeur" not in a.roles)
    assert page_acteur(morlaix, non_financeur.organisation) not in response.text


def test_filter_by_fiche_shows_its_carrier_partners_and_funders(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    response = client_coordinatrice.get(annuaire(morlaix, f"?fiche={fiche.pk}"))
    assert page_acteur(morlaix, fiche.porteur) in response.text
    for partenaire in fiche.partenaires.all():
        assert page_acteur(morlaix, partenaire) in response.text
    assert "sur" in response.text and "correspond" in response.text


def test_filter_by_sector_and_type(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(annuaire(morlaix, "?secteur=education&type=education"))
    assert "<h3>Éducation" in response.text
    assert "<h3>Santé" not in response.text


def test_a_fiche_of_another_contract_in_the_filter_is_reported_not_a_crash(
    client_coordinatrice, morlaix, poher
):
    fiche_poher = poher.fiches.first()
    response = client_coordinatrice.get(annuaire(morlaix, f"?fiche={fiche_poher.pk}&role=xx"))
    assert response.status_code == 200
    assert "Cette fiche n&#x27;appartient pas au contrat." in response.text
    assert "ARS Bretagne" in response.text


def test_a_filter_matching_nobody_says_so(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(annuaire(morlaix, "?secteur=securite_justice"))
    assert "Aucune organisation ne correspond à ces filtres." in response.text


def test_htmx_request_gets_only_the_results_fragment(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(annuaire(morlaix, "?role=porteur"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "correspond" in response.text


def test_actor_page_lists_fiches_financing_and_instances(client_coordinatrice, morlaix):
    ars = Organisation.objects.get(nom="ARS Bretagne")
    response = client_coordinatrice.get(page_acteur(morlaix, ars))
    assert response.status_code == 200
    assert "<h1>ARS Bretagne</h1>" in response.text
    assert "Financements apportés" in response.text
    assert "Comité de pilotage" in response.text
    assert "Claire Le Bihan" in response.text
    financement = ars.financements.filter(fiche__contrat=morlaix).first()
    assert reverse("programme:fiche", args=[financement.fiche_id]) in response.text


def test_directory_page_runs_a_fixed_number_of_queries(
    client_coordinatrice, morlaix, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        client_coordinatrice.get(annuaire(morlaix))


@pytest.mark.django_db
def test_contract_page_lists_its_documents_and_serves_the_diagnosis(morlaix, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    diagnostic = morlaix.diagnostics.first()
    diagnostic.document.save("diag.txt", ContentFile(b"Diagnostic partage"), save=True)
    client = Client()
    client.force_login(Utilisateur.objects.get(username="elu.morlaix"))
    page = client.get(f"/contrats/{morlaix.pk}/").text
    assert "Programme signé et avenants" in page
    url = f"/contrats/{morlaix.pk}/diagnostics/{diagnostic.pk}/document/"
    assert url in page
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"Diagnostic partage"
