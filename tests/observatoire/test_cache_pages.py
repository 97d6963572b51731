"""Rendered pages kept in the cache: never stale, never one reader's page shown to another."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from clsante.comptes.models import Utilisateur
from clsante.observatoire import versions
from clsante.observatoire.indexation import reindexer
from clsante.territoires.models import Commune

pytestmark = pytest.mark.django_db


def client_de(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


def cellules_finistere(page: str) -> list[str]:
    debut = page.index('?departement=29">Finistère (29)')
    ligne = page[debut : page.index("</tr>", debut)]
    return [c.split("<")[0] for c in ligne.split("<td>")[1:]]


def test_catalogue_shows_a_renamed_porteur_at_the_next_request(
    morlaix, django_capture_on_commit_callbacks
):
    reindexer()
    fiche = morlaix.fiches.filter(porteur__isnull=False).order_by("titre").first()
    params = {"q": fiche.titre}
    assert fiche.porteur.nom in Client().get(reverse("catalogue:recherche"), params).text
    with django_capture_on_commit_callbacks(execute=True):
        fiche.porteur.nom = "Association renommée du Trégor"
        fiche.porteur.save()
    page = Client().get(reverse("catalogue:recherche"), params).text
    assert "porté par Association renommée du Trégor" in page
    # The new name is searchable too: the porteur's name is part of the index.
    par_nom = Client().get(reverse("catalogue:recherche"), {"q": "renommée Trégor"}).text
    assert fiche.titre in par_nom


def test_catalogue_page_is_the_same_for_visitors_and_logged_in_readers():
    reindexer()
    params = {"page": "2"}
    anonyme = Client().get(reverse("catalogue:recherche"), params).text
    connecte = client_de("coordinatrice.poher").get(reverse("catalogue:recherche"), params).text
    assert "Page 2 sur" in anonyme and "Page 2 sur" in connecte
    assert "Se connecter" in anonyme and "Se déconnecter" in connecte
    assert "Se déconnecter" not in anonyme  # the header is never taken from the cache


def test_a_draft_counted_for_one_reader_is_not_shown_to_another_from_the_cache():
    params = {"region": "53", "debut": 2015, "fin": 2026}
    referent = client_de("referent.ars").get(reverse("observatoire:inventaire"), params).text
    assert cellules_finistere(referent)[-1] == "1"  # Poher's draft, in his region
    lecteur = client_de("lecteur").get(reverse("observatoire:inventaire"), params).text
    assert cellules_finistere(lecteur)[-1] == "0"
    coordinatrice = client_de("coordinatrice.poher").get(reverse("observatoire:inventaire"), params)
    assert cellules_finistere(coordinatrice.text)[-1] == "1"


def test_each_reader_starts_on_his_own_territory_with_the_same_address():
    referent = client_de("referent.ars").get(reverse("observatoire:couverture")).text
    lecteur = client_de("lecteur").get(reverse("observatoire:couverture")).text
    assert '<p class="fr-text--lead">Bretagne :' in referent
    assert '<p class="fr-text--lead">France entière :' in lecteur


def test_coverage_page_follows_a_contract_change_at_once(morlaix):
    client = client_de("referent.ars")
    params = {"region": "53"}
    avant = client.get(reverse("observatoire:couverture"), params).text
    assert cellules_finistere(avant)[2].startswith("26 / ")  # communes covered
    morlaix.communes.remove(*morlaix.communes.order_by("pk")[:6])
    apres = client.get(reverse("observatoire:couverture"), params).text
    assert cellules_finistere(apres)[2].startswith("20 / ")


def test_exports_are_not_taken_from_the_page_cache():
    client = client_de("referent.ars")
    client.get(reverse("observatoire:inventaire"), {"region": "53"})
    export = client.get(reverse("observatoire:inventaire"), {"region": "53", "format": "csv"})
    assert export["Content-Type"].startswith("text/csv")


def test_synthetic_data_banner_appears_after_generation():
    bandeau = "Données synthétiques : cette instance contient un jeu national"
    client = client_de("lecteur")
    assert bandeau not in client.get(reverse("core:accessibilite")).text
    call_command("generer_donnees_nationales", contrats=2, stdout=io.StringIO())
    assert bandeau in client.get(reverse("core:accessibilite")).text


def test_logging_out_ends_a_cached_session():
    client = client_de("coordinatrice.morlaix")
    assert client.get(reverse("programme:accueil")).status_code == 200
    client.post(reverse("comptes:deconnexion"))
    response = client.get(reverse("programme:accueil"))
    assert response.status_code == 302 and reverse("comptes:connexion") in response["Location"]


@pytest.fixture
def version_gardee(monkeypatch):
    """Tests run inside a transaction, where the version is never kept: as outside one."""
    monkeypatch.setattr(versions, "_dans_une_transaction", lambda: False)


def test_a_commune_change_made_by_another_process_shows_within_the_version_lifetime(
    morlaix, monkeypatch, version_gardee
):
    """`.update()` sends no signal, as a loading command in another process would not reach
    this one: the page follows once the process's data version has expired."""
    client = client_de("referent.ars")
    params = {"region": "53"}
    titre = "Part de la population rurale couverte"
    assert titre not in client.get(reverse("observatoire:couverture"), params).text
    Commune.objects.filter(departement__code="29").update(grille_densite=6)
    assert titre not in client.get(reverse("observatoire:couverture"), params).text
    plus_tard = versions.monotonic() + versions.DUREE_VERSION + 0.1
    monkeypatch.setattr(versions, "monotonic", lambda: plus_tard)
    assert titre in client.get(reverse("observatoire:couverture"), params).text


def test_a_commune_saved_in_this_process_shows_at_once(morlaix, version_gardee):
    client = client_de("referent.ars")
    params = {"region": "53"}
    titre = "Part de la population rurale couverte"
    assert titre not in client.get(reverse("observatoire:couverture"), params).text
    for commune in Commune.objects.filter(departement__code="29"):
        commune.grille_densite = 6
        commune.save()
    assert titre in client.get(reverse("observatoire:couverture"), params).text


def test_a_version_forgotten_while_it_was_read_is_not_kept(version_gardee):
    """Another thread's write committed during the read: what was read may predate it."""
    lectures = []

    def lecture_pendant_laquelle_on_oublie():
        lectures.append(1)
        versions.oublier_version_donnees()
        return "ancienne"

    assert versions._gardee("donnees", 60, lecture_pendant_laquelle_on_oublie) == "ancienne"
    assert versions._gardee("donnees", 60, lambda: "nouvelle") == "nouvelle"
    assert versions._gardee("donnees", 60, lambda: "pas relue") == "nouvelle"


def test_a_version_read_inside_a_transaction_is_not_kept(monkeypatch):
    monkeypatch.setattr(versions, "_dans_une_transaction", lambda: True)
    assert versions._gardee("donnees", 60, lambda: "a", hors_transaction=True) == "a"
    assert versions._gardee("donnees", 60, lambda: "b", hors_transaction=True) == "b"
