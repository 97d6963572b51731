"""A campaign of the demo contract and a second porteur to tell the porteurs apart."""

import datetime

import pytest
from django.utils import timezone

from clsante.bilan.models import CampagneBilan, ReponseBilan
from clsante.comptes.models import Utilisateur
from clsante.contrats.models import Habilitation
from clsante.programme.models import FicheAction


def repondue(campagne: CampagneBilan, fiche: FicheAction) -> ReponseBilan:
    """A fiche already answered (the answer's content does not matter here)."""
    return ReponseBilan.objects.create(
        campagne=campagne,
        fiche=fiche,
        repondu_le=timezone.now(),
        publics_atteints=ReponseBilan.Publics.OUI,
    )


@pytest.fixture
def campagne(morlaix) -> CampagneBilan:
    """The 2026 review of Morlaix, open, due in two weeks."""
    return CampagneBilan.objects.create(
        contrat=morlaix,
        annee=2026,
        date_limite=timezone.localdate() + datetime.timedelta(days=14),
        ouverte_par=Utilisateur.objects.get(username="coordinatrice.morlaix"),
    )


@pytest.fixture
def fiche_du_porteur(morlaix) -> FicheAction:
    """Fiche 1.4, carried by porteur.demo's organisation, with indicators and financing."""
    return morlaix.fiches.get(numero="1.4")


@pytest.fixture
def fiches_du_porteur(morlaix) -> list[FicheAction]:
    return list(morlaix.fiches.filter(porteur__utilisateurs__username="porteur.demo"))


@pytest.fixture
def porteur_cpts(morlaix) -> Utilisateur:
    """A second porteur account: the CPTS, which carries fiche 1.2."""
    fiche = morlaix.fiches.get(numero="1.2")
    user = Utilisateur.objects.create_user(
        "porteur.cpts", email="cpts@example.org", organisation=fiche.porteur
    )
    Habilitation.objects.create(contrat=morlaix, utilisateur=user, role=Habilitation.Role.PORTEUR)
    return user
