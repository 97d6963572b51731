"""The contract page maps its communes, each filled by the number of fiches naming it.

The page shows the figure (legend, caption) and embeds the map, an SVG document of its own.
"""

import html
import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clsante.observatoire import carte_communes, versions
from clsante.observatoire.carte_communes import classe
from clsante.observatoire.versions import version_contours
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


def figure(page: str) -> str:
    debut = page.index('aria-labelledby="carte-communes-legende"')
    return page[debut : page.index("</figure>", debut)]


def adresse_de_la_carte(page: str) -> str:
    return html.unescape(re.search(r'<object data="([^"]+)" type="image/svg\+xml"', page)[1])


def carte_de(contrat, qui: str = "lecteur") -> str:
    """The figure of the contract page, then the map document it embeds."""
    client = client_de(qui)
    page = client.get(reverse("contrats:detail", args=[contrat.pk])).text
    document = client.get(adresse_de_la_carte(page))
    assert document["Content-Type"] == "image/svg+xml; charset=utf-8"
    return figure(page) + document.content.decode()


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
    dessin = carte_de(morlaix)
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
    dessin = carte_de(morlaix)
    groupe_gris = dessin[dessin.index('<g fill="#e5e5e5"') : dessin.index("</g>")]
    assert titres(groupe_gris) == VOISINES


def test_too_many_neighbours_leave_the_contracts_communes_alone_on_the_map(
    contours, morlaix, monkeypatch
):
    monkeypatch.setattr(carte_communes, "VOISINES_MAX", len(VOISINES) - 1)
    dessin = carte_de(morlaix)
    groupe_gris = dessin[dessin.index('<g fill="#e5e5e5"') : dessin.index("</g>")]
    assert titres(groupe_gris) == []
    assert len(titres(dessin)) == morlaix.communes.filter(contour__isnull=False).count()


def test_communes_no_fiche_names_stand_out_and_the_legend_counts_them(contours, morlaix):
    sans = [c for c in morlaix.communes.all() if not fiches_visant(morlaix, c)]
    assert sans, "the demo has communes no fiche names"
    dessin = carte_de(morlaix)
    assert dessin.count('fill="url(#carte-communes-aucune)"') == len(sans)
    assert f"Aucune fiche : {len(sans)} commune" in dessin
    assert 'role="img" aria-labelledby="carte-communes-titre"' in dessin
    assert "les fiches abandonnées ne comptent pas" in dessin


def test_a_commune_without_outline_is_named_under_the_map(contours, morlaix):
    ContourCommune.objects.filter(commune__insee="29114").delete()
    dessin = carte_de(morlaix)
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
    (titre,) = [t for t in titres(carte_de(morlaix)) if t.startswith("Morlaix : ")]
    assert titre.endswith(f"habitants, {avant - 1} fiches actions")


def test_the_map_is_drawn_once_and_a_new_count_gives_a_new_address(contours, morlaix):
    client = client_de("lecteur")
    page = client.get(reverse("contrats:detail", args=[morlaix.pk])).text
    adresse = adresse_de_la_carte(page)
    with CaptureQueriesContext(connection) as premiere:
        client.get(adresse)
    with CaptureQueriesContext(connection) as seconde:
        reponse = client.get(adresse)
    assert lit_des_traces(premiere) and not lit_des_traces(seconde)
    assert reponse["Cache-Control"] == "private, max-age=86400"
    commune = next(c for c in morlaix.communes.all() if not fiches_visant(morlaix, c))
    morlaix.fiches.exclude(statut="abandonnee").first().communes.add(commune)
    # The old address is checked again by the browser; the page names a new one.
    assert client.get(adresse)["Cache-Control"] == "private, no-cache"
    dessin = carte_de(morlaix)
    assert adresse_de_la_carte(dessin) != adresse
    (titre,) = [t for t in titres(dessin) if t.startswith(f"{commune.nom} : ")]
    assert titre.endswith(" habitants, 1 fiche action")


def test_the_contract_page_itself_never_reads_outlines(contours, morlaix):
    """Counts and boxes come with the communes' own query: the drawing is the document's."""
    client = client_de("referent.ars")
    url = reverse("contrats:detail", args=[morlaix.pk])
    version_contours()  # read once a minute by each process, not by each page
    cache.clear()
    with CaptureQueriesContext(connection) as avec_contours:
        page = client.get(url).text
    assert "carte-communes-legende" in page and not lit_des_traces(avec_contours)
    ContourCommune.objects.all().delete()
    cache.clear()
    caches["partage"].clear()  # the header's unread count too, as for the first visit
    with CaptureQueriesContext(connection) as sans_contours:
        page = client.get(url).text
    assert "carte-communes" not in page
    assert len(avec_contours) == len(sans_contours)


def test_the_map_document_is_a_drawing_that_runs_nothing(contours, morlaix):
    reponse = client_de("lecteur").get(reverse("observatoire:carte_communes", args=[morlaix.pk]))
    assert reponse["Content-Security-Policy"].startswith("default-src 'none'")
    assert reponse["X-Frame-Options"] == "SAMEORIGIN"
    assert b"<script" not in reponse.content


def test_without_outlines_the_map_document_is_not_found(morlaix):
    ContourCommune.objects.all().delete()
    url = reverse("observatoire:carte_communes", args=[morlaix.pk])
    assert client_de("lecteur").get(url).status_code == 404


def test_without_outlines_the_page_shows_the_situation_map_and_the_table(morlaix):
    ContourCommune.objects.all().delete()
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


def test_reloaded_outlines_give_the_map_a_new_address_within_a_minute(
    contours, morlaix, monkeypatch
):
    """Outlines are loaded by a command, in another process: the page follows once the
    process's outlines version has expired, and the new address draws the new outlines."""
    avant = adresse_de_la_carte(page_contrat(morlaix))
    ContourCommune.objects.filter(commune__insee="29151").update(
        trace="m0 0 1 0 0 1z", x1=F("x0") + 1, y1=F("y0") + 1
    )
    plus_tard = versions.monotonic() + versions.DUREE_VERSION_CONTOURS + 1
    monkeypatch.setattr(versions, "monotonic", lambda: plus_tard)
    apres = adresse_de_la_carte(page_contrat(morlaix))
    assert apres != avant
    assert 'd="m0 0 1 0 0 1z"' in client_de("lecteur").get(apres).content.decode()


def test_outlines_reloaded_from_the_same_file_keep_the_maps_address(contours, morlaix):
    avant = adresse_de_la_carte(page_contrat(morlaix))
    call_command("charger_contours", source=EXTRAIT, recharger=True, stdout=io.StringIO())
    versions.oublier_versions()
    assert adresse_de_la_carte(page_contrat(morlaix)) == avant
