import pytest

from tests.navigateur.accessibilite import violations_graves

pytestmark = pytest.mark.browser


def test_coordinatrice_logs_in_and_opens_her_contract(connecter):
    page = connecter("coordinatrice.morlaix")
    assert page.get_by_role("heading", name="Mes contrats").is_visible()
    page.get_by_role(
        "link", name="Contrat local de santé de Morlaix Communauté 2023-2028", exact=True
    ).click()
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Contrat local de santé de Morlaix")
    )
    assert page.get_by_text("Programme d'actions").is_visible()


def test_wrong_password_is_refused_in_french(navigateur, serveur):
    context = navigateur.new_context(base_url=serveur)
    page = context.new_page()
    page.goto("/comptes/connexion/")
    page.get_by_label("Nom d’utilisateur").or_(page.get_by_label("Nom d'utilisateur")).fill(
        "elu.morlaix"
    )
    page.get_by_label("Mot de passe").fill("mauvais")
    page.get_by_role("button", name="Se connecter").last.click()
    assert page.get_by_text("Identifiant ou mot de passe incorrect").is_visible()
    context.close()


@pytest.mark.parametrize("chemin", ["/", "contrat", "fiche"])
def test_main_pages_have_no_serious_accessibility_violation(connecter, chemin):
    page = connecter("coordinatrice.morlaix")
    if chemin != "/":
        page.get_by_role(
            "link", name="Contrat local de santé de Morlaix Communauté 2023-2028", exact=True
        ).click()
    if chemin == "fiche":
        page.locator("a[href^='/fiches/']").first.click()
    page.wait_for_load_state()
    assert violations_graves(page) == []
