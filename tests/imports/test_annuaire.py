"""Importing a directory of organisations and contacts: only the contract's actors."""

from pathlib import Path

from django.urls import reverse

from clsante.organisations.models import Contact, Organisation
from tests.imports.conftest import appliquer, csv_octets, derniere_import, televerser

ENTETES = ["Structure", "Type de structure", "Secteur", "SIRET", "Commune", "Prénom", "Nom",
           "Poste", "E-mail", "Tél"]  # fmt: skip
STL = "Association Solidarités Trégor-Léon"  # carries fiches of Morlaix only
LIGNES = [
    ENTETES,
    [STL, "Association", "Social", "", "Morlaix", "Lou", "Martin", "Animatrice",
     "lou.martin@example.org", "02 98 11 22 33"],
    [STL, "Association", "Social", "", "Morlaix", "Camille", "Berthou", "Directrice générale",
     "camille.berthou@example.org", ""],
]  # fmt: skip


def _importer(client, contrat, lignes):
    """Upload a directory, confirm the suggested mapping; returns the preview page."""
    televerser(client, contrat, csv_octets(lignes), "annuaire.csv", "annuaire")
    imp = derniere_import(contrat)
    form = {"premiere_ligne": 2}
    form |= {f"col_{i}": c for i, c in enumerate(imp.correspondance["colonnes"])}
    return client.post(reverse("imports:correspondre", args=[imp.pk]), form, follow=True)


def test_directory_completes_an_actor_and_counts_created_contacts(client_coordinatrice, morlaix):
    _importer(client_coordinatrice, morlaix, LIGNES)
    imp = derniere_import(morlaix)
    assert imp.rapport["totaux"] == {"creee": 1, "modifiee": 1, "inchangee": 0, "erreur": 0}
    page = appliquer(client_coordinatrice, imp).content.decode()
    assert "Import terminé : 1 ligne créée, 1 modifiée, 0 inchangée." in page
    org = Organisation.objects.get(nom=STL)
    assert org.commune.nom == "Morlaix"
    assert org.contacts.get(nom="Martin").fonction == "Animatrice"
    assert org.contacts.get(nom="Berthou").fonction == "Directrice générale"
    contacts = Contact.objects.count()
    _importer(client_coordinatrice, morlaix, LIGNES)
    again = derniere_import(morlaix)
    assert again.rapport["totaux"]["inchangee"] == 2
    appliquer(client_coordinatrice, again)
    assert Contact.objects.count() == contacts


def test_directory_never_touches_nor_reveals_an_organisation_outside_the_contract(
    client_coordinatrice_poher, poher
):
    lignes = [
        ENTETES,
        ["CAF du Finistère", "", "", "", "", "Laurent", "Pirate", "Pirate",
         "laurent.kerbrat@example.org", ""],
        ["Association inconnue (essai)", "", "", "", "", "A", "B", "", "a.b@example.org", ""],
    ]  # fmt: skip
    html = _importer(client_coordinatrice_poher, poher, lignes).content.decode()
    erreurs = derniere_import(poher).erreurs
    assert erreurs == [
        f"Ligne {n}, colonne « Structure » : « {nom} » ne prend pas part à ce contrat ; "
        "nommez-la d'abord dans le programme (porteur, partenaire ou financeur d'une fiche), "
        "puis importez ses contacts"
        for n, nom in ((2, "CAF du Finistère"), (3, "Association inconnue (essai)"))
    ]
    assert "Kerbrat" not in html and "Conseiller territorial" not in html
    appliquer(client_coordinatrice_poher, derniere_import(poher))
    contact = Contact.objects.get(email="laurent.kerbrat@example.org")
    assert (contact.nom, contact.fonction) == ("Kerbrat", "Conseiller territorial Pays de Morlaix")
    assert not Organisation.objects.filter(nom="Association inconnue (essai)").exists()


def _programme_avec_porteur(client, contrat, porteur: str):
    contenu = csv_octets(
        [["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre", "Porteur"],
         [1, "Prévention", "1.1", "Marche santé", porteur]]
    )  # fmt: skip
    televerser(client, contrat, contenu, "programme.csv")
    appliquer(client, derniere_import(contrat))


def test_organisation_named_in_the_programme_then_gets_its_contacts(
    client_coordinatrice, contrat_vierge
):
    _programme_avec_porteur(client_coordinatrice, contrat_vierge, "Club de marche (essai)")
    lignes = [ENTETES, ["club de marche (essai)", "Association", "Sport, culture, loisirs", "",
                        "", "Yann", "Le Goarnig", "Président", "yann@example.org", ""]]  # fmt: skip
    _importer(client_coordinatrice, contrat_vierge, lignes)
    page = appliquer(client_coordinatrice, derniere_import(contrat_vierge)).content.decode()
    assert "Import terminé : 1 ligne créée, 0 modifiée, 0 inchangée." in page
    club = Organisation.objects.get(nom="Club de marche (essai)")
    assert club.secteur == "sport_culture_loisirs"
    assert [c.nom for c in club.contacts.all()] == ["Le Goarnig"]


def test_organisation_leaving_the_contract_before_apply_fails_in_french(
    client_coordinatrice, contrat_vierge
):
    _programme_avec_porteur(client_coordinatrice, contrat_vierge, "Club de marche (essai)")
    lignes = [ENTETES, ["Club de marche (essai)", "", "", "", "", "Yann", "Le Goarnig", "", "", ""]]
    _importer(client_coordinatrice, contrat_vierge, lignes)
    imp = derniere_import(contrat_vierge)
    assert imp.erreurs == []
    televerse = Path(imp.fichier.path)
    contrat_vierge.fiches.all().delete()
    page = appliquer(client_coordinatrice, imp).content.decode()
    assert "Import en échec : rien n'a été importé" in page
    assert "1 créée" not in page  # the report is the new analysis, not the preview
    assert "« Club de marche (essai) » ne prend pas part à ce contrat" in page
    assert "Erreur inattendue" not in page
    assert not Contact.objects.filter(nom="Le Goarnig").exists()
    assert not televerse.exists()  # a failed file is corrected and uploaded again


def test_directory_errors_name_row_and_column(client_coordinatrice, morlaix):
    lignes = [ENTETES, ["Club (essai)", "Fusée", "Social", "123", "", "A", "B", "", "pas-un-mail",
                        ""]]  # fmt: skip
    _importer(client_coordinatrice, morlaix, lignes)
    erreurs = derniere_import(morlaix).erreurs
    assert any(
        e.startswith("Ligne 2, colonne « Type de structure » : type inconnu") for e in erreurs
    )
    assert "Ligne 2, colonne « SIRET » : SIRET invalide « 123 » (14 chiffres)" in erreurs
    assert any(e.startswith("Ligne 2, colonne « E-mail »") for e in erreurs)
    assert not Organisation.objects.filter(nom="Club (essai)").exists()


def test_programme_links_an_organisation_of_another_contract_without_changing_it(
    client_coordinatrice_poher, poher
):
    caf = Organisation.objects.get(nom="CAF du Finistère")
    avant = (caf.type, caf.secteur, caf.siret, list(caf.contacts.values_list("email")))
    contenu = csv_octets(
        [["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre", "Partenaires"],
         [9, "Essai", "9.1", "Accès aux droits", "caf du finistere"]]
    )  # fmt: skip
    televerser(client_coordinatrice_poher, poher, contenu, "programme.csv")
    imp = derniere_import(poher)
    assert imp.rapport["organisations_creees"] == []
    appliquer(client_coordinatrice_poher, imp)
    assert [o.nom for o in poher.fiches.get(numero="9.1").partenaires.all()] == [caf.nom]
    caf.refresh_from_db()
    assert (caf.type, caf.secteur, caf.siret, list(caf.contacts.values_list("email"))) == avant
