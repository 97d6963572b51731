"""A contract's territory on its page: departments on a small offline map, and its communes."""

import pytest
from django.urls import reverse

from clsante.observatoire.carte_territoire import cadre_du_trace, cadres
from clsante.territoires.models import Commune

pytestmark = pytest.mark.django_db


def test_contract_page_locates_its_department_on_a_map(client_lecteur, morlaix):
    page = client_lecteur.get(reverse("contrats:detail", args=[morlaix.pk])).text
    carte = page[page.index("<svg") : page.index("</svg>")]
    assert "Situation du territoire du contrat : Finistère" in carte
    assert '<path d="' in carte and 'fill="#000091"' in carte
    # Neighbours are drawn for context, far departments are not.
    assert "Côtes-d&#x27;Armor (22)" in carte or "Côtes-d'Armor (22)" in carte
    assert "Bouches-du-Rhône" not in carte
    assert "Département du contrat en bleu : Finistère." in page


def test_contract_page_lists_its_communes_with_population(client_lecteur, morlaix):
    page = client_lecteur.get(reverse("contrats:detail", args=[morlaix.pk])).text
    tableau = page[page.index("Communes du territoire (") :]
    plus_grande = morlaix.communes.order_by("-population").first()
    assert f"<td>{plus_grande.nom}</td><td>{plus_grande.insee}</td><td>29</td>" in tableau
    assert "Grille de densité" not in tableau  # attribute not loaded in the test geography


def test_rural_and_priority_neighbourhood_columns_appear_once_loaded(client_lecteur, morlaix):
    commune = morlaix.communes.order_by("-population").first()
    Commune.objects.filter(pk=commune.pk).update(grille_densite=5, population_qpv=1234)
    page = client_lecteur.get(reverse("contrats:detail", args=[morlaix.pk])).text
    tableau = page[page.index("Communes du territoire (") :]
    assert '<th scope="col">Grille de densité</th>' in tableau
    assert "Bourgs ruraux" in tableau and "1 234" in tableau.replace("\u202f", " ")
    assert "non renseignée" in tableau  # the other communes


def test_contract_page_query_count_is_locked(
    client_lecteur, morlaix, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        response = client_lecteur.get(reverse("contrats:detail", args=[morlaix.pk]))
    assert "Programme d'actions" in response.text


def test_fiche_page_query_count_is_locked(client_lecteur, morlaix, django_assert_max_num_queries):
    fiche = morlaix.fiches.get(numero="1.4")
    with django_assert_max_num_queries(18):
        response = client_lecteur.get(reverse("programme:fiche", args=[fiche.pk]))
    assert fiche.titre in response.text


def test_outline_bounding_box_follows_relative_moves():
    cadre = cadre_du_trace("m 10,10 5,0 0,5 -5,0 z m 20,0 1,1 z")
    assert (cadre.x0, cadre.y0, cadre.x1, cadre.y1) == (10, 10, 31, 15)
    finistere = cadres()["29"]
    assert finistere.x1 < cadres()["22"].x1  # Finistère lies west of the Côtes-d'Armor
