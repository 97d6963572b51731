"""The four flows of the daily work tool, in a real browser, with accessibility checks."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.navigateur.accessibilite import violations_graves

pytestmark = pytest.mark.browser

MORLAIX = "Contrat local de santé de Morlaix Communauté 2023-2028"


def ouvrir_contrat(page):
    page.get_by_role("link", name=MORLAIX, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Morlaix")


def test_coordinatrice_creates_a_fiche_action(connecter):
    page = connecter("coordinatrice.morlaix")
    ouvrir_contrat(page)
    page.goto(page.url.rstrip("/") + "/fiches/nouvelle/")
    page.get_by_role("combobox", name="Axe", exact=True).select_option(index=1)
    page.get_by_role("textbox", name="Numéro", exact=True).fill("9.1")
    page.get_by_role("textbox", name="Titre", exact=True).fill(
        "Permanences de santé itinérantes dans les bourgs"
    )
    page.get_by_role("textbox", name=re.compile("^Motif de l")).fill(
        "Besoin apparu au comité technique : les bourgs sans médecin."
    )
    page.get_by_role("button", name="Enregistrer et continuer").click()
    expect(page.get_by_role("status")).to_contain_text("La fiche 9.1 est créée")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Modifier la fiche 9.1")
    page.get_by_role("textbox", name="Description", exact=True).fill(
        "Une équipe mobile tient des permanences mensuelles."
    )
    page.get_by_role("button", name=re.compile("Enregistrer")).first.click()
    page.goto(page.url.split("/modifier")[0] + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Permanences de santé itinérantes")
    assert violations_graves(page) == []


def test_porteur_records_an_indicator_value(connecter):
    page = connecter("porteur.demo")
    ouvrir_contrat(page)
    page.get_by_role("link", name="Programme", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^(Fiche )?1\.4")).first.click()
    page.get_by_role("link", name="Suivi").first.click()
    page.get_by_role("combobox", name="Indicateur", exact=True).select_option(index=1)
    page.locator("#id_mesure-date").fill(datetime.date.today().isoformat())
    page.get_by_role("textbox", name="Valeur mesurée").or_(
        page.get_by_role("spinbutton", name="Valeur mesurée")
    ).fill("42")
    page.get_by_role("button", name="Enregistrer la valeur").click()
    expect(page.get_by_text(re.compile("enregistrée|enregistré")).first).to_be_visible()
    expect(page.get_by_text("42").first).to_be_visible()
    assert violations_graves(page) == []


def test_elected_official_follows_the_programme_progress(connecter):
    page = connecter("elu.morlaix")
    ouvrir_contrat(page)
    page.get_by_role("link", name="Tableau de bord").click()
    expect(page.get_by_role("heading", name=re.compile("Avancement"))).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()
    assert violations_graves(page) == []
    page.get_by_role("link", name="Programme", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.get_by_role("link", name="Modifier").count() == 0


@pytest.mark.parametrize(
    "onglet", ["Programme", "Gouvernance", "Annuaire des acteurs", "Avenants", "Lecture ISTS"]
)
def test_contract_tabs_have_no_serious_accessibility_violation(connecter, onglet):
    page = connecter("coordinatrice.morlaix")
    ouvrir_contrat(page)
    page.get_by_role("link", name=onglet, exact=True).click()
    page.wait_for_load_state()
    assert violations_graves(page) == []


@pytest.mark.parametrize(
    "chemin", ["/observatoire/?region=53", "/observatoire/couverture/", "/catalogue/"]
)
def test_observatory_and_catalogue_have_no_serious_accessibility_violation(connecter, chemin):
    page = connecter("referent.ars")
    page.goto(chemin)
    assert violations_graves(page) == []
