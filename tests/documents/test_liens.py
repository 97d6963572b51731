"""The pages offer the downloads their reader may take, and only those."""

import html

from django.urls import reverse
from django.utils import timezone

from clsante.bilan.models import annee_de_bilan_par_defaut
from tests.documents.conftest import url_bilan, url_fiche, url_synthese


def test_contract_page_offers_the_summary_and_points_to_the_annual_review(
    client_coordinatrice, morlaix
):
    page = client_coordinatrice.get(reverse("contrats:detail", args=[morlaix.pk])).content.decode()
    for format in ("pdf", "docx", "odt"):
        assert url_synthese(morlaix, format) in page
    assert "Synthèse du contrat en PDF" in page
    tab = reverse("bilan:contrat", args=[morlaix.pk])
    assert (
        f'téléchargent son bilan annuel depuis l\'<a href="{tab}">onglet « Bilan annuel »</a>'
        in (html.unescape(page))
    )


def test_the_annual_review_tab_offers_the_review_of_the_year(client_coordinatrice, morlaix):
    annee = annee_de_bilan_par_defaut(timezone.localdate())
    page = client_coordinatrice.get(reverse("bilan:contrat", args=[morlaix.pk])).content.decode()
    for format in ("pdf", "docx", "odt"):
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
