import pytest
from django.test import Client

from clsante.comptes.models import Utilisateur


def client_de(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


@pytest.mark.django_db
def test_api_requires_login():
    assert Client().get("/api/v1/contrats/").status_code == 403


@pytest.mark.django_db
def test_contract_list_counts_signed_contracts_and_hides_foreign_drafts(morlaix, poher):
    noms = {c["nom"] for c in client_de("lecteur").get("/api/v1/contrats/").json()["results"]}
    assert morlaix.nom in noms
    assert poher.nom not in noms
    data = client_de("referent.ars").get("/api/v1/contrats/", {"region": "53"}).json()
    poher_api = next(c for c in data["results"] if c["nom"] == poher.nom)
    assert poher_api["nombre_fiches"] == poher.fiches.count()
    assert poher_api["statut"] == "elaboration"


@pytest.mark.django_db
def test_fiches_of_a_draft_are_not_served_to_outsiders(poher):
    response = client_de("coordinatrice.morlaix").get("/api/v1/fiches/", {"contrat": poher.pk})
    assert response.json()["count"] == 0
    fiche = poher.fiches.first()
    assert client_de("coordinatrice.morlaix").get(f"/api/v1/fiches/{fiche.pk}/").status_code == 404


@pytest.mark.django_db
def test_coverage_endpoint_gives_the_same_figures_as_the_page(morlaix):
    data = (
        client_de("referent.ars")
        .get("/api/v1/observatoire/couverture/", {"departement": "29"})
        .json()
    )
    assert data["perimetre"] == "Finistère (29)"
    assert data["total"]["communes_couvertes"] == 26


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/contrats/?page=999", "Cette page n'existe pas"),
        ("/api/v1/contrats/?page=abc", "Cette page n'existe pas"),
        ("/api/v1/fiches/?contrat=abc", "Identifiant de contrat attendu"),
        ("/api/v1/fiches/?statut=inconnu", "Statut inconnu"),
        ("/api/v1/observatoire/inventaire/?date=hier", "Saisissez une date valide"),
    ],
)
def test_bad_parameters_get_a_400_with_a_french_message(url, message):
    response = client_de("referent.ars").get(url)
    assert response.status_code == 400
    assert message in str(response.json())


@pytest.mark.django_db
def test_openapi_description_documents_every_endpoint():
    schema = client_de("lecteur").get("/api/schema/", HTTP_ACCEPT="application/json").content
    text = schema.decode()
    for path in ("/api/v1/contrats/", "/api/v1/fiches/", "/api/v1/observatoire/couverture/"):
        assert path in text
    docs = client_de("lecteur").get("/api/docs/")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()
