"""The coverage map: each department (or region) coloured by its covered population."""

from __future__ import annotations

from dataclasses import dataclass

from clsante.observatoire.carte import CLASSES, classe, fond_departements
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


def carte_couverture(parts: dict[str, float | None], perimetre: Perimetre) -> Carte:
    """Departments of metropolitan France coloured by share of population covered.

    ``parts`` maps department codes to the covered share (`Resultats.parts_par_departement`).
    """
    fond = fond_departements()
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


def _codes_departements(perimetre: Perimetre) -> set[str] | None:
    if perimetre.departement:
        return {perimetre.departement.code}
    if perimetre.region:
        return set(perimetre.region.departements.values_list("code", flat=True))
    return None
