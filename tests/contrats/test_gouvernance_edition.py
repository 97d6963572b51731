"""The coordination records meetings (attendance, minutes, decisions) and instance members."""

import html

import pytest
from django.urls import reverse

from clsante.contrats.models import Decision, MembreInstance, Reunion
from clsante.organisations.models import Organisation
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def decisions(*items, initial: int = 0) -> dict:
    """Formset data: each item is (id or "", texte, [fiche ids], delete)."""
    data = {
        "decisions-TOTAL_FORMS": str(len(items)),
        "decisions-INITIAL_FORMS": str(initial),
        "decisions-MIN_NUM_FORMS": "0",
        "decisions-MAX_NUM_FORMS": "1000",
    }
    for i, (pk, texte, fiches, supprimer) in enumerate(items):
        data[f"decisions-{i}-id"] = pk
        data[f"decisions-{i}-texte"] = texte
        data[f"decisions-{i}-fiches"] = [str(f) for f in fiches]
        if supprimer:
            data[f"decisions-{i}-DELETE"] = "on"
    return data


@pytest.fixture
def copil(morlaix):
    return morlaix.instances.get(type="copil")


@pytest.fixture
def copil_2026(copil) -> Reunion:
    return copil.reunions.get(date__year=2026)


def texte(response) -> str:
    """The page as a person reads it (entities decoded)."""
    return html.unescape(response.text)


def creer(contrat, instance) -> str:
    return reverse("contrats:reunion_creer", args=[contrat.pk, instance.pk])


def modifier(reunion) -> str:
    return reverse("contrats:reunion_modifier", args=[reunion.instance.contrat_id, reunion.pk])


def reunion_data(**extra) -> dict:
    return {
        "date": "2027-01-21",
        "lieu": "Morlaix, siège de Morlaix Communauté",
        "ordre_du_jour": "Bilan de l'année 2026",
        "compte_rendu": "",
        "autres_presents": "",
        **extra,
    }


def test_coordinatrice_creates_a_meeting_with_attendance_and_a_decision(
    client_coordinatrice, morlaix, copil
):
    ars = Organisation.objects.get(nom="ARS Bretagne")
    fiche = morlaix.fiches.get(numero="1.4")
    data = {
        **reunion_data(presents=[ars.pk]),
        **decisions(
            ("", "Reconduction de la médiation en santé.", [fiche.pk], False), ("", "", [], False)
        ),
    }
    response = client_coordinatrice.post(creer(morlaix, copil), data, follow=True)
    assert response.status_code == 200
    assert "La réunion du 21/01/2027 a été créée." in response.text
    reunion = copil.reunions.get(date="2027-01-21")
    assert list(reunion.presents.all()) == [ars]
    decision = reunion.decisions.get()
    assert decision.texte == "Reconduction de la médiation en santé."
    assert list(decision.fiches.all()) == [fiche]
    assert "Membres absents (7)" in response.text


def test_the_meeting_form_offers_the_instance_members_as_attendance(
    client_coordinatrice, morlaix, copil
):
    response = client_coordinatrice.get(creer(morlaix, copil))
    assert response.status_code == 200
    assert "Organisations membres présentes" in response.text
    assert "Préfecture du Finistère" in response.text
    assert "Fiches actions concernées" in response.text


def test_a_meeting_without_date_is_redisplayed_with_errors_and_nothing_lost(
    client_coordinatrice, morlaix, copil
):
    data = {**reunion_data(date=""), **decisions(("", "Une décision à garder.", [], False))}
    response = client_coordinatrice.post(creer(morlaix, copil), data)
    assert response.status_code == 200
    assert "La réunion n'a pas été enregistrée" in response.text
    assert "Indiquez la date de la réunion." in response.text
    assert "Bilan de l&#x27;année 2026" in response.text
    assert "Une décision à garder." in response.text
    assert not copil.reunions.filter(lieu__startswith="Morlaix", date__year=2027).exists()


def test_a_decision_on_a_fiche_of_another_contract_gets_a_french_error(
    client_coordinatrice, morlaix, poher, copil
):
    fiche_poher = poher.fiches.first()
    data = {**reunion_data(), **decisions(("", "Décision forgée.", [fiche_poher.pk], False))}
    response = client_coordinatrice.post(creer(morlaix, copil), data)
    assert response.status_code == 200
    assert f"La fiche {fiche_poher.pk} n'appartient pas à ce contrat." in texte(response)
    assert not Decision.objects.filter(texte="Décision forgée.").exists()


def test_attendance_of_an_organisation_outside_the_instance_is_refused(
    client_coordinatrice, morlaix, copil
):
    membres = Organisation.objects.filter(membreinstance__instance=copil)
    etrangere = Organisation.objects.exclude(pk__in=membres).first()
    data = {**reunion_data(presents=[etrangere.pk]), **decisions()}
    response = client_coordinatrice.post(creer(morlaix, copil), data)
    assert response.status_code == 200
    assert "Ce choix n'est pas proposé pour cette instance." in texte(response)
    data = {**reunion_data(presents=["999999"]), **decisions()}
    assert client_coordinatrice.post(creer(morlaix, copil), data).status_code == 200


def test_coordinatrice_edits_minutes_and_removes_a_decision(client_coordinatrice, copil_2026):
    gardee, supprimee = copil_2026.decisions.order_by("pk")
    fiches = [f.pk for f in gardee.fiches.all()]
    form = client_coordinatrice.get(modifier(copil_2026))
    assert "Maintien de la médiation en santé en 2027" in form.text
    data = {
        **reunion_data(date="2026-06-18", compte_rendu="Compte rendu validé par le comité."),
        "presents": [o.pk for o in copil_2026.presents.all()],
        **decisions(
            (str(gardee.pk), gardee.texte, fiches, False),
            (str(supprimee.pk), supprimee.texte, [], True),
            initial=2,
        ),
    }
    response = client_coordinatrice.post(modifier(copil_2026), data)
    assert response.status_code == 302
    copil_2026.refresh_from_db()
    assert copil_2026.compte_rendu == "Compte rendu validé par le comité."
    assert list(copil_2026.decisions.all()) == [gardee]
    assert [f.pk for f in gardee.fiches.all()] == fiches


def test_a_decision_of_another_meeting_cannot_be_edited_through_this_one(
    client_coordinatrice, copil, copil_2026
):
    autre = Decision.objects.filter(reunion__instance=copil).exclude(reunion=copil_2026).first()
    data = {
        **reunion_data(date="2026-06-18"),
        **decisions((str(autre.pk), "Détournée.", [], False), initial=1),
    }
    response = client_coordinatrice.post(modifier(copil_2026), data)
    assert response.status_code == 200
    assert "Une des décisions envoyées n'appartient pas à cette réunion" in texte(response)
    assert not Decision.objects.filter(texte="Détournée.").exists()
    autre.refresh_from_db()
    assert autre.texte != "Détournée."


@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "referent.ars", "lecteur"])
def test_only_the_coordination_records_meetings(username, morlaix, copil, copil_2026):
    client = client_de(username)
    assert client.get(creer(morlaix, copil)).status_code == 403
    assert client.post(creer(morlaix, copil), {**reunion_data(), **decisions()}).status_code == 403
    assert client.post(modifier(copil_2026), reunion_data()).status_code == 403
    assert not copil.reunions.filter(date="2027-01-21").exists()


def test_admin_records_a_meeting(client_admin, morlaix, copil):
    response = client_admin.post(creer(morlaix, copil), {**reunion_data(), **decisions()})
    assert response.status_code == 302


def test_coordinatrice_poher_records_a_meeting_of_her_draft_contract(
    client_coordinatrice_poher, poher
):
    instance = poher.instances.first()
    response = client_coordinatrice_poher.post(
        creer(poher, instance), {**reunion_data(), **decisions()}
    )
    assert response.status_code == 302
    assert instance.reunions.filter(date="2027-01-21").exists()


def test_coordinatrice_poher_may_read_but_not_edit_the_published_morlaix_governance(
    client_coordinatrice_poher, morlaix, copil, copil_2026
):
    assert client_coordinatrice_poher.get(modifier(copil_2026)).status_code == 403
    assert client_coordinatrice_poher.post(creer(morlaix, copil), reunion_data()).status_code == 403


def test_an_instance_of_another_contract_is_404(client_admin, morlaix, poher):
    instance_poher = poher.instances.first()
    response = client_admin.post(creer(morlaix, instance_poher), {**reunion_data(), **decisions()})
    assert response.status_code == 404


# Members of an instance


def membres(contrat, instance) -> str:
    return reverse("contrats:instance", args=[contrat.pk, instance.pk])


def retirer(contrat, instance, membre) -> str:
    return reverse("contrats:membre_retirer", args=[contrat.pk, instance.pk, membre.pk])


def test_coordinatrice_adds_an_organisation_member_with_a_person(
    client_coordinatrice, morlaix, copil
):
    msa = Organisation.objects.get(nom="MSA d'Armorique")
    data = {
        "organisation": msa.pk,
        "personne": "Gwenaëlle Tanguy",
        "qualite": "Travailleuse sociale",
    }
    response = client_coordinatrice.post(membres(morlaix, copil), data, follow=True)
    assert response.status_code == 200
    assert "Gwenaëlle Tanguy siège désormais au comité de pilotage." in response.text
    assert copil.membres.filter(organisation=msa, personne="Gwenaëlle Tanguy").exists()


def test_coordinatrice_adds_an_inhabitants_representative(client_coordinatrice, morlaix, copil):
    data = {
        "organisation": "",
        "personne": "Maryvonne Le Hir",
        "qualite": "Conseil citoyen",
        "habitant": "on",
    }
    client_coordinatrice.post(membres(morlaix, copil), data)
    membre = copil.membres.get(personne="Maryvonne Le Hir")
    assert membre.habitant and membre.organisation is None


def test_an_inhabitants_representative_needs_a_name(client_coordinatrice, morlaix, copil):
    data = {"organisation": "", "personne": "", "qualite": "Habitant relais", "habitant": "on"}
    response = client_coordinatrice.post(membres(morlaix, copil), data)
    assert response.status_code == 200
    assert "Indiquez le nom du représentant des habitants." in response.text
    assert 'value="Habitant relais"' in response.text


def test_a_member_needs_an_organisation_or_a_person(client_coordinatrice, morlaix, copil):
    avant = copil.membres.count()
    response = client_coordinatrice.post(membres(morlaix, copil), {"qualite": "Invité"})
    assert "Choisissez une organisation ou indiquez le nom d'une personne." in texte(response)
    assert "Constraint" not in response.text and "contrainte" not in response.text
    assert copil.membres.count() == avant


def test_an_organisation_that_does_not_exist_gets_a_french_error(
    client_coordinatrice, morlaix, copil
):
    response = client_coordinatrice.post(membres(morlaix, copil), {"organisation": "999999"})
    assert response.status_code == 200
    assert "Cette organisation n'existe pas." in texte(response)


def test_coordinatrice_removes_a_member(client_coordinatrice, morlaix, copil):
    membre = copil.membres.get(personne="Jean-Claude Le Bras")
    response = client_coordinatrice.post(retirer(morlaix, copil, membre), follow=True)
    assert "Jean-Claude Le Bras ne siège plus au comité de pilotage." in response.text
    assert not MembreInstance.objects.filter(pk=membre.pk).exists()


def test_removing_a_member_needs_a_post(client_coordinatrice, morlaix, copil):
    membre = copil.membres.first()
    assert client_coordinatrice.get(retirer(morlaix, copil, membre)).status_code == 405
    assert MembreInstance.objects.filter(pk=membre.pk).exists()


def test_a_member_of_another_instance_is_404(client_coordinatrice, morlaix, copil):
    autre = MembreInstance.objects.filter(instance__contrat=morlaix).exclude(instance=copil).first()
    assert client_coordinatrice.post(retirer(morlaix, copil, autre)).status_code == 404
    assert MembreInstance.objects.filter(pk=autre.pk).exists()


@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "referent.ars", "lecteur"])
def test_only_the_coordination_manages_members(username, morlaix, copil):
    client = client_de(username)
    membre = copil.membres.first()
    assert client.get(membres(morlaix, copil)).status_code == 200
    assert client.post(membres(morlaix, copil), {"personne": "Intrus"}).status_code == 403
    assert client.post(retirer(morlaix, copil, membre)).status_code == 403
    assert not copil.membres.filter(personne="Intrus").exists()
    assert MembreInstance.objects.filter(pk=membre.pk).exists()
