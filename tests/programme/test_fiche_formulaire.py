"""Creating and editing a fiche action, step by step, with concurrency and amendments."""

import datetime

import pytest
from django.urls import reverse

from clsante.programme.forms_fiche import ActeursForm, ContenuForm, IdentiteForm, PublicsForm
from clsante.programme.models import Avenant, FicheAction
from tests.personas import client_de


def _donnees(form_class, fiche: FicheAction, **changes) -> dict:
    """What the step's form would post unchanged, with ``changes`` applied."""
    form = form_class(instance=fiche, contrat=fiche.contrat)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime.date):
            value = value.isoformat()
        data[name] = "" if value is None else value
    data.update(changes)
    return data


def _autre_priorite(fiche: FicheAction) -> str:
    return "basse" if fiche.priorite != "basse" else "haute"


def _modifier(fiche: FicheAction, etape: int) -> str:
    return f"{reverse('programme:fiche_modifier', args=[fiche.pk])}?etape={etape}"


def _nouvelle(contrat, axe, **changes) -> dict:
    data = {
        "axe": axe.pk,
        "numero": "9.1",
        "titre": "Ateliers cuisine et santé",
        "statut": FicheAction.Statut.PREVUE,
        "priorite": "moyenne",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_coordinatrice_creates_a_fiche_in_a_draft_contract_then_goes_to_step_two(
    client_coordinatrice_poher, poher
):
    axe = poher.axes.first()
    response = client_coordinatrice_poher.post(
        reverse("programme:fiche_creer", args=[poher.pk]), _nouvelle(poher, axe)
    )
    fiche = poher.fiches.get(numero="9.1")
    assert response.status_code == 302
    assert response["Location"] == _modifier(fiche, 2)
    assert not fiche.hors_programmation
    assert not fiche.avenants.exists()
    assert fiche.history.first().history_user.username == "coordinatrice.poher"


@pytest.mark.django_db
def test_a_fiche_created_after_signature_needs_a_motif_and_awaits_the_ars(
    client_coordinatrice, morlaix
):
    url = reverse("programme:fiche_creer", args=[morlaix.pk])
    axe = morlaix.axes.first()
    page = client_coordinatrice.get(url)
    assert "hors programmation initiale" in page.text
    sans_motif = client_coordinatrice.post(url, _nouvelle(morlaix, axe))
    assert sans_motif.status_code == 200
    assert "Indiquez le motif de l&#x27;avenant" in sans_motif.text
    assert "Ateliers cuisine et santé" in sans_motif.text  # the input is kept
    assert not morlaix.fiches.filter(numero="9.1").exists()

    client_coordinatrice.post(url, _nouvelle(morlaix, axe, motif="Demande du COPIL de mars."))
    fiche = morlaix.fiches.get(numero="9.1")
    assert fiche.hors_programmation
    avenant = fiche.avenants.get()
    assert avenant.type == Avenant.Type.AJOUT
    assert avenant.statut == Avenant.Statut.EN_ATTENTE
    assert avenant.motif == "Demande du COPIL de mars."
    assert avenant.apres["titre"] == "Ateliers cuisine et santé"


@pytest.mark.django_db
def test_a_fiche_number_is_unique_in_its_contract(client_coordinatrice_poher, poher):
    existante = poher.fiches.first()
    response = client_coordinatrice_poher.post(
        reverse("programme:fiche_creer", args=[poher.pk]),
        _nouvelle(poher, poher.axes.first(), numero=existante.numero),
    )
    assert response.status_code == 200
    assert f"Le contrat a déjà une fiche numérotée {existante.numero}" in response.text


@pytest.mark.django_db
def test_objectives_must_belong_to_the_fiches_axis(client_coordinatrice_poher, poher):
    axe, autre = poher.axes.all()[:2]
    objectif = autre.objectifs.first()
    response = client_coordinatrice_poher.post(
        reverse("programme:fiche_creer", args=[poher.pk]),
        _nouvelle(poher, axe, objectifs=[objectif.pk]),
    )
    assert "Choisissez des objectifs de l&#x27;axe de la fiche" in response.text
    assert not poher.fiches.filter(numero="9.1").exists()


@pytest.mark.django_db
def test_an_axis_of_another_contract_is_refused(client_coordinatrice, morlaix, poher):
    fiche = morlaix.fiches.get(numero="1.1")
    data = _donnees(IdentiteForm, fiche, axe=poher.axes.first().pk)
    response = client_coordinatrice.post(_modifier(fiche, 1), data)
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.text
    fiche.refresh_from_db()
    assert fiche.axe.contrat == morlaix


@pytest.mark.django_db
def test_each_step_saves_and_moves_to_the_next(client_coordinatrice_poher, poher):
    fiche = poher.fiches.first()
    client = client_coordinatrice_poher
    response = client.post(
        _modifier(fiche, 2), _donnees(ContenuForm, fiche, description="Nouvelle description.")
    )
    assert response["Location"] == _modifier(fiche, 3)
    fiche.refresh_from_db()
    commune = poher.communes.order_by("nom").first()
    response = client.post(
        _modifier(fiche, 3),
        _donnees(PublicsForm, fiche, publics=["jeunes", "rural"], communes=[commune.pk]),
    )
    assert response["Location"] == _modifier(fiche, 4)
    fiche.refresh_from_db()
    porteur = fiche.porteur or poher.porteuse
    response = client.post(
        _modifier(fiche, 4), _donnees(ActeursForm, fiche, porteur=porteur.pk, partenaires=[])
    )
    assert response["Location"] == reverse("programme:fiche", args=[fiche.pk])
    fiche.refresh_from_db()
    assert fiche.description == "Nouvelle description."
    assert fiche.publics == ["jeunes", "rural"]
    assert list(fiche.communes.all()) == [commune]
    assert fiche.porteur == porteur
    assert not fiche.avenants.exists()  # nothing to amend before signature
    page = client.get(reverse("programme:fiche", args=[fiche.pk]))
    assert "Étape « Acteurs » enregistrée." in page.text


@pytest.mark.django_db
def test_communes_outside_the_contract_and_unknown_publics_are_refused(
    client_coordinatrice, morlaix, poher
):
    fiche = morlaix.fiches.get(numero="1.1")
    ailleurs = poher.communes.exclude(contrats=morlaix).first()
    data = _donnees(PublicsForm, fiche, communes=[ailleurs.pk], publics=["inconnu"])
    response = client_coordinatrice.post(_modifier(fiche, 3), data)
    assert response.status_code == 200
    assert response.text.count("Sélectionnez un choix valide") == 2
    assert not fiche.communes.filter(pk=ailleurs.pk).exists()


@pytest.mark.django_db
def test_a_stale_save_is_refused_and_the_first_save_is_kept(morlaix):
    fiche = morlaix.fiches.get(numero="1.1")
    premiere, seconde = client_de("coordinatrice.morlaix"), client_de("admin")
    lu = _donnees(ContenuForm, fiche)  # both people opened step 2 at the same version
    ok = premiere.post(_modifier(fiche, 2), {**lu, "contexte": "Contexte enregistré en premier"})
    assert ok.status_code == 302
    tard = seconde.post(_modifier(fiche, 2), {**lu, "contexte": "Contexte arrivé trop tard"})
    assert tard.status_code == 409
    assert "modifiée par quelqu&#x27;un d&#x27;autre" in tard.text
    assert "Contexte arrivé trop tard" in tard.text  # the second person's input is kept
    fiche.refresh_from_db()
    assert fiche.contexte == "Contexte enregistré en premier"
    assert fiche.version == lu["version_lue"] + 1


@pytest.mark.django_db
def test_rewriting_a_signed_fiche_needs_a_motif_and_records_the_text_before(
    client_coordinatrice, morlaix
):
    fiche = morlaix.fiches.get(numero="1.1")
    ancienne = fiche.description
    data = _donnees(ContenuForm, fiche, description="Description réécrite.")
    refuse = client_coordinatrice.post(_modifier(fiche, 2), data)
    assert "Indiquez le motif de l&#x27;avenant" in refuse.text
    fiche.refresh_from_db()
    assert fiche.description == ancienne

    client_coordinatrice.post(_modifier(fiche, 2), {**data, "motif": "Public élargi."})
    avenant = fiche.avenants.get(type=Avenant.Type.MODIFICATION)
    assert avenant.statut == Avenant.Statut.EN_ATTENTE
    assert avenant.avant["description"] == ancienne
    assert avenant.apres["description"] == "Description réécrite."
    assert avenant.demande_par.username == "coordinatrice.morlaix"

    # A further rewrite while the ARS has not decided completes the same amendment.
    fiche.refresh_from_db()
    client_coordinatrice.post(
        _modifier(fiche, 1), _donnees(IdentiteForm, fiche, titre="Titre réécrit")
    )
    avenant.refresh_from_db()
    assert fiche.avenants.filter(type=Avenant.Type.MODIFICATION).count() == 1
    assert avenant.apres["titre"] == "Titre réécrit"
    assert avenant.avant["description"] == ancienne


@pytest.mark.django_db
def test_a_non_contractual_change_after_signature_records_no_amendment(
    client_coordinatrice, morlaix
):
    fiche = morlaix.fiches.get(numero="1.1")
    response = client_coordinatrice.post(
        _modifier(fiche, 1), _donnees(IdentiteForm, fiche, priorite=_autre_priorite(fiche))
    )
    assert response.status_code == 302
    assert not fiche.avenants.exists()


@pytest.mark.django_db
def test_abandoning_a_signed_fiche_records_an_abandon(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.get(numero="1.1")
    data = _donnees(
        IdentiteForm, fiche, statut=FicheAction.Statut.ABANDONNEE, motif="Porteur dissous."
    )
    client_coordinatrice.post(_modifier(fiche, 1), data)
    avenant = fiche.avenants.get()
    assert avenant.type == Avenant.Type.ABANDON
    assert avenant.avant["titre"] == fiche.titre
    assert avenant.apres is None


@pytest.mark.django_db
def test_the_editor_is_named_in_the_fiches_history(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.get(numero="1.1")
    client_coordinatrice.post(_modifier(fiche, 1), _donnees(IdentiteForm, fiche, priorite="haute"))
    dernier = fiche.history.first()
    assert dernier.history_user.username == "coordinatrice.morlaix"
    assert dernier.priorite == "haute"


@pytest.mark.django_db
def test_a_post_without_the_version_read_is_refused(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.get(numero="1.1")
    avant = fiche.priorite
    data = _donnees(IdentiteForm, fiche, priorite=_autre_priorite(fiche))
    del data["version_lue"]
    response = client_coordinatrice.post(_modifier(fiche, 1), data)
    assert response.status_code == 200
    fiche.refresh_from_db()
    assert fiche.priorite == avant


@pytest.mark.django_db
def test_a_porteur_cannot_post_an_edit(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    response = client_de("porteur.demo").post(
        _modifier(fiche, 1), _donnees(IdentiteForm, fiche, titre="Piraté")
    )
    assert response.status_code == 403
    fiche.refresh_from_db()
    assert fiche.titre != "Piraté"
