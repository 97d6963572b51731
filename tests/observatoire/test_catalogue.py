import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from clsante.observatoire import views_catalogue
from clsante.observatoire.indexation import reindexer
from clsante.observatoire.models import IndexAction
from clsante.observatoire.recherche import racines_requete


@pytest.fixture
def catalogue(db):
    reindexer()


@pytest.mark.django_db
def test_catalogue_is_public_and_lists_only_published_contracts(catalogue, morlaix, poher):
    response = Client().get(reverse("catalogue:recherche"))
    assert response.status_code == 200
    assert f"{morlaix.fiches.count()} actions" in response.text
    assert poher.nom not in response.text
    assert not IndexAction.objects.filter(contrat=poher).exists()


@pytest.mark.django_db
def test_search_uses_french_stems(catalogue, morlaix):
    assert racines_requete("Alimentation") == racines_requete("alimentations")
    fiche = morlaix.fiches.get(numero="1.1")
    assert "professionnels" in fiche.titre
    response = Client().get(reverse("catalogue:recherche"), {"q": "Professionnel accueilli"})
    assert fiche.titre in response.text


@pytest.mark.django_db
def test_facet_by_theme_narrows_the_results(catalogue):
    index = IndexAction.objects.exclude(thematiques=" ").first()
    theme = index.thematiques.split()[0]
    expected = IndexAction.objects.filter(thematiques__contains=f" {theme} ").count()
    response = Client().get(reverse("catalogue:recherche"), {"thematiques": theme})
    assert f">{expected} action" in response.text
    assert expected < IndexAction.objects.count()


@pytest.mark.django_db
def test_action_page_shows_its_contract_porteur_and_similar_actions(catalogue, morlaix):
    fiche = morlaix.fiches.exclude(porteur=None).first()
    response = Client().get(reverse("catalogue:action", args=[fiche.pk]))
    assert response.status_code == 200
    assert morlaix.nom in response.text
    assert str(fiche.porteur) in response.text
    similar = response.text[response.text.index("Actions similaires") :]
    assert similar.count('href="/catalogue/actions/') >= 1


@pytest.mark.django_db
def test_a_draft_fiche_is_not_in_the_public_catalogue(catalogue, poher):
    fiche = poher.fiches.first()
    assert Client().get(reverse("catalogue:action", args=[fiche.pk])).status_code == 404


@pytest.mark.django_db
def test_changing_a_fiche_updates_the_catalogue(
    catalogue, morlaix, django_capture_on_commit_callbacks
):
    fiche = morlaix.fiches.first()
    with django_capture_on_commit_callbacks(execute=True):
        fiche.titre = "Ateliers de cuisine itinérants"
        fiche.save()
    response = Client().get(reverse("catalogue:recherche"), {"q": "cuisines itinérantes"})
    assert "Ateliers de cuisine itinérants" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "'; DROP TABLE --"},
        {"thematiques": "inconnu"},
        {"page": "9999"},
        {"page": "²"},
        {"page": "9" * 5000},
        {"generation": "abc"},
        {"region": "<b>"},
        {"q": "zzzzqqq"},
    ],
)
def test_odd_searches_give_a_clean_page(catalogue, params):
    response = Client().get(reverse("catalogue:recherche"), params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_search_spread_over_pages_keeps_the_title_order(morlaix):
    """The page's rows are read by id after the counts: the order must stay by title."""
    for i, fiche in enumerate(morlaix.fiches.filter(titre__icontains="santé")[:12]):
        fiche.pk = None
        fiche.numero = f"9.{i + 1}"
        fiche.titre = f"{fiche.titre} (copie {i + 1})"
        fiche.save()
    reindexer()
    trouvees = IndexAction.objects.filter(racines__contains=" sant")
    ordre = trouvees.order_by("titre_tri", "pk")
    titres = [f">{escape(t)}<" for t in ordre.values_list("titre", flat=True)]
    assert len(titres) > 20
    client = Client()
    page1 = client.get(reverse("catalogue:recherche"), {"q": "santé"}).text
    page2 = client.get(reverse("catalogue:recherche"), {"q": "santé", "page": 2}).text
    assert f"{len(titres)} actions" in page1
    positions = [page1.find(t) for t in titres[:20]]
    assert -1 not in positions and positions == sorted(positions)
    assert all(t in page2 for t in titres[20:])
    assert not any(t in page2 for t in titres[:20] if t not in titres[20:])


def test_unknown_parameters_neither_change_the_page_nor_make_another_copy_of_it(
    catalogue, monkeypatch
):
    calculs = []
    resultats = views_catalogue._resultats
    monkeypatch.setattr(
        views_catalogue, "_resultats", lambda requete: calculs.append(1) or resultats(requete)
    )
    url = reverse("catalogue:recherche")
    pages = [
        Client().get(url, {"q": "jeunes", **junk}).text
        for junk in ({}, {"utm_source": "x"}, {"a": "1", "b": "2"}, {"page": "1", "z": "<i>"})
    ]
    assert len(calculs) == 1
    assert all(page == pages[0] for page in pages)
    assert "utm_source" not in pages[1]


def test_the_pagination_links_keep_the_search_and_facets_but_not_unknown_parameters(morlaix):
    for i, fiche in enumerate(morlaix.fiches.filter(titre__icontains="santé")[:12]):
        fiche.pk = None
        fiche.numero = f"9.{i + 1}"
        fiche.save()
    reindexer()
    params = {"q": "santé", "page": "1", "x": "y"}
    page = Client().get(reverse("catalogue:recherche"), params).text
    assert 'href="?q=sant%C3%A9&amp;page=2"' in page
    assert "x=y" not in page


@pytest.mark.parametrize("recherche", [{}, {"q": "santé"}])
def test_titles_are_listed_in_french_order_accents_and_case_aside(morlaix, recherche):
    titres = ["Évaluer la santé des jeunes", "éducation à la santé", "Former à la santé"]
    for i, (fiche, titre) in enumerate(zip(morlaix.fiches.order_by("pk"), titres, strict=False)):
        fiche.titre = titre
        fiche.numero = f"0.{i}"
        fiche.save()
    reindexer()
    page = Client().get(reverse("catalogue:recherche"), recherche).text
    positions = [page.find(f">{escape(t)}<") for t in titres]
    assert -1 not in positions
    # « éducation » before « Évaluer » before « Former »: not after every plain letter.
    assert positions[1] < positions[0] < positions[2]
