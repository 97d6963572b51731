"""Every export respects its reader: hidden objects, forbidden documents, contact details."""

import pytest
from django.urls import reverse

from clsante.programme.models import FicheAction
from tests.documents.conftest import url_bilan, url_fiche, url_synthese
from tests.documents.lecture import texte_docx
from tests.personas import client_de


def test_public_reader_is_refused_the_annual_review_in_french(client_lecteur, morlaix):
    response = client_lecteur.get(url_bilan(morlaix, 2025, "pdf"))
    assert response.status_code == 403
    assert "réservé aux personnes qui ont un rôle dans le contrat" in response.content.decode()


def test_porteur_and_elu_get_the_annual_review(client_porteur, client_elu, morlaix):
    for client in (client_porteur, client_elu):
        response = client.get(url_bilan(morlaix, 2025, "docx"))
        assert response.status_code == 200
        assert "Bilan annuel 2025" in texte_docx(response.content)


def test_draft_fiche_of_another_contract_is_not_found(client_coordinatrice, poher):
    fiche = FicheAction.objects.filter(contrat=poher).first()
    for format in ("pdf", "docx", "odt"):
        assert client_coordinatrice.get(url_fiche(fiche, format)).status_code == 404
    assert client_coordinatrice.get(url_synthese(poher, "pdf")).status_code == 404
    assert client_coordinatrice.get(url_bilan(poher, 2025, "pdf")).status_code == 404


def test_fiche_shows_porteur_contacts_to_the_coordinatrice_only(
    client_coordinatrice, client_lecteur, fiche_mediation
):
    contact = fiche_mediation.porteur.contacts.order_by("nom").first()
    coordination = texte_docx(client_coordinatrice.get(url_fiche(fiche_mediation, "docx")).content)
    lecteur = texte_docx(client_lecteur.get(url_fiche(fiche_mediation, "docx")).content)
    assert contact.email in coordination and contact.telephone in coordination
    assert "Contacts du porteur" not in lecteur
    assert contact.email not in lecteur and contact.telephone not in lecteur
    assert fiche_mediation.titre in lecteur


def test_summary_names_the_coordination_only_for_the_contract_people(
    client_elu, client_lecteur, morlaix
):
    elu = texte_docx(client_elu.get(url_synthese(morlaix, "docx")).content)
    lecteur = texte_docx(client_lecteur.get(url_synthese(morlaix, "docx")).content)
    assert "coordinatrice.morlaix@example.org" in elu
    assert "coordinatrice.morlaix@example.org" not in lecteur
    assert "Synthèse du contrat" in lecteur


@pytest.mark.parametrize(
    "url",
    [
        lambda m, f: url_fiche(f, "doc"),
        lambda m, f: url_synthese(m, "html"),
        lambda m, f: url_bilan(m, 1999, "pdf"),
        lambda m, f: url_bilan(m, 2101, "pdf"),
    ],
)
def test_unknown_format_or_year_out_of_range_is_not_found(
    client_coordinatrice, morlaix, fiche_mediation, url
):
    assert client_coordinatrice.get(url(morlaix, fiche_mediation)).status_code == 404


@pytest.mark.parametrize("username", ["lecteur", "porteur.demo", "coordinatrice.morlaix"])
def test_an_unknown_format_is_not_found_whoever_asks(morlaix, username):
    response = client_de(username).get(f"/contrats/{morlaix.pk}/bilan-2025.exe")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert "réservé aux personnes" not in response.content.decode()


def test_documents_are_only_read(client_coordinatrice, morlaix):
    assert client_coordinatrice.post(url_synthese(morlaix, "pdf")).status_code == 405


def test_annual_review_url_keeps_the_name_other_pages_link_to(morlaix):
    url = reverse("documents:bilan", kwargs={"pk": morlaix.pk, "annee": 2026, "format": "pdf"})
    assert url == f"/contrats/{morlaix.pk}/bilan-2026.pdf"
