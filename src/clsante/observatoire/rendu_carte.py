"""The coverage map: each department (or region) coloured by its covered population."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet

from clsante.contrats.models import Contrat
from clsante.observatoire.carte import CLASSES, classe, fond_departements
from clsante.observatoire.couverture import couverture
from clsante.observatoire.perimetre import Perimetre


@dataclass(frozen=True)
class ZoneColoree:
    code: str
    nom: str
    path: str
    couleur: str
    legende: str
    dans_perimetre: bool


@dataclass(frozen=True)
class Carte:
    view_box: str
    zones: list[ZoneColoree]
    legende: list[tuple[str, str]]


def carte_couverture(
    contrats: QuerySet[Contrat], perimetre: Perimetre, date: datetime.date
) -> Carte:
    """Departments of metropolitan France coloured by share of population covered."""
    fond = fond_departements()
    parts = _parts_par_departement(contrats, date)
    codes_perimetre = _codes_departements(perimetre)
    zones = []
    for zone in fond.zones:
        legende, couleur = classe(parts.get(zone.code))
        zones.append(
            ZoneColoree(
                zone.code,
                zone.nom,
                zone.path,
                couleur,
                legende,
                codes_perimetre is None or zone.code in codes_perimetre,
            )
        )
    return Carte(fond.view_box, zones, [(lib, col) for _, lib, col in CLASSES])


def _parts_par_departement(contrats: QuerySet[Contrat], date: datetime.date) -> dict:
    """National coverage by department, cached while no contract changes."""
    etat = Contrat.objects.aggregate(n=Count("pk"), m=Max("modifie_le"))
    cle = (
        "carte:"
        + hashlib.sha1(
            f"{date}|{etat}|{contrats.query}".encode(), usedforsecurity=False
        ).hexdigest()
    )
    parts = cache.get(cle)
    if parts is None:
        lignes, _, _ = couverture(contrats, Perimetre(), date, par="departement")
        parts = {ligne.code: ligne.part_population for ligne in lignes}
        cache.set(cle, parts, timeout=3600)
    return parts


def _codes_departements(perimetre: Perimetre) -> set[str] | None:
    if perimetre.departement:
        return {perimetre.departement.code}
    if perimetre.region:
        return set(perimetre.region.departements.values_list("code", flat=True))
    return None
