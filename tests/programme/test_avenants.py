"""Amendments after signature: listed beside the signed programme, decided by the ARS."""

import pytest
from django.urls import reverse

from clsante.programme.avenants import enregistrer_avenant, instantane
from clsante.programme.models import Avenant, FicheAction
from tests.personas import client_de


def _url(contrat) -> str:
    return reverse("programme:avenants", args=[contrat.pk])


@pytest.mark.django_db
def test_amendments_page_lists_them_and_compares_signed_and_current_programmes(morlaix):
    fiche = morlaix.fiches.get(numero="1.1")
    avant = instantane(fiche)
    fiche.titre = "Titre réécrit après signature"
    fiche.save()
    enregistrer_avenant(fiche, Avenant.Type.MODIFICATION, "Nouveau partenaire.", None, avant)
    texte = client_de("elu.morlaix").get(_url(morlaix)).text
    assert "Nouveau partenaire." in texte
    assert "Fiche réécrite" in texte
    assert "Programme signé et programme actuel" in texte
    assert "Réécrite depuis la signature" in texte
    assert "Ajoutée après la signature" in texte  # the demo's 2.6 and 5.5
    assert "Abandonnée" in texte  # the demo's 1.7
    assert avant["titre"] in texte and "Titre réécrit après signature" in texte
    assert "Valider" not in texte  # only the ARS referent decides


@pytest.mark.django_db
def test_an_amendment_recorded_after_signature_is_validated_by_the_ars_referent(
    client_coordinatrice, morlaix
):
    client_coordinatrice.post(
        reverse("programme:fiche_creer", args=[morlaix.pk]),
        {
            "axe": morlaix.axes.first().pk,
            "numero": "1.9",
            "titre": "Permanences d'accès aux droits",
            "statut": FicheAction.Statut.PREVUE,
            "priorite": "moyenne",
            "motif": "Besoin apparu en cours de contrat.",
        },
    )
    avenant = morlaix.avenants.get(numero_fiche="1.9")
    assert avenant.statut == Avenant.Statut.EN_ATTENTE
    referent = client_de("referent.ars")
    page = referent.get(_url(morlaix)).text
    assert reverse("programme:avenant_decider", args=[avenant.pk]) in page
    response = referent.post(
        reverse("programme:avenant_decider", args=[avenant.pk]),
        {"decision": Avenant.Statut.VALIDE},
        follow=True,
    )
    assert "L&#x27;avenant de la fiche 1.9 est validé." in response.text
    avenant.refresh_from_db()
    assert avenant.statut == Avenant.Statut.VALIDE
    assert avenant.valide_par.username == "referent.ars"
    assert avenant.valide_le is not None


@pytest.mark.django_db
def test_the_ars_referent_refuses_an_amendment_and_cannot_decide_twice(morlaix):
    avenant = morlaix.avenants.get(statut=Avenant.Statut.EN_ATTENTE)
    url = reverse("programme:avenant_decider", args=[avenant.pk])
    referent = client_de("referent.ars")
    referent.post(url, {"decision": Avenant.Statut.REFUSE})
    avenant.refresh_from_db()
    assert avenant.statut == Avenant.Statut.REFUSE
    encore = referent.post(url, {"decision": Avenant.Statut.VALIDE}, follow=True)
    assert "Cet avenant a déjà fait l&#x27;objet d&#x27;une décision." in encore.text
    avenant.refresh_from_db()
    assert avenant.statut == Avenant.Statut.REFUSE


@pytest.mark.django_db
def test_a_forged_decision_is_refused_in_french(morlaix):
    avenant = morlaix.avenants.get(statut=Avenant.Statut.EN_ATTENTE)
    url = reverse("programme:avenant_decider", args=[avenant.pk])
    response = client_de("admin").post(url, {"decision": "en_attente"}, follow=True)
    assert "Choisissez de valider ou de refuser l&#x27;avenant." in response.text
    avenant.refresh_from_db()
    assert avenant.statut == Avenant.Statut.EN_ATTENTE


@pytest.mark.django_db
def test_the_decision_url_accepts_only_posts_and_hides_other_regions(
    client_coordinatrice_poher, morlaix
):
    avenant = morlaix.avenants.get(statut=Avenant.Statut.EN_ATTENTE)
    url = reverse("programme:avenant_decider", args=[avenant.pk])
    assert client_de("referent.ars").get(url).status_code == 405
    assert (
        client_de("referent.ars")
        .post(reverse("programme:avenant_decider", args=[999999]))
        .status_code
        == 404
    )


@pytest.mark.django_db
def test_a_draft_contracts_amendment_is_invisible_to_outsiders(poher):
    fiche = poher.fiches.first()
    avenant = Avenant.objects.create(
        contrat=poher,
        fiche=fiche,
        numero_fiche=fiche.numero,
        type="ajout",
        date="2027-01-01",
        motif="Test",
    )
    url = reverse("programme:avenant_decider", args=[avenant.pk])
    assert client_de("coordinatrice.morlaix").post(url, {"decision": "valide"}).status_code == 404
    assert client_de("coordinatrice.poher").post(url, {"decision": "valide"}).status_code == 403
    assert client_de("referent.ars").post(url, {"decision": "valide"}).status_code == 302
