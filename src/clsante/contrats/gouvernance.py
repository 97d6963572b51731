"""Reading a contract's governance: its instances, their members and meetings.

Instances, meetings and members are always fetched through their contract, so an id
belonging to another contract is a 404.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from clsante.contrats.models import Contrat, Decision, Instance, MembreInstance, Reunion
from clsante.organisations.models import Organisation


def membres_ordonnes() -> QuerySet[MembreInstance]:
    """Organisations first (by name), then inhabitants' representatives."""
    return MembreInstance.objects.select_related("organisation").order_by(
        "habitant", "organisation__nom", "personne", "pk"
    )


def instances_du_contrat(contrat: Contrat) -> QuerySet[Instance]:
    return contrat.instances.order_by("type", "nom").prefetch_related(
        Prefetch("membres", queryset=membres_ordonnes()),
        Prefetch("reunions", queryset=Reunion.objects.order_by("date", "pk")),
    )


def instance_du_contrat(contrat: Contrat, instance_pk: int) -> Instance:
    return get_object_or_404(contrat.instances, pk=instance_pk)


def reunion_du_contrat(contrat: Contrat, reunion_pk: int) -> Reunion:
    return get_object_or_404(
        Reunion.objects.filter(instance__contrat=contrat).select_related("instance"),
        pk=reunion_pk,
    )


def membre_de_l_instance(instance: Instance, membre_pk: int) -> MembreInstance:
    return get_object_or_404(instance.membres, pk=membre_pk)


def separer_reunions(
    reunions: list[Reunion], aujourd_hui: datetime.date
) -> tuple[list[Reunion], list[Reunion]]:
    """(coming meetings, soonest first; past meetings, latest first)."""
    a_venir = [r for r in reunions if r.date >= aujourd_hui]
    passees = [r for r in reunions if r.date < aujourd_hui]
    return sorted(a_venir, key=lambda r: r.date), sorted(
        passees, key=lambda r: r.date, reverse=True
    )


def organisations_membres(instance: Instance) -> QuerySet[Organisation]:
    return Organisation.objects.filter(membreinstance__instance=instance).distinct().order_by("nom")


@dataclass
class Presence:
    """Who came to a meeting, measured against the instance's member organisations."""

    membres_presents: list[Organisation]
    membres_absents: list[Organisation]
    autres_organisations: list[Organisation]


def presence(reunion: Reunion) -> Presence:
    membres = list(organisations_membres(reunion.instance))
    presents = list(reunion.presents.order_by("nom"))
    ids_presents = {o.pk for o in presents}
    ids_membres = {o.pk for o in membres}
    return Presence(
        membres_presents=[o for o in membres if o.pk in ids_presents],
        membres_absents=[o for o in membres if o.pk not in ids_presents],
        autres_organisations=[o for o in presents if o.pk not in ids_membres],
    )


def decisions_de(reunion: Reunion) -> QuerySet[Decision]:
    return reunion.decisions.order_by("pk").prefetch_related("fiches")
