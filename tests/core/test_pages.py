import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_home_requires_login():
    response = Client().get(reverse("programme:accueil"))
    assert response.status_code == 302
    assert reverse("comptes:connexion") in response["Location"]


@pytest.mark.django_db
def test_login_with_demo_password_lands_on_my_contracts():
    client = Client()
    response = client.post(
        reverse("comptes:connexion"),
        {"username": "coordinatrice.morlaix", "password": "demo-clsante"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Mes contrats" in response.text
    assert "Morlaix" in response.text


@pytest.mark.django_db
def test_wrong_password_gets_a_french_message():
    response = Client().post(
        reverse("comptes:connexion"), {"username": "coordinatrice.morlaix", "password": "non"}
    )
    assert "Identifiant ou mot de passe incorrect" in response.text


@pytest.mark.django_db
def test_contract_page_shows_identity_programme_and_governance(client_coordinatrice, morlaix):
    response = client_coordinatrice.get(reverse("contrats:detail", args=[morlaix.pk]))
    assert response.status_code == 200
    assert morlaix.nom in response.text
    assert "Comité de pilotage" in response.text or "COPIL" in response.text
    fiche = morlaix.fiches.first()
    assert reverse("programme:fiche", args=[fiche.pk]) in response.text
    assert "Sans action" in response.text


@pytest.mark.django_db
def test_fiche_page_reads_like_a_printed_fiche(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.filter(indicateurs__isnull=False).first()
    response = client_coordinatrice.get(reverse("programme:fiche", args=[fiche.pk]))
    assert response.status_code == 200
    assert fiche.titre in response.text
    assert "Indicateurs" in response.text
    assert "Porteur" in response.text


@pytest.mark.django_db
def test_draft_contract_is_invisible_to_another_contracts_users(client_coordinatrice, poher):
    assert client_coordinatrice.get(reverse("contrats:detail", args=[poher.pk])).status_code == 404
    fiche = poher.fiches.first()
    assert client_coordinatrice.get(reverse("programme:fiche", args=[fiche.pk])).status_code == 404
    home = client_coordinatrice.get(reverse("programme:accueil"))
    assert poher.nom not in home.text


@pytest.mark.django_db
def test_draft_contract_is_visible_to_its_coordinatrice(client_coordinatrice_poher, poher):
    response = client_coordinatrice_poher.get(reverse("contrats:detail", args=[poher.pk]))
    assert response.status_code == 200


@pytest.mark.django_db
def test_ars_referent_reads_every_contract_of_his_region(poher, morlaix):
    from clsante.comptes.models import Utilisateur

    client = Client()
    client.force_login(Utilisateur.objects.get(username="referent.ars"))
    for contrat in (poher, morlaix):
        assert client.get(reverse("contrats:detail", args=[contrat.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["core:accessibilite", "core:mentions", "core:donnees_personnelles"]
)
def test_legal_pages_are_public_and_linked_from_the_footer(name):
    response = Client().get(reverse(name))
    assert response.status_code == 200
    home = Client().get(reverse("comptes:connexion"))
    assert reverse(name) in home.text


@pytest.mark.django_db
def test_neutral_theme_drops_the_state_identity(client_coordinatrice, settings):
    assert "République<br>française" in client_coordinatrice.get("/").text
    settings.CLSANTE_THEME = "neutre"
    settings.CLSANTE_NOM_OPERATEUR = "Communauté de communes exemple"
    page = client_coordinatrice.get("/").text
    assert "République<br>française" not in page
    assert "Communauté de communes exemple" in page
