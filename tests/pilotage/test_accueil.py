"""« Mes contrats »: what each person finds on the home page after login."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from clsante.comptes.models import Utilisateur
from clsante.contrats.models import Contrat, Reunion
from clsante.programme.pilotage.accueil import roles_par_contrat

ACCUEIL = reverse("programme:accueil")


def test_coordinatrice_sees_her_contract_with_its_fiches_by_status(client_de, morlaix):
    page = client_de("coordinatrice.morlaix").get(ACCUEIL).text
    assert morlaix.nom in page
    assert "Signé – mise en œuvre" in page
    assert "Fiches actions par statut (28 fiches)" in page
    assert "En cours : 21" in page
    assert "Votre rôle : Coordinatrice / coordinateur" in page


def test_home_page_lists_late_or_off_target_indicators(client_de):
    page = client_de("coordinatrice.morlaix").get(ACCUEIL).text
    assert "Indicateurs en retard ou hors trajectoire" in page
    assert "En retard" in page
    assert "Hors trajectoire" in page
    assert "voir le tableau de bord" in page


def test_home_page_shows_the_next_meetings_only(client_de, morlaix):
    instance = morlaix.instances.first()
    today = timezone.localdate()
    Reunion.objects.create(instance=instance, date=today + datetime.timedelta(days=12))
    Reunion.objects.create(instance=instance, date=today - datetime.timedelta(days=3), lieu="Hier")
    page = client_de("elu.morlaix").get(ACCUEIL).text
    assert f"{instance.nom}" in page
    assert "Hier" not in page
    assert "Aucune réunion programmée" not in page.split(morlaix.nom)[1].split("</article>")[0]


def test_home_lists_the_persons_own_contracts_not_every_published_one(client_de, morlaix, poher):
    page = client_de("coordinatrice.poher").get(ACCUEIL).text
    assert poher.nom in page
    assert morlaix.nom not in page  # published, but not hers: the catalogue shows it


def test_ars_referent_sees_the_contracts_of_his_region(client_de, morlaix, poher):
    page = client_de("referent.ars").get(ACCUEIL).text
    assert poher.nom in page and morlaix.nom in page


@pytest.mark.parametrize(
    ("username", "voit_poher"),
    [
        ("coordinatrice.morlaix", False),
        ("porteur.demo", False),
        ("elu.morlaix", False),
        ("lecteur", False),
        ("referent.ars", True),
        ("coordinatrice.poher", True),
    ],
)
def test_each_person_sees_their_own_contracts_or_the_published_ones(
    client_de, morlaix, poher, username, voit_poher
):
    page = client_de(username).get(ACCUEIL).text
    assert (morlaix.nom in page) is (username != "coordinatrice.poher")
    assert (poher.nom in page) is voit_poher


def test_reader_without_role_sees_no_role_badge(client_de):
    assert "Votre rôle" not in client_de("lecteur").get(ACCUEIL).text


def test_porteur_sees_his_role(client_de):
    page = html.unescape(client_de("porteur.demo").get(ACCUEIL).text)
    assert "Votre rôle : Porteur d'action" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username",
    ["coordinatrice.morlaix", "referent.ars", "porteur.demo", "elu.morlaix", "lecteur", "admin"],
)
def test_bulk_roles_match_the_contract_predicate(username):
    user = Utilisateur.objects.get(username=username)
    contrats = list(Contrat.objects.all())
    bulk = roles_par_contrat(user, contrats)
    for contrat in contrats:
        assert bulk[contrat.pk] == contrat.roles_de(user)


def test_home_page_query_count_does_not_grow_with_contracts(
    client_de, django_assert_max_num_queries
):
    client = client_de("admin")
    # +1: unread notifications in the header; +1: alerts loaded apart from the judged rows
    with django_assert_max_num_queries(12):
        response = client.get(ACCUEIL)
    assert response.status_code == 200
