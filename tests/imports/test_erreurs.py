"""Row-by-row errors in French, naming the row and the column; nothing is written."""

from clsante.imports.models import Import
from tests.imports.conftest import appliquer, csv_octets, derniere_import, televerser

ENTETES = ["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre", "Date de début",
           "Date de fin", "Communes", "Publics (grille ISTS)", "Financeur 1",
           "Montant 1"]  # fmt: skip


def test_each_bad_cell_is_reported_with_its_row_and_column_and_nothing_is_written(
    client_coordinatrice, morlaix
):
    lignes = [
        ENTETES,
        [1, "Accès aux soins", "9.1", "Une action", "31/02/2025", "", "", "", "", ""],
        [1, "Accès aux soins", "9.2", "Une autre", "", "", "Brest", "", "", ""],
        [1, "Accès aux soins", "9.1", "Doublon", "", "", "", "", "", ""],
        [1, "Accès aux soins", "9.3", "Publics", "", "", "", "martiens", "", ""],
        [1, "Accès aux soins", "9.4", "Montant", "", "", "", "", "ARS", "douze mille"],
        [1, "Accès aux soins", "9.5", "Dates", "01/06/2025", "01/01/2025", "", "", "", ""],
    ]
    avant = morlaix.fiches.count()
    page = televerser(client_coordinatrice, morlaix, csv_octets(lignes), "programme.csv")
    html = page.content.decode()
    erreurs = derniere_import(morlaix).erreurs
    assert (
        "Ligne 2, colonne « Date de début » : date inexistante « 31/02/2025 » "
        "(vérifiez le jour et le mois)" in erreurs
    )
    assert any(e.startswith("Ligne 3, colonne « Communes » : commune inconnue") for e in erreurs)
    assert any("Ligne 4" in e and "« 9.1 » en double (déjà utilisé ligne 2)" in e for e in erreurs)
    assert any(
        e.startswith("Ligne 5, colonne « Publics (grille ISTS) » : public inconnu") for e in erreurs
    )
    assert any(e.startswith("Ligne 6, colonne « Montant 1 » : montant illisible") for e in erreurs)
    assert any(e.startswith("Ligne 7, colonne « Date de fin »") for e in erreurs)
    assert "rien ne sera importé" in html
    assert "disabled" in html
    appliquer(client_coordinatrice, derniere_import(morlaix))
    assert derniere_import(morlaix).statut == Import.Statut.A_VALIDER
    assert morlaix.fiches.count() == avant


def test_a_public_whose_label_holds_a_comma_is_read_whole_among_others(
    client_coordinatrice, morlaix
):
    lignes = [
        ENTETES,
        [1, "Accès aux soins", "9.1", "Une action", "", "", "", "", "", ""],
    ]
    lignes[1][7] = "Personnes migrantes, étrangères ou allophones, Femmes"
    televerser(client_coordinatrice, morlaix, csv_octets(lignes), "programme.csv")
    imp = derniere_import(morlaix)
    assert imp.erreurs == []
    appliquer(client_coordinatrice, imp)
    assert morlaix.fiches.get(numero="9.1").publics == ["migrants", "femmes"]
