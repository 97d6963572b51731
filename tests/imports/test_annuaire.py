"""Importing a directory of organisations and contacts."""

from django.urls import reverse

from clsante.organisations.models import Contact, Organisation
from tests.imports.conftest import appliquer, csv_octets, derniere_import, televerser

LIGNES = [
    ["Structure", "Type de structure", "Secteur", "SIRET", "Commune", "Prénom", "Nom", "Poste",
     "E-mail", "Tél"],
    ["Maison des jeunes (essai)", "Association", "Social", "", "Morlaix", "Lou", "Martin",
     "Animatrice", "lou.martin@example.org", "02 98 11 22 33"],
    ["Maison des jeunes (essai)", "Association", "Social", "", "Morlaix", "Noé", "Durand",
     "Directeur", "", ""],
]  # fmt: skip


def test_directory_imports_organisations_and_contacts_once(client_coordinatrice, morlaix):
    page = televerser(client_coordinatrice, morlaix, csv_octets(LIGNES), "annuaire.csv", "annuaire")
    imp = derniere_import(morlaix)
    assert "Faire correspondre les colonnes" in page.content.decode()
    assert imp.correspondance["colonnes"] == [
        "organisation", "type", "secteur", "siret", "commune", "prenom", "nom", "fonction",
        "email", "telephone",
    ]  # fmt: skip
    form = {
        "premiere_ligne": 2,
        **{f"col_{i}": c for i, c in enumerate(imp.correspondance["colonnes"])},
    }
    client_coordinatrice.post(reverse("imports:correspondre", args=[imp.pk]), form)
    appliquer(client_coordinatrice, derniere_import(morlaix))
    org = Organisation.objects.get(nom="Maison des jeunes (essai)")
    assert org.type == "association" and org.secteur == "social" and org.commune.nom == "Morlaix"
    assert sorted(c.nom for c in org.contacts.all()) == ["Durand", "Martin"]
    contacts = Contact.objects.count()
    televerser(client_coordinatrice, morlaix, csv_octets(LIGNES), "annuaire.csv", "annuaire")
    again = derniere_import(morlaix)
    assert again.rapport["totaux"]["inchangee"] == 2
    appliquer(client_coordinatrice, again)
    assert Contact.objects.count() == contacts


def test_directory_errors_name_row_and_column(client_coordinatrice, morlaix):
    lignes = [
        LIGNES[0],
        ["Club (essai)", "Fusée", "Social", "123", "", "A", "B", "", "pas-un-mail", ""],
    ]
    televerser(client_coordinatrice, morlaix, csv_octets(lignes), "annuaire.csv", "annuaire")
    imp = derniere_import(morlaix)
    form = {
        "premiere_ligne": 2,
        **{f"col_{i}": c for i, c in enumerate(imp.correspondance["colonnes"])},
    }
    client_coordinatrice.post(reverse("imports:correspondre", args=[imp.pk]), form)
    erreurs = derniere_import(morlaix).erreurs
    assert any(
        e.startswith("Ligne 2, colonne « Type de structure » : type inconnu") for e in erreurs
    )
    assert "Ligne 2, colonne « SIRET » : SIRET invalide « 123 » (14 chiffres)" in erreurs
    assert any(e.startswith("Ligne 2, colonne « E-mail »") for e in erreurs)
    assert not Organisation.objects.filter(nom="Club (essai)").exists()
