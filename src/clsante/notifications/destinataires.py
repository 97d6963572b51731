"""Who receives which reminder: the people a contract gives a role to."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from clsante.contrats.models import Contrat, Habilitation
from clsante.programme.models import FicheAction


def _actifs() -> QuerySet:
    return get_user_model().objects.filter(is_active=True)


def suiveurs_fiche(fiche: FicheAction) -> QuerySet:
    """Those who may record a fiche's follow-up (see `FicheAction.peut_suivre`).

    The contract's coordinatrices, and the porteur users whose organisation carries it.
    """
    rule = Q(
        habilitations__contrat_id=fiche.contrat_id,
        habilitations__role=Habilitation.Role.COORDINATRICE,
    )
    if fiche.porteur_id:
        rule |= Q(
            habilitations__contrat_id=fiche.contrat_id,
            habilitations__role=Habilitation.Role.PORTEUR,
            organisation_id=fiche.porteur_id,
        )
    return _actifs().filter(rule).distinct()


def personnes_du_contrat(contrat: Contrat) -> QuerySet:
    """Everyone with a role on the contract, and its ARS referent."""
    rule = Q(habilitations__contrat=contrat)
    if contrat.referent_ars_id:
        rule |= Q(pk=contrat.referent_ars_id)
    return _actifs().filter(rule).distinct()


def referents_ars(contrat: Contrat) -> QuerySet:
    """Those who validate programme changes: the region's ARS referents and the named one."""
    rule = Q(region_ars_id=contrat.region_id)
    if contrat.referent_ars_id:
        rule |= Q(pk=contrat.referent_ars_id)
    return _actifs().filter(rule).distinct()
