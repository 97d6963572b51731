"""The annual review campaign in a real browser: opened, answered, followed."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.navigateur.accessibilite import violations_graves

pytestmark = pytest.mark.browser

CONTRAT = "Contrat local de santé de Morlaix Communauté 2023-2028"


def _onglet_bilan(page: Page) -> None:
    page.get_by_role("link", name=CONTRAT, exact=True).click()
    page.get_by_role("link", name="Bilan annuel", exact=True).click()


def test_a_campaign_is_opened_answered_and_followed(connecter):
    coordinatrice = connecter("coordinatrice.morlaix")
    _onglet_bilan(coordinatrice)
    coordinatrice.get_by_label("Message aux porteurs").fill("Merci de répondre avant le comité.")
    coordinatrice.get_by_role("button", name="Ouvrir la campagne").click()
    expect(
        coordinatrice.get_by_text(re.compile(r"Campagne de bilan \d{4} ouverte"))
    ).to_be_visible()
    expect(coordinatrice.locator("#nb-repondues")).to_have_text(re.compile(r"^0 / \d+$"))
    assert violations_graves(coordinatrice) == []

    porteur = connecter("porteur.demo")
    porteur.goto("/bilan/a-completer/")
    porteur.get_by_role("link", name="Répondre pour la fiche 1.4").click()
    assert violations_graves(porteur) == []
    porteur.get_by_label("Statut de la fiche").select_option(label="Réalisée")
    porteur.get_by_label("Où en est l'action ?").fill("Douze ateliers tenus cette année.")
    porteur.get_by_text("En partie", exact=True).click()
    porteur.locator("input[name^='indicateurs-indicateur_']").first.fill("42")
    porteur.get_by_role("button", name="Enregistrer la réponse").click()
    expect(porteur.get_by_text("Réponse enregistrée pour la fiche 1.4")).to_be_visible()
    ligne = porteur.get_by_role("row").filter(has_text="1.4 —")
    expect(ligne.get_by_text("Répondu", exact=True)).to_be_visible()

    coordinatrice.reload()
    expect(coordinatrice.locator("#nb-repondues")).to_have_text(re.compile(r"^1 / \d+$"))
    ligne = coordinatrice.get_by_role("row").filter(has_text="1.4 —")
    expect(ligne.get_by_text("Répondu", exact=True)).to_be_visible()
    coordinatrice.get_by_role("button", name="Relancer les porteurs qui n'ont pas répondu").click()
    expect(coordinatrice.get_by_text(re.compile("Personne à relancer|relancé"))).to_be_visible()
