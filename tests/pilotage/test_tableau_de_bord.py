"""The contract dashboard, readable by elected officials outside meetings."""

import html

import pytest
from django.urls import reverse

NB = "\u202f"  # thousands separator of the `nombre` filter
EUR = "\u00a0€"


def tableau(client, contrat) -> str:
    response = client.get(reverse("programme:tableau_de_bord", args=[contrat.pk]))
    assert response.status_code == 200
    return html.unescape(response.text)


def test_dashboard_has_each_chart_with_its_table(client_de, morlaix):
    page = tableau(client_de("elu.morlaix"), morlaix)
    for titre in (
        "Avancement par axe",
        "Indicateurs",
        "Financements",
        "Partenaires par secteur",
        "Actions par commune",
    ):
        assert f">{titre}</h2>" in page
    assert page.count("<figure") == page.count("<figcaption") + 2  # financing charts use h3
    assert page.count("<caption>") >= 6
    assert 'aria-current="page">Tableau de bord<' in page


def test_progress_by_axis_counts_fiches_by_status(client_de, morlaix):
    page = tableau(client_de("elu.morlaix"), morlaix)
    assert "Nombre de fiches actions par axe et par statut" in page
    assert ">28</span> fiches actions, dont 24 en cours ou réalisées" in page
    axe1 = page.split('<th scope="row">Axe 1 — ')[1].split("</tr>")[0]
    assert "<td>0</td><td>5</td><td>1</td><td>0</td><td>1</td><td>7</td>" in axe1


def test_indicators_show_baseline_target_last_value_and_flag_late_ones(client_de, morlaix):
    page = tableau(client_de("elu.morlaix"), morlaix)
    assert "Valeur initiale" in page and "Cible (échéance)" in page
    assert "Dernière valeur" in page
    # 1.3: target of 5 communes by 30/06/2025, 3 measured: late.
    ligne = page.split("Communes disposant d'une permanence")[1].split("</tr>")[0]
    assert "En retard" in ligne
    assert "indicateurs en retard ou hors trajectoire, sur 51" in page


def test_financing_requested_and_obtained_by_funder_and_year(client_de, morlaix):
    page = tableau(client_de("elu.morlaix"), morlaix)
    ars = page.split('<th scope="row">ARS Bretagne</th>')[1].split("</tr>")[0]
    assert f"33{NB}000{EUR}" in ars  # sollicité
    assert f"294{NB}000{EUR}" in ars  # acquis + versé
    assert "Financements sollicités et obtenus par année" in page
    annee = page.split('<th scope="row">2026</th>')[1].split("</tr>")[0]
    assert f"68{NB}000{EUR}" in annee and f"29{NB}000{EUR}" in annee


def test_partners_by_sector(client_de, morlaix):
    page = tableau(client_de("elu.morlaix"), morlaix)
    sante = page.split('<th scope="row">Santé</th>')[1].split("</tr>")[0]
    assert "<td>6</td><td>12</td><td>13</td>" in sante


def test_actions_per_commune_bring_out_communes_left_out(client_de, morlaix):
    page = tableau(client_de("elu.morlaix"), morlaix)
    assert "4 communes sans action ciblée" in page
    assert "Henvic (1" in page
    lanneanou = page.split('<th scope="row">Lannéanou</th>')[1].split("</tr>")[0]
    assert "<td>40,9</td>" in lanneanou  # (3 targeted + 11 territory-wide) / 342 × 1000
    assert page.index('<th scope="row">Morlaix</th>') < page.index('<th scope="row">Lannéanou</th>')


def test_draft_contract_dashboard_shows_its_planned_fiches(client_coordinatrice_poher, poher):
    page = tableau(client_coordinatrice_poher, poher)
    assert poher.nom in page
    assert ">8</span> fiches actions, dont 0 en cours ou réalisée" in page
    assert "Pas encore mesuré" in page


@pytest.mark.parametrize(
    ("username", "morlaix_status", "poher_status"),
    [
        ("coordinatrice.morlaix", 200, 404),
        ("porteur.demo", 200, 404),
        ("referent.ars", 200, 200),
        ("elu.morlaix", 200, 404),
        ("lecteur", 200, 404),
        ("coordinatrice.poher", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_dashboard_is_readable_by_whoever_sees_the_contract(
    client_de, morlaix, poher, username, morlaix_status, poher_status
):
    client = client_de(username)
    for contrat, status in ((morlaix, morlaix_status), (poher, poher_status)):
        response = client.get(reverse("programme:tableau_de_bord", args=[contrat.pk]))
        assert response.status_code == status


def test_dashboard_query_count_is_locked(client_de, morlaix, django_assert_max_num_queries):
    client = client_de("elu.morlaix")
    with django_assert_max_num_queries(15):  # +1: unread notifications in the header
        response = client.get(reverse("programme:tableau_de_bord", args=[morlaix.pk]))
    assert response.status_code == 200
