"""The pages offer the downloads their reader may take, and only those."""

import datetime

from django.urls import reverse

from tests.documents.conftest import url_bilan, url_fiche, url_synthese


def test_contract_page_offers_summary_and_annual_review_to_the_coordinatrice(
    client_coordinatrice, morlaix
):
    page = client_coordinatrice.get(reverse("contrats:detail", args=[morlaix.pk])).content.decode()
    annee = datetime.date.today().year
    for format in ("pdf", "docx", "odt"):
        assert url_synthese(morlaix, format) in page
        assert url_bilan(morlaix, annee, format) in page
    assert f"Bilan annuel {annee} en PDF" in page


def test_contract_page_offers_no_annual_review_to_a_public_reader(client_lecteur, morlaix):
    page = client_lecteur.get(reverse("contrats:detail", args=[morlaix.pk])).content.decode()
    assert url_synthese(morlaix, "pdf") in page
    assert f"/contrats/{morlaix.pk}/bilan-" not in page
    assert "Bilan annuel 20" not in page


def test_fiche_page_offers_the_fiche_in_three_formats(client_lecteur, fiche_mediation):
    page = client_lecteur.get(reverse("programme:fiche", args=[fiche_mediation.pk])).content
    for format in ("pdf", "docx", "odt"):
        assert url_fiche(fiche_mediation, format) in page.decode()
    assert "Fiche en DOCX" in page.decode()
