"""Rows without a fiche number (the Territoires en Transitions layout has none) never
overwrite another fiche: they find the fiche of their axe with the same title, or get a new
number after the highest of the axe."""

from clsante.programme.models import FicheAction
from tests.imports.conftest import appliquer, csv_octets, derniere_import, televerser

ENTETES = ["Axe (numéro)", "Titre", "Statut"]


def test_row_without_number_creates_a_new_fiche_and_leaves_1_1_untouched(
    client_coordinatrice, morlaix
):
    titre_1_1 = morlaix.fiches.get(numero="1.1").titre
    contenu = csv_octets([ENTETES, [1, "Nouvelle action de prévention bucco-dentaire", "en cours"]])
    page = televerser(client_coordinatrice, morlaix, contenu, "programme.csv")
    imp = derniere_import(morlaix)
    assert imp.rapport["totaux"] == {"creee": 1, "modifiee": 0, "inchangee": 0, "erreur": 0}
    assert imp.rapport["lignes"][0]["numero"] == "1.8"
    assert "1.8 — Nouvelle action de prévention bucco-dentaire" in page.content.decode()
    appliquer(client_coordinatrice, imp)
    assert morlaix.fiches.get(numero="1.1").titre == titre_1_1
    assert not morlaix.fiches.get(numero="1.1").avenants.exists()
    assert morlaix.fiches.get(numero="1.8").titre == "Nouvelle action de prévention bucco-dentaire"
    televerser(client_coordinatrice, morlaix, contenu, "programme.csv")
    again = derniere_import(morlaix)
    assert again.rapport["totaux"] == {"creee": 0, "modifiee": 0, "inchangee": 1, "erreur": 0}


def test_row_without_number_updates_the_fiche_of_its_axe_with_the_same_title(
    client_coordinatrice, morlaix
):
    contenu = csv_octets([ENTETES, [1, "cabinet medical ephemere a Guerlesquin", "reportée"]])
    televerser(client_coordinatrice, morlaix, contenu, "programme.csv")
    imp = derniere_import(morlaix)
    assert imp.rapport["lignes"][0]["numero"] == "1.7"
    assert imp.rapport["lignes"][0]["action"] == "modifiee"
    assert imp.rapport["lignes"][0]["changements"] == ["Titre", "Statut"]


def test_new_numbers_follow_the_highest_in_numeric_order(client_coordinatrice, contrat_vierge):
    numerotees = csv_octets(
        [
            ["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre"],
            [1, "Prévention", "1.9", "Neuvième"],
            [1, "Prévention", "1.10", "Dixième"],
        ]
    )
    televerser(client_coordinatrice, contrat_vierge, numerotees, "numerotees.csv")
    appliquer(client_coordinatrice, derniere_import(contrat_vierge))
    contenu = csv_octets([ENTETES, [1, "Onzième", ""], [1, "Douzième", ""], [1, "Dixième", ""]])
    televerser(client_coordinatrice, contrat_vierge, contenu, "sans-numero.csv")
    imp = derniere_import(contrat_vierge)
    assert [(ligne["numero"], ligne["action"]) for ligne in imp.rapport["lignes"]] == [
        ("1.11", "creee"),
        ("1.12", "creee"),
        ("1.10", "inchangee"),
    ]
    appliquer(client_coordinatrice, imp)
    assert FicheAction.objects.get(contrat=contrat_vierge, numero="1.12").titre == "Douzième"


def test_same_title_twice_in_an_axe_without_numbers_is_an_error(
    client_coordinatrice, contrat_vierge
):
    contenu = csv_octets(
        [["Axe (numéro)", "Axe (titre)", "Titre"], [1, "A", "Ateliers"], [1, "A", "ateliers"]]
    )
    televerser(client_coordinatrice, contrat_vierge, contenu, "doublon.csv")
    assert derniere_import(contrat_vierge).erreurs == [
        "Ligne 3 : la fiche « ateliers » figure déjà ligne 2 dans l'axe 1 ; "
        "donnez un numéro de fiche à chacune"
    ]
