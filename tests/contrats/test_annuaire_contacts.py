"""The coordination adds, edits and removes the contact persons of its contract's actors."""

import pytest
from django.urls import reverse

from clsante.organisations.models import Contact, Organisation
from tests.personas import client_de

pytestmark = pytest.mark.django_db

VALIDE = {
    "prenom": "Maïwenn",
    "nom": "Le Dû",
    "fonction": "Chargée de prévention",
    "email": "maiwenn.ledu@example.org",
    "telephone": "02 98 11 22 33",
}


@pytest.fixture
def ars(db) -> Organisation:
    return Organisation.objects.get(nom="ARS Bretagne")


def url(name: str, contrat, organisation, contact=None) -> str:
    args = [contrat.pk, organisation.pk] + ([contact.pk] if contact else [])
    return reverse(f"contrats:{name}", args=args)


def test_coordinatrice_adds_a_contact_and_finds_it_on_the_actor_page(
    client_coordinatrice, morlaix, ars
):
    response = client_coordinatrice.post(url("contact_ajouter", morlaix, ars), VALIDE, follow=True)
    assert response.status_code == 200
    assert "Le contact Maïwenn Le Dû a été ajouté." in response.text
    assert "maiwenn.ledu@example.org" in response.text
    assert ars.contacts.filter(nom="Le Dû", telephone="02 98 11 22 33").exists()


def test_admin_may_add_a_contact_too(client_admin, morlaix, ars):
    response = client_admin.post(url("contact_ajouter", morlaix, ars), VALIDE)
    assert response.status_code == 302


def test_bad_email_and_phone_get_french_messages_and_the_input_is_kept(
    client_coordinatrice, morlaix, ars
):
    data = {**VALIDE, "email": "pas-un-courriel", "telephone": "appelez-moi"}
    response = client_coordinatrice.post(url("contact_ajouter", morlaix, ars), data)
    assert response.status_code == 200
    assert "Le contact n'a pas été enregistré" in response.text
    assert "Saisissez une adresse de courriel valide" in response.text
    assert "Le numéro de téléphone doit compter entre 6 et 15 chiffres." in response.text
    assert 'value="Maïwenn"' in response.text and 'value="pas-un-courriel"' in response.text
    assert not ars.contacts.filter(nom="Le Dû").exists()


def test_a_phone_with_letters_is_refused(client_coordinatrice, morlaix, ars):
    data = {**VALIDE, "telephone": "02 98 AB 22 33"}
    response = client_coordinatrice.post(url("contact_ajouter", morlaix, ars), data)
    assert "Numéro de téléphone invalide." in response.text


def test_a_contact_with_neither_email_nor_phone_is_refused(client_coordinatrice, morlaix, ars):
    data = {**VALIDE, "email": "", "telephone": ""}
    response = client_coordinatrice.post(url("contact_ajouter", morlaix, ars), data)
    assert "Indiquez au moins un moyen de joindre ce contact" in response.text
    assert not ars.contacts.filter(nom="Le Dû").exists()


def test_a_contact_without_a_name_is_refused_in_french(client_coordinatrice, morlaix, ars):
    response = client_coordinatrice.post(
        url("contact_ajouter", morlaix, ars), {**VALIDE, "nom": ""}
    )
    assert "Indiquez le nom." in response.text


def test_coordinatrice_edits_a_contact(client_coordinatrice, morlaix, ars):
    contact = ars.contacts.get(nom="Le Bihan")
    form = client_coordinatrice.get(url("contact_modifier", morlaix, ars, contact))
    assert 'value="claire.lebihan@example.org"' in form.text
    data = {**VALIDE, "prenom": "Claire", "nom": "Le Bihan", "fonction": "Directrice"}
    response = client_coordinatrice.post(url("contact_modifier", morlaix, ars, contact), data)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.fonction == "Directrice"


def test_coordinatrice_removes_a_contact_after_confirming(client_coordinatrice, morlaix, ars):
    contact = ars.contacts.get(nom="Le Bihan")
    confirmation = client_coordinatrice.get(url("contact_supprimer", morlaix, ars, contact))
    assert "ne figurera plus dans l'annuaire" in confirmation.text
    assert Contact.objects.filter(pk=contact.pk).exists()
    response = client_coordinatrice.post(
        url("contact_supprimer", morlaix, ars, contact), follow=True
    )
    assert "Le contact Claire Le Bihan a été supprimé." in response.text
    assert not Contact.objects.filter(pk=contact.pk).exists()


@pytest.mark.parametrize(
    "username", ["porteur.demo", "elu.morlaix", "referent.ars", "lecteur", "coordinatrice.poher"]
)
def test_nobody_but_the_coordination_may_touch_contacts(username, morlaix, ars):
    client = client_de(username)
    contact = ars.contacts.get(nom="Le Bihan")
    assert client.get(url("contact_ajouter", morlaix, ars)).status_code == 403
    assert client.post(url("contact_ajouter", morlaix, ars), VALIDE).status_code == 403
    assert client.post(url("contact_modifier", morlaix, ars, contact), VALIDE).status_code == 403
    assert client.post(url("contact_supprimer", morlaix, ars, contact)).status_code == 403
    assert Contact.objects.filter(pk=contact.pk, fonction__startswith="Responsable").exists()
    assert not ars.contacts.filter(nom="Le Dû").exists()


def test_coordinatrice_morlaix_gets_404_on_poher_contacts(client_coordinatrice, poher):
    assert (
        client_coordinatrice.get(url("contact_ajouter", poher, poher.porteuse)).status_code == 404
    )


def test_a_contact_of_another_organisation_is_404(client_coordinatrice, morlaix, ars):
    autre = Contact.objects.exclude(organisation=ars).first()
    response = client_coordinatrice.post(url("contact_modifier", morlaix, ars, autre), VALIDE)
    assert response.status_code == 404
    assert (
        client_coordinatrice.post(url("contact_supprimer", morlaix, ars, autre)).status_code == 404
    )


def test_an_organisation_outside_the_contract_gets_no_contact(client_coordinatrice, morlaix):
    from clsante.contrats.annuaire import acteurs_du_contrat

    dehors = Organisation.objects.exclude(pk__in=acteurs_du_contrat(morlaix).keys()).first()
    response = client_coordinatrice.post(url("contact_ajouter", morlaix, dehors), VALIDE)
    assert response.status_code == 404
    assert not dehors.contacts.filter(nom="Le Dû").exists()
