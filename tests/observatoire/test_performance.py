"""The observatory's heavy pages: query counts locked, cached figures that follow the data."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from clsante.comptes.models import Utilisateur
from clsante.contrats.models import Contrat
from clsante.observatoire.catalogue import FACETTES, compter, compter_en_sql, rechercher
from clsante.observatoire.indexation import reindexer
from clsante.observatoire.models import IndexAction
from clsante.programme.models import FicheAction

pytestmark = pytest.mark.django_db


def client_de(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


def couverture_finistere(client: Client) -> dict:
    response = client.get(
        reverse("observatoire:couverture"), {"departement": "29", "format": "csv"}
    )
    (ligne,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return ligne


@pytest.mark.parametrize(
    ("url", "params", "maximum"),
    [
        ("observatoire:couverture", {"region": "53"}, 23),
        ("observatoire:inventaire", {"region": ""}, 15),
        ("catalogue:recherche", {}, 10),
        ("catalogue:recherche", {"q": "santé", "thematiques": "nutrition"}, 9),
    ],
)
def test_observatory_pages_run_a_fixed_number_of_queries(
    url, params, maximum, django_assert_max_num_queries
):
    reindexer()
    client = client_de("referent.ars")
    with django_assert_max_num_queries(maximum):
        response = client.get(reverse(url), params)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "params", "texte"),
    [
        ("observatoire:couverture", {"region": "53"}, "Territoires non couverts"),
        ("observatoire:inventaire", {"region": ""}, "Inventaire des contrats par région"),
        ("catalogue:recherche", {"q": "santé", "thematiques": "nutrition"}, "Affiner"),
    ],
)
def test_cached_pages_need_fewer_queries_the_second_time(
    url, params, texte, django_assert_max_num_queries
):
    """Seen again: the user, the reader's contracts and one data fingerprint (and the
    header's unread count), and the session."""
    reindexer()
    client = client_de("referent.ars")
    client.get(reverse(url), params)
    with django_assert_max_num_queries(5):
        response = client.get(reverse(url), params)
    assert texte in response.text


def test_contract_page_runs_a_fixed_number_of_queries(morlaix, django_assert_max_num_queries):
    client = client_de("referent.ars")
    # 18 with the outlines' version, read by each process once a minute (here, first).
    with django_assert_max_num_queries(18):
        response = client.get(reverse("contrats:detail", args=[morlaix.pk]))
    # The counts by status come from the listed fiches, not from a query of their own.
    en_cours = morlaix.fiches.filter(statut="en_cours").count()
    assert f"{en_cours} en cours" in response.text


def test_api_fiche_list_query_count_does_not_grow_with_the_page(django_assert_max_num_queries):
    referent = Utilisateur.objects.get(username="referent.ars")
    client = client_de("referent.ars")
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/fiches/", {"taille": 100})
    visibles = FicheAction.objects.visibles_par(referent).count()
    assert response.json()["count"] == visibles
    assert len(response.json()["results"]) == visibles > 30


def test_api_fiche_pages_follow_each_other_in_id_order():
    client = client_de("referent.ars")
    premiere = client.get("/api/v1/fiches/", {"taille": 10}).json()
    seconde = client.get("/api/v1/fiches/", {"taille": 10, "page": 2}).json()
    ids = [f["id"] for f in premiere["results"] + seconde["results"]]
    assert ids == sorted(ids) and len(set(ids)) == 20
    assert premiere["results"][0]["axe"] and "thematiques" in premiere["results"][0]


def test_coverage_follows_a_contract_change_at_once(morlaix):
    client = client_de("referent.ars")
    avant = couverture_finistere(client)
    assert int(avant["communes_couvertes"]) == 26
    morlaix.communes.remove(*morlaix.communes.order_by("pk")[:6])
    apres = couverture_finistere(client)
    assert int(apres["communes_couvertes"]) == 20
    morlaix.statut = Contrat.Statut.ECHU
    morlaix.save()
    assert int(couverture_finistere(client)["communes_couvertes"]) == 0


def test_inventory_follows_a_new_signature_at_once(poher):
    client = client_de("referent.ars")
    params = {"region": "53", "debut": 2015, "fin": 2030}
    avant = client.get(reverse("observatoire:inventaire"), params).text
    poher.date_signature = poher.date_debut or poher.cree_le.date()
    poher.save()
    apres = client.get(reverse("observatoire:inventaire"), params).text
    assert avant != apres


def test_facet_counts_are_the_number_of_results_of_each_value():
    reindexer()
    resultat = rechercher("", {})
    assert resultat.total == IndexAction.objects.count()
    for facette in FACETTES:
        for valeur, n in list(resultat.comptes[facette].items())[:3]:
            assert rechercher("", {facette: valeur}).actions.count() == n, (facette, valeur)


@pytest.mark.parametrize(
    ("texte", "filtres"), [("", {}), ("santé", {}), ("", {"statut": "en_cours"})]
)
def test_facets_counted_from_rows_match_the_database_counts(texte, filtres):
    reindexer()
    actions = rechercher(texte, filtres).actions
    total, comptes = compter(actions)
    assert total > 0
    assert (total, comptes) == compter_en_sql(actions)


def test_facet_counts_follow_a_fiche_change(morlaix, django_capture_on_commit_callbacks):
    reindexer()
    page = Client().get(reverse("catalogue:recherche"), {"statut": "abandonnee"}).text
    abandonnees = morlaix.fiches.filter(statut="abandonnee").count()
    assert f">{abandonnees} action" in page
    fiche = morlaix.fiches.exclude(statut="abandonnee").first()
    with django_capture_on_commit_callbacks(execute=True):
        fiche.statut = "abandonnee"
        fiche.save()
    page = Client().get(reverse("catalogue:recherche"), {"statut": "abandonnee"}).text
    assert f">{abandonnees + 1} action" in page


def test_cached_filter_form_keeps_each_query_own_values():
    client = client_de("referent.ars")
    bretagne = client.get(reverse("observatoire:inventaire"), {"region": "53"}).text
    assert '<option value="53" selected>' in bretagne
    idf = client.get(reverse("observatoire:inventaire"), {"region": "11"}).text
    assert '<option value="11" selected>' in idf and '<option value="53" selected>' not in idf
    erreur = client.get(reverse("observatoire:inventaire"), {"debut": "abc"}).text
    assert "Certains filtres sont invalides" in erreur


def test_api_fiche_list_reads_only_the_page_once_its_ids_are_cached(
    morlaix, django_assert_max_num_queries
):
    """Seen again: session, user, the reader's contracts, the fiches' version, the page."""
    client = client_de("referent.ars")
    premiere = client.get("/api/v1/fiches/", {"taille": 10, "page": 2}).json()
    with django_assert_max_num_queries(5):
        seconde = client.get("/api/v1/fiches/", {"taille": 10, "page": 2}).json()
    assert seconde == premiere
    assert len(seconde["results"]) == 10


@pytest.fixture
def partage_en_fichiers(tmp_path, settings):
    """The shared cache as in production: files (here in a temporary folder)."""
    settings.CACHES = {
        **settings.CACHES,
        "partage": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": tmp_path,
        },
    }
    return tmp_path


def test_a_result_computed_by_one_process_is_read_by_the_others(partage_en_fichiers):
    """The shared cache is the real file cache here: a second process (its memory empty)
    reads the first one's result instead of computing it again."""
    from django.core.cache import cache, caches

    from clsante.observatoire.versions import en_cache

    calculs = []

    def calcul():
        calculs.append(1)
        return {"contrats": 12}

    assert en_cache("essai:partage", calcul) == {"contrats": 12}
    cache.clear()  # another process: nothing in its memory
    assert en_cache("essai:partage", calcul) == {"contrats": 12}
    assert len(calculs) == 1
    assert list(partage_en_fichiers.iterdir()), "the result is written to the shared files"
    caches["partage"].clear()


def test_a_shared_result_never_outlives_its_lifetime_in_another_process(partage_en_fichiers):
    """Read from the shared cache near its end, a result is kept only for what it has left."""
    import time

    from django.core.cache import cache, caches

    from clsante.observatoire.versions import en_cache

    # Computed by another process, with half a second left.
    caches["partage"].set("essai:age", (time.time() + 0.5, "ancien"), timeout=60)
    assert en_cache("essai:age", lambda: "nouveau", duree=60) == "ancien"
    time.sleep(0.7)
    assert en_cache("essai:age", lambda: "nouveau", duree=60) == "nouveau"
    assert cache.get("essai:age") == "nouveau"


def test_migrating_empties_the_shared_cache():
    from django.core.cache import caches
    from django.core.management import call_command

    caches["partage"].set("essai:deploiement", "ancien code")
    call_command("migrate", verbosity=0)
    assert caches["partage"].get("essai:deploiement") is None
