"""The API's fiche list caches the ordered ids: it must follow the data and the reader."""

import pytest
from django.test import Client

from clsante.comptes.models import Utilisateur
from clsante.observatoire.api.serializers import FicheSerializer
from clsante.programme.models import FicheAction

pytestmark = pytest.mark.django_db


def client_de(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


def liste(client: Client, **params) -> dict:
    response = client.get("/api/v1/fiches/", params)
    assert response.status_code == 200
    return response.json()


def test_a_new_fiche_is_listed_at_the_next_request(morlaix):
    client = client_de("lecteur")
    avant = liste(client, contrat=morlaix.pk)["count"]
    fiche = morlaix.fiches.order_by("pk").first()
    fiche.pk = None
    fiche.numero = "9.9"
    fiche.titre = "Fiche ajoutée après la première lecture"
    fiche.save()
    data = liste(client, contrat=morlaix.pk)
    assert data["count"] == avant + 1
    assert "Fiche ajoutée après la première lecture" in {f["titre"] for f in data["results"]}


def test_a_deleted_fiche_leaves_the_list_at_the_next_request(morlaix):
    client = client_de("lecteur")
    avant = liste(client, contrat=morlaix.pk)["count"]
    fiche = morlaix.fiches.order_by("pk").last()
    fiche.delete()
    data = liste(client, contrat=morlaix.pk)
    assert data["count"] == avant - 1
    assert fiche.titre not in {f["titre"] for f in data["results"]}


def test_a_status_change_moves_the_fiche_between_filtered_lists(morlaix):
    client = client_de("lecteur")
    fiche = morlaix.fiches.exclude(statut=FicheAction.Statut.ABANDONNEE).order_by("pk").first()
    abandonnees = liste(client, contrat=morlaix.pk, statut="abandonnee")["count"]
    fiche.statut = FicheAction.Statut.ABANDONNEE
    fiche.save()
    data = liste(client, contrat=morlaix.pk, statut="abandonnee")
    assert data["count"] == abandonnees + 1
    assert fiche.pk in {f["id"] for f in data["results"]}


def test_a_reader_never_gets_the_ids_cached_for_a_wider_reader(poher):
    """The ARS referent sees the Poher draft's fiches; the Morlaix coordinator, asking the
    same URL right after, must not."""
    url_params = {"contrat": poher.pk}
    assert liste(client_de("referent.ars"), **url_params)["count"] == poher.fiches.count()
    assert liste(client_de("coordinatrice.morlaix"), **url_params)["count"] == 0
    assert liste(client_de("lecteur"))["count"] < liste(client_de("referent.ars"))["count"]


def test_the_list_reads_the_page_rows_and_their_relations(morlaix):
    """Porteur, axe and themes come with the page's rows (one query, not one per fiche)."""
    fiche = morlaix.fiches.filter(porteur__isnull=False).select_related("axe", "porteur").first()
    data = liste(client_de("lecteur"), contrat=morlaix.pk, taille=500)
    ligne = next(f for f in data["results"] if f["id"] == fiche.pk)
    assert ligne["porteur"] == fiche.porteur.nom
    assert ligne["axe"] == fiche.axe.titre


def test_each_listed_fiche_reads_as_the_serializer_describes_it(morlaix, poher):
    """The list writes its rows without the serializer: same keys, same values, for fiches
    with and without porteur, dates or a validated coding."""
    fiches = FicheAction.objects.filter(contrat__in=[morlaix, poher])
    sans_porteur = fiches.order_by("pk").first()
    sans_porteur.porteur = None
    sans_porteur.date_fin = None
    sans_porteur.save()
    codee = fiches.filter(codage__isnull=False).order_by("pk").first()
    codee.codage.valide = True
    codee.codage.thematiques = ["nutrition", "sante_mentale"]
    codee.codage.save()
    lues = {}
    for contrat in (morlaix, poher):
        for ligne in liste(client_de("referent.ars"), contrat=contrat.pk, taille=500)["results"]:
            lues[ligne["id"]] = ligne
    assert len(lues) == fiches.count()
    attendues = FicheSerializer(fiches.select_related("axe", "porteur", "codage"), many=True)
    for attendue in attendues.data:
        assert lues[attendue["id"]] == dict(attendue)
    assert lues[sans_porteur.pk]["porteur"] is None and lues[sans_porteur.pk]["date_fin"] is None
    assert lues[codee.pk]["thematiques"] == ["nutrition", "sante_mentale"]
