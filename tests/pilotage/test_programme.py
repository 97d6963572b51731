"""The programme of a contract: the tree of axes, objectives and fiches, and the filtered table."""

import html

import pytest
from django.urls import reverse

from clsante.grille.referentiel import grille
from clsante.organisations.models import Organisation


def url(contrat, **filtres) -> str:
    params = "&".join(f"{k}={v}" for k, v in {"vue": "tableau", **filtres}.items())
    return f"{reverse('programme:programme', args=[contrat.pk])}?{params}"


def lignes(response) -> int:
    """Number of fiches listed in the table."""
    return response.text.count('<th scope="row"><a href="/fiches/')


def test_tree_shows_axes_objectives_and_fiches(client_coordinatrice, morlaix):
    page = client_coordinatrice.get(reverse("programme:programme", args=[morlaix.pk])).text
    assert "Axe 1 — " in page
    assert "OS1.1 — " in page and "OO1.1.1 — " in page
    fiche = morlaix.fiches.get(numero="1.1")
    assert page.count(reverse("programme:fiche", args=[fiche.pk])) == 1
    assert 'aria-current="page">Programme<' in page


def test_fiche_linked_to_two_levels_is_listed_under_the_most_precise_objective_only(
    client_coordinatrice, morlaix
):
    page = client_coordinatrice.get(reverse("programme:programme", args=[morlaix.pk])).text
    fiche = morlaix.fiches.get(numero="1.1")  # linked to OS1.1 and to its child OO1.1.1
    lien = reverse("programme:fiche", args=[fiche.pk])
    assert page.index("OO1.1.1 — ") < page.index(lien)


def test_table_without_filter_lists_every_fiche(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(url(morlaix))
    assert lignes(response) == 28
    assert "28 fiches actions." in response.text


def test_filters_combine_and_the_count_is_shown(client_coordinatrice, morlaix):
    axe1 = morlaix.axes.get(numero=1)
    response = client_coordinatrice.get(url(morlaix, axe=axe1.pk, statut="en_cours"))
    attendu = morlaix.fiches.filter(axe=axe1, statut="en_cours").count()
    assert lignes(response) == attendu
    assert f"{attendu} fiches sur 28 correspondent aux filtres." in response.text


def test_theme_filter_uses_grid_labels_and_matches_the_codage(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(url(morlaix, theme="acces_soins"))
    assert grille().libelle("thematiques", "acces_soins") in response.text
    attendu = sum(1 for f in morlaix.fiches.all() if "acces_soins" in f.codage.thematiques)
    assert lignes(response) == attendu > 0


def test_public_and_porteur_filters(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(url(morlaix, public="qpv"))
    assert lignes(response) == sum(1 for f in morlaix.fiches.all() if "qpv" in f.publics)
    porteur = Organisation.objects.get(nom="Association Solidarités Trégor-Léon")
    response = client_coordinatrice.get(url(morlaix, porteur=porteur.pk))
    assert lignes(response) == 4


def test_commune_filter_includes_fiches_acting_on_the_whole_territory(
    client_coordinatrice, morlaix
):
    henvic = morlaix.communes.get(nom="Henvic")
    territoire = morlaix.fiches.filter(communes__isnull=True).count()
    response = client_coordinatrice.get(url(morlaix, commune=henvic.pk))
    assert lignes(response) == territoire + morlaix.fiches.filter(communes=henvic).count()
    assert "Tout le territoire" in response.text


def test_hors_programmation_filter(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(url(morlaix, hors_programmation="oui"))
    assert lignes(response) == 2
    assert lignes(client_coordinatrice.get(url(morlaix, hors_programmation="non"))) == 26


def test_empty_result_says_so(client_coordinatrice, morlaix):
    axe1 = morlaix.axes.get(numero=1)
    response = client_coordinatrice.get(url(morlaix, axe=axe1.pk, statut="reportee"))
    assert lignes(response) == 0
    assert "Aucune fiche ne correspond à ces filtres." in response.text


@pytest.mark.parametrize(
    "filtres",
    [
        {"axe": "999"},
        {"axe": "abc"},
        {"statut": "inconnu"},
        {"theme": "pas.un.code"},
        {"commune": "-1"},
        {"hors_programmation": "peut-etre"},
        {"public": "%00"},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_french_message(
    client_coordinatrice, morlaix, filtres
):
    response = client_coordinatrice.get(url(morlaix, **filtres))
    assert response.status_code == 200
    assert "Certains filtres ont une valeur inconnue" in html.unescape(response.text)
    assert lignes(response) == 28


def test_another_contracts_axe_is_an_unknown_filter(client_coordinatrice, morlaix, poher):
    response = client_coordinatrice.get(url(morlaix, axe=poher.axes.first().pk))
    assert "Certains filtres ont une valeur inconnue" in html.unescape(response.text)


def test_porteur_sees_which_fiches_his_organisation_carries(client_de, morlaix):
    page = client_de("porteur.demo").get(url(morlaix)).text
    assert page.count("Portée par votre structure") == 4


@pytest.mark.parametrize("vue", ["arbre", "tableau"])
@pytest.mark.parametrize(
    ("username", "morlaix_status", "poher_status"),
    [
        ("coordinatrice.morlaix", 200, 404),
        ("porteur.demo", 200, 404),
        ("referent.ars", 200, 200),
        ("elu.morlaix", 200, 404),
        ("lecteur", 200, 404),
        ("coordinatrice.poher", 200, 200),
    ],
)
def test_programme_is_readable_by_whoever_sees_the_contract(
    client_de, morlaix, poher, vue, username, morlaix_status, poher_status
):
    client = client_de(username)
    for contrat, status in ((morlaix, morlaix_status), (poher, poher_status)):
        response = client.get(f"{reverse('programme:programme', args=[contrat.pk])}?vue={vue}")
        assert response.status_code == status


def test_programme_of_an_unknown_contract_is_not_found(client_coordinatrice):
    assert client_coordinatrice.get("/contrats/999999/programme/").status_code == 404


def test_programme_table_query_count_is_locked(
    client_coordinatrice, morlaix, django_assert_max_num_queries
):
    commune = morlaix.communes.first()
    with django_assert_max_num_queries(8):  # +1: unread notifications in the header
        response = client_coordinatrice.get(url(morlaix, commune=commune.pk, statut="en_cours"))
    assert response.status_code == 200


def test_programme_tree_query_count_is_locked(
    client_coordinatrice, morlaix, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):  # +1: unread notifications in the header
        response = client_coordinatrice.get(reverse("programme:programme", args=[morlaix.pk]))
    assert response.status_code == 200
