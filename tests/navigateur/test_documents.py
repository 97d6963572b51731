"""Downloading documents from the pages, in a real browser."""

import datetime
import io

import docx
import pytest
from playwright.sync_api import expect

from clsante.bilan.models import annee_de_bilan_par_defaut

pytestmark = pytest.mark.browser

MORLAIX = "Contrat local de santé de Morlaix Communauté 2023-2028"


def test_coordinatrice_downloads_the_annual_review_as_pdf(connecter):
    page = connecter("coordinatrice.morlaix")
    page.get_by_role("link", name=MORLAIX, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Morlaix")
    page.get_by_role("link", name="Bilan annuel", exact=True).click()
    annee = annee_de_bilan_par_defaut(datetime.date.today())
    with page.expect_download() as attente:
        page.get_by_role("link", name=f"Bilan annuel {annee} en PDF").click()
    telechargement = attente.value
    assert telechargement.suggested_filename == (
        f"bilan-{annee}-contrat-local-de-sante-de-morlaix-communaute-2023-2028.pdf"
    )
    with open(telechargement.path(), "rb") as fichier:
        assert fichier.read(5) == b"%PDF-"


def test_fiche_page_downloads_the_fiche_as_docx(connecter):
    page = connecter("coordinatrice.morlaix")
    page.get_by_role("link", name=MORLAIX, exact=True).click()
    page.get_by_role("link", name="Fiche 1.4 — Médiation en santé", exact=False).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fiche action 1.4")
    with page.expect_download() as attente:
        page.get_by_role("link", name="Fiche en DOCX").click()
    with open(attente.value.path(), "rb") as fichier:
        document = docx.Document(io.BytesIO(fichier.read()))
    assert any("Médiation en santé" in p.text for p in document.paragraphs)
