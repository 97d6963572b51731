"""Only the contract's coordination imports; every reader of the contract exports."""

import pytest
from django.test import Client
from django.urls import reverse

from clsante.comptes.models import Utilisateur
from tests.imports.conftest import csv_octets, derniere_import, televerser

CSV = csv_octets(
    [["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre"], [1, "A", "9.9", "T"]]
)


def _client(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "lecteur", "referent.ars"])
def test_other_roles_cannot_upload_nor_see_an_import(username, client_coordinatrice, morlaix):
    televerser(client_coordinatrice, morlaix, CSV, "programme.csv")
    imp = derniere_import(morlaix)
    client = _client(username)
    url = reverse("imports:televerser", args=[morlaix.pk, "programme"])
    assert client.post(url, {"fichier": ("x.csv", CSV)}).status_code == 403
    assert client.get(reverse("imports:import", args=[imp.pk])).status_code == 403
    assert client.post(reverse("imports:appliquer", args=[imp.pk])).status_code == 403
    assert not morlaix.fiches.filter(numero="9.9").exists()


def test_readers_see_exports_but_not_upload_forms(morlaix):
    html = _client("lecteur").get(reverse("imports:contrat", args=[morlaix.pk])).content.decode()
    assert "Programme en XLSX" in html
    assert "Importer un programme" not in html


def test_coordinatrice_sees_upload_forms_and_history(client_coordinatrice, morlaix):
    televerser(client_coordinatrice, morlaix, CSV, "programme.csv")
    html = client_coordinatrice.get(reverse("imports:contrat", args=[morlaix.pk])).content.decode()
    assert "Importer un programme" in html and "Importer un annuaire" in html
    assert "programme.csv" in html


def test_coordinatrice_of_another_contract_gets_404(
    client_coordinatrice_poher, client_coordinatrice, morlaix, poher
):
    televerser(client_coordinatrice_poher, poher, CSV, "programme.csv")
    imp = derniere_import(poher)
    assert client_coordinatrice.get(reverse("imports:import", args=[imp.pk])).status_code == 404
    assert (
        client_coordinatrice.get(
            reverse("imports:export_programme", args=[poher.pk, "xlsx"])
        ).status_code
        == 404
    )
