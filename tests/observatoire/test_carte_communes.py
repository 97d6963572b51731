"""The contract page maps its communes, each filled by the number of fiches naming it."""

import html
import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clsante.observatoire.carte_communes import classe
from clsante.programme.models import FicheAction
from clsante.territoires.models import Commune, ContourCommune
from tests.personas import client_de

pytestmark = pytest.mark.django_db

EXTRAIT = Path(__file__).parents[1] / "fixtures" / "contours" / "communes.csv.lzma"
VOISINES = ["Berrien", "Guiclan", "Plouvorn", "Saint-Pol-de-Léon", "Scrignac"]


@pytest.fixture
def contours():
    call_command("charger_contours", source=EXTRAIT, stdout=io.StringIO())


def page_contrat(contrat, qui: str = "lecteur") -> str:
    return client_de(qui).get(reverse("contrats:detail", args=[contrat.pk])).text


def carte(page: str) -> str:
    debut = page.index('aria-labelledby="carte-communes-legende"')
    return page[debut : page.index("</figure>", debut)]


def fiches_visant(contrat, commune: Commune) -> int:
    """Counted apart from the page's own query: the contract's fiches naming the commune."""
    return (
        contrat.fiches.filter(communes=commune)
        .exclude(statut=FicheAction.Statut.ABANDONNEE)
        .count()
    )


def lit_des_traces(requetes: CaptureQueriesContext) -> bool:
    return any('"territoires_contourcommune"."trace"' in q["sql"] for q in requetes)


def titres(fragment: str) -> list[str]:
    trouves = re.findall(r"<path d=\"m[^\"]+\"[^>]*><title>([^<]+)</title>", fragment)
    return [html.unescape(t) for t in trouves]


def test_each_commune_of_morlaix_is_drawn_with_its_name_population_and_fiches(contours, morlaix):
    dessin = carte(page_contrat(morlaix))
    titres_dessines = titres(dessin)
    communes = list(morlaix.communes.all())
    assert len(communes) == 26
    for commune in communes:
        n = fiches_visant(morlaix, commune)
        fiches = f"{n} fiche action" if n < 2 else f"{n} fiches actions"
        habitants = f"{commune.population:,}".replace(",", "\u202f")
        assert f"{commune.nom} : {habitants} habitants, {fiches}" in titres_dessines
    # Morlaix, named by most fiches, is in the darkest class.
    assert fiches_visant(morlaix, Commune.objects.get(insee="29151")) >= 7
    assert 'fill="#1f1f82"><title>Morlaix : ' in dessin


def test_neighbouring_communes_in_the_frame_are_drawn_in_grey(contours, morlaix):
    dessin = carte(page_contrat(morlaix))
    groupe_gris = dessin[dessin.index('<g fill="#e5e5e5"') : dessin.index("</g>")]
    assert titres(groupe_gris) == VOISINES


def test_communes_no_fiche_names_stand_out_and_the_legend_counts_them(contours, morlaix):
    sans = [c for c in morlaix.communes.all() if not fiches_visant(morlaix, c)]
    assert sans, "the demo has communes no fiche names"
    dessin = carte(page_contrat(morlaix))
    assert dessin.count('fill="url(#carte-communes-aucune)"') == len(sans)
    assert f"Aucune fiche : {len(sans)} commune" in dessin
    assert 'role="img" aria-labelledby="carte-communes-titre"' in dessin
    assert "les fiches abandonnées ne comptent pas" in dessin


def test_a_commune_without_outline_is_named_under_the_map(contours, morlaix):
    ContourCommune.objects.filter(commune__insee="29114").delete()
    dessin = carte(page_contrat(morlaix))
    assert "Faute de contour connu, non dessinée : Lannéanou." in dessin
    assert not [t for t in titres(dessin) if t.startswith("Lannéanou")]
    assert len(titres(dessin)) == 25 + len(VOISINES)


def test_the_communes_table_gives_the_same_counts(contours, morlaix):
    page = page_contrat(morlaix)
    tableau = page[page.index("Communes du territoire (") :]
    assert '<th scope="col">Fiches actions</th>' in tableau
    for commune in morlaix.communes.all():
        ligne = tableau[
            tableau.index(f"<td>{html.escape(commune.nom)}</td><td>{commune.insee}</td>") :
        ]
        ligne = ligne[: ligne.index("</tr>")]
        assert ligne.rstrip().endswith(f"<td>{fiches_visant(morlaix, commune)}</td>")


def test_an_abandoned_fiche_no_longer_counts_for_its_communes(contours, morlaix):
    commune = Commune.objects.get(insee="29151")
    avant = fiches_visant(morlaix, commune)
    fiche = morlaix.fiches.filter(communes=commune).exclude(statut="abandonnee").first()
    fiche.statut = FicheAction.Statut.ABANDONNEE
    fiche.save()
    (titre,) = [t for t in titres(carte(page_contrat(morlaix))) if t.startswith("Morlaix : ")]
    assert titre.endswith(f"habitants, {avant - 1} fiches actions")


def test_the_map_is_cached_until_a_count_changes(contours, morlaix):
    client = client_de("lecteur")
    url = reverse("contrats:detail", args=[morlaix.pk])
    with CaptureQueriesContext(connection) as premiere:
        client.get(url)
    with CaptureQueriesContext(connection) as seconde:
        client.get(url)
    assert lit_des_traces(premiere) and not lit_des_traces(seconde)
    commune = next(c for c in morlaix.communes.all() if not fiches_visant(morlaix, c))
    morlaix.fiches.exclude(statut="abandonnee").first().communes.add(commune)
    dessin = carte(client.get(url).text)
    (titre,) = [t for t in titres(dessin) if t.startswith(f"{commune.nom} : ")]
    assert titre.endswith(" habitants, 1 fiche action")


def test_the_map_adds_one_query_to_a_first_visit_and_none_once_cached(morlaix):
    """Counts and boxes come with the communes' own query; the outlines in the frame are
    one query, and none at all when no outline is loaded."""
    client = client_de("referent.ars")
    url = reverse("contrats:detail", args=[morlaix.pk])

    def visite_a_froid() -> tuple[int, str]:
        cache.clear()
        with CaptureQueriesContext(connection) as requetes:
            page = client.get(url).text
        return len(requetes), page

    sans_contours, page = visite_a_froid()
    assert "carte-communes-titre" not in page
    call_command("charger_contours", source=EXTRAIT, stdout=io.StringIO())
    avec_contours, page = visite_a_froid()
    assert "carte-communes-titre" in page
    assert avec_contours == sans_contours + 1
    with CaptureQueriesContext(connection) as requetes:
        client.get(url)
    assert not lit_des_traces(requetes)


def test_without_outlines_the_page_shows_the_situation_map_and_the_table(morlaix):
    page = page_contrat(morlaix)
    assert "carte-communes" not in page
    assert "Situation du territoire du contrat : Finistère" in page
    assert '<th scope="col">Fiches actions</th>' in page


def test_a_contract_whose_communes_have_no_outline_draws_no_map(contours, poher):
    """Poher's communes are not in the excerpt: its page shows no commune map."""
    page = page_contrat(poher, "coordinatrice.poher")
    assert "carte-communes" not in page
    assert "Situation du territoire du contrat" in page


def test_classes_of_fiches():
    assert classe(0) == ("Aucune fiche", "url(#carte-communes-aucune)")
    assert classe(1)[0] == "1 fiche"
    assert classe(3)[0] == "2 ou 3 fiches"
    assert classe(6)[0] == "4 à 6 fiches"
    assert classe(12)[0] == "7 fiches ou plus"
