"""Who may open which fiche page: allowed (200), forbidden (403) or invisible (404)."""

import pytest
from django.urls import reverse

from clsante.programme.models import Avenant
from tests.personas import client_de

ROLES = ["coordinatrice.morlaix", "porteur.demo", "referent.ars", "elu.morlaix", "lecteur"]
OUTSIDER = "coordinatrice.poher"


def _fiche(contrat, numero="1.4"):
    return contrat.fiches.get(numero=numero)


# Morlaix is signed and published: everyone reads its fiches, few may change them.
LECTURE_MORLAIX = {
    "fiche": dict.fromkeys([*ROLES, OUTSIDER, "admin"], 200),
    "fiche_suivi": dict.fromkeys([*ROLES, OUTSIDER, "admin"], 200),
    "fiche_commentaires": {
        **dict.fromkeys([*ROLES, "admin"], 200),
        "lecteur": 403,
        OUTSIDER: 403,
    },
    "fiche_historique": {
        "coordinatrice.morlaix": 200,
        "porteur.demo": 200,
        "referent.ars": 200,
        "elu.morlaix": 200,
        "admin": 200,
        "lecteur": 403,
        OUTSIDER: 403,
    },
    "fiche_modifier": {
        "coordinatrice.morlaix": 200,
        "admin": 200,
        "porteur.demo": 403,
        "referent.ars": 403,
        "elu.morlaix": 403,
        "lecteur": 403,
        OUTSIDER: 403,
    },
}
CAS_MORLAIX = [
    (vue, user, code) for vue, codes in LECTURE_MORLAIX.items() for user, code in codes.items()
]


@pytest.mark.django_db
@pytest.mark.parametrize(("vue", "username", "attendu"), CAS_MORLAIX)
def test_each_role_gets_the_expected_answer_on_a_morlaix_fiche_page(
    morlaix, vue, username, attendu
):
    response = client_de(username).get(reverse(f"programme:{vue}", args=[_fiche(morlaix).pk]))
    assert response.status_code == attendu
    if attendu == 403:
        assert "Accès refusé" in response.text


CREER = {
    "coordinatrice.morlaix": 200,
    "admin": 200,
    "porteur.demo": 403,
    "referent.ars": 403,
    "elu.morlaix": 403,
    "lecteur": 403,
    OUTSIDER: 403,
}


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "attendu"), CREER.items())
def test_only_the_coordination_may_open_the_new_fiche_form(morlaix, username, attendu):
    response = client_de(username).get(reverse("programme:fiche_creer", args=[morlaix.pk]))
    assert response.status_code == attendu


@pytest.mark.django_db
@pytest.mark.parametrize("username", [*ROLES, OUTSIDER, "admin"])
def test_everyone_who_reads_morlaix_reads_its_amendments(morlaix, username):
    response = client_de(username).get(reverse("programme:avenants", args=[morlaix.pk]))
    assert response.status_code == 200
    assert "Avenants au programme" in response.text


# Poher is a draft: only its coordinatrice, the region's ARS referent and the admin see it.
POHER = {
    "fiche": {OUTSIDER: 200, "referent.ars": 200, "admin": 200},
    "fiche_suivi": {OUTSIDER: 200, "referent.ars": 200, "admin": 200},
    "fiche_commentaires": {OUTSIDER: 200, "referent.ars": 200, "admin": 200},
    "fiche_historique": {OUTSIDER: 200, "referent.ars": 200, "admin": 200},
    "fiche_modifier": {OUTSIDER: 200, "referent.ars": 403, "admin": 200},
}
INVISIBLE = ["coordinatrice.morlaix", "porteur.demo", "elu.morlaix", "lecteur"]
CAS_POHER = [
    (vue, user, code)
    for vue, codes in POHER.items()
    for user, code in [*codes.items(), *[(u, 404) for u in INVISIBLE]]
]


@pytest.mark.django_db
@pytest.mark.parametrize(("vue", "username", "attendu"), CAS_POHER)
def test_a_draft_contracts_fiches_are_invisible_to_outsiders(poher, vue, username, attendu):
    fiche = poher.fiches.first()
    response = client_de(username).get(reverse(f"programme:{vue}", args=[fiche.pk]))
    assert response.status_code == attendu


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "attendu"),
    [(OUTSIDER, 200), ("referent.ars", 200), ("coordinatrice.morlaix", 404), ("lecteur", 404)],
)
def test_a_draft_contracts_amendments_page_follows_the_contract_rule(poher, username, attendu):
    response = client_de(username).get(reverse("programme:avenants", args=[poher.pk]))
    assert response.status_code == attendu
    if attendu == 200:
        assert "pas encore signé" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "attendu"),
    [(OUTSIDER, 200), ("referent.ars", 403), ("coordinatrice.morlaix", 404)],
)
def test_a_draft_contracts_new_fiche_form_is_for_its_coordinatrice(poher, username, attendu):
    response = client_de(username).get(reverse("programme:fiche_creer", args=[poher.pk]))
    assert response.status_code == attendu


@pytest.mark.django_db
def test_unknown_fiche_or_contract_is_a_french_404(client_coordinatrice):
    for url in (
        reverse("programme:fiche_suivi", args=[999999]),
        reverse("programme:fiche_modifier", args=[999999]),
        reverse("programme:fiche_creer", args=[999999]),
        reverse("programme:avenants", args=[999999]),
    ):
        response = client_coordinatrice.get(url)
        assert response.status_code == 404
        assert "Page introuvable" in response.text


@pytest.mark.django_db
def test_buttons_show_only_what_the_person_may_do(morlaix):
    fiche = _fiche(morlaix)
    url = reverse("programme:fiche", args=[fiche.pk])
    modifier = reverse("programme:fiche_modifier", args=[fiche.pk])
    historique = reverse("programme:fiche_historique", args=[fiche.pk])
    coordination = client_de("coordinatrice.morlaix").get(url).text
    assert modifier in coordination and "Saisir le suivi" in coordination
    porteur = client_de("porteur.demo").get(url).text
    assert modifier not in porteur and "Saisir le suivi" in porteur
    lecteur = client_de("lecteur").get(url).text
    assert modifier not in lecteur and "Saisir le suivi" not in lecteur
    assert historique not in lecteur
    assert reverse("programme:fiche_commentaires", args=[fiche.pk]) not in lecteur
    assert reverse("programme:fiche_commentaires", args=[fiche.pk]) in porteur


@pytest.mark.django_db
def test_amendment_decision_is_refused_to_the_contracts_other_people(morlaix):
    avenant = morlaix.avenants.get(statut=Avenant.Statut.EN_ATTENTE)
    url = reverse("programme:avenant_decider", args=[avenant.pk])
    for username in ["coordinatrice.morlaix", "porteur.demo", "elu.morlaix", "lecteur", OUTSIDER]:
        response = client_de(username).post(url, {"decision": "valide"})
        assert response.status_code == 403, username
    avenant.refresh_from_db()
    assert avenant.statut == Avenant.Statut.EN_ATTENTE
