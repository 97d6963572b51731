"""Population and communes covered by an active contract (ARS objectives, seed 002)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Sum

from clsante.contrats.models import Contrat
from clsante.observatoire.perimetre import Perimetre
from clsante.territoires.models import EPCI, Commune

# Communes in the top fifth of the deprivation index count as "most deprived".
QUINTILE_DEFAVORISE = 0.8


@dataclass
class LigneCouverture:
    code: str
    nom: str
    communes: int
    communes_couvertes: int
    population: int
    population_couverte: int
    population_rurale: int | None = None
    population_rurale_couverte: int | None = None
    population_qpv: int | None = None
    population_qpv_couverte: int | None = None
    population_defavorisee: int | None = None
    population_defavorisee_couverte: int | None = None

    @property
    def part_population(self) -> float | None:
        return _part(self.population_couverte, self.population)

    @property
    def part_communes(self) -> float | None:
        return _part(self.communes_couvertes, self.communes)

    @property
    def communes_non_couvertes(self) -> int:
        return self.communes - self.communes_couvertes

    @property
    def part_rurale(self) -> float | None:
        return _part(self.population_rurale_couverte, self.population_rurale)

    @property
    def part_qpv(self) -> float | None:
        return _part(self.population_qpv_couverte, self.population_qpv)

    @property
    def part_defavorisee(self) -> float | None:
        return _part(self.population_defavorisee_couverte, self.population_defavorisee)


def _part(num: int | None, den: int | None) -> float | None:
    if num is None or not den:
        return None
    return num / den


@dataclass(frozen=True)
class Attributs:
    """Which optional commune attributes are loaded."""

    rural: bool
    qpv: bool
    defavorisation: bool
    seuil_defavorisation: float | None


def attributs_charges(communes: QuerySet[Commune]) -> Attributs:
    indices = sorted(
        Commune.objects.exclude(indice_defavorisation=None).values_list(
            "indice_defavorisation", flat=True
        )
    )
    seuil = indices[int(len(indices) * QUINTILE_DEFAVORISE)] if indices else None
    return Attributs(
        rural=communes.exclude(grille_densite=None).exists(),
        qpv=communes.exclude(population_qpv=None).exists(),
        defavorisation=seuil is not None,
        seuil_defavorisation=seuil,
    )


def couverture(
    contrats: QuerySet[Contrat], perimetre: Perimetre, date: datetime.date, par: str = ""
) -> tuple[list[LigneCouverture], LigneCouverture, Attributs]:
    """One row per region (country) or department (region, or ``par="departement"``)."""
    communes = perimetre.communes()
    couvertes = Commune.objects.filter(contrats__in=contrats.actifs_au(date)).values("pk")
    attributs = attributs_charges(communes)
    group = par or perimetre.niveau_detail
    rows = (
        communes.values(zone_code=F(f"{group}__code"), zone_nom=F(f"{group}__nom"))
        .annotate(**_aggregats(couvertes, attributs))
        .order_by("zone_code")
    )
    lignes = [_ligne(row, attributs) for row in rows]
    total = _ligne(communes.aggregate(**_aggregats(couvertes, attributs)), attributs)
    total.code, total.nom = "", perimetre.libelle
    return lignes, total, attributs


def _aggregats(couvertes, attributs: Attributs) -> dict:
    covered = Q(pk__in=couvertes)
    aggs = {
        "n": Count("pk"),
        "n_cov": Count("pk", filter=covered),
        "pop": Sum("population"),
        "pop_cov": Sum("population", filter=covered),
    }
    if attributs.rural:
        rural = Q(grille_densite__gte=Commune.GrilleDensite.BOURGS)
        aggs |= {
            "rur": Sum("population", filter=rural),
            "rur_cov": Sum("population", filter=rural & covered),
        }
    if attributs.qpv:
        aggs |= {"qpv": Sum("population_qpv"), "qpv_cov": Sum("population_qpv", filter=covered)}
    if attributs.defavorisation:
        defav = Q(indice_defavorisation__gte=attributs.seuil_defavorisation)
        aggs |= {
            "dfv": Sum("population", filter=defav),
            "dfv_cov": Sum("population", filter=defav & covered),
        }
    return aggs


def _ligne(row: dict, attributs: Attributs) -> LigneCouverture:
    ligne = LigneCouverture(
        code=row.get("zone_code", ""),
        nom=row.get("zone_nom", ""),
        communes=row["n"] or 0,
        communes_couvertes=row["n_cov"] or 0,
        population=row["pop"] or 0,
        population_couverte=row["pop_cov"] or 0,
    )
    if attributs.rural:
        ligne.population_rurale, ligne.population_rurale_couverte = (
            row["rur"] or 0,
            row["rur_cov"] or 0,
        )
    if attributs.qpv:
        ligne.population_qpv, ligne.population_qpv_couverte = row["qpv"] or 0, row["qpv_cov"] or 0
    if attributs.defavorisation:
        ligne.population_defavorisee = row["dfv"] or 0
        ligne.population_defavorisee_couverte = row["dfv_cov"] or 0
    return ligne


@dataclass
class TerritoireNonCouvert:
    epci: EPCI
    population: int
    indice_moyen: float | None
    part_rurale: float | None


def territoires_non_couverts(
    contrats: QuerySet[Contrat], perimetre: Perimetre, date: datetime.date
) -> list[TerritoireNonCouvert]:
    """EPCI with no commune under an active contract, all of them, neediest first.

    Need is read from the population-weighted deprivation index when loaded, then the
    share of rural population, then the population (more people left without a contract).
    """
    couvertes = Commune.objects.filter(contrats__in=contrats.actifs_au(date)).values("pk")
    epcis = (
        EPCI.objects.filter(communes__in=perimetre.communes())
        .exclude(communes__in=couvertes)
        .annotate(
            pop=Sum("communes__population"),
            pond=Sum(F("communes__population") * F("communes__indice_defavorisation")),
            pop_indice=Sum("communes__population", filter=~Q(communes__indice_defavorisation=None)),
            rur=Sum(
                "communes__population",
                filter=Q(communes__grille_densite__gte=Commune.GrilleDensite.BOURGS),
            ),
            avec_grille=Count("communes", filter=~Q(communes__grille_densite=None)),
        )
        .distinct()
    )
    out = [
        TerritoireNonCouvert(
            epci=e,
            population=e.pop or 0,
            indice_moyen=(e.pond / e.pop_indice) if e.pond is not None and e.pop_indice else None,
            part_rurale=((e.rur or 0) / e.pop) if e.avec_grille and e.pop else None,
        )
        for e in epcis
    ]
    out.sort(key=lambda t: (-(t.indice_moyen or -1e9), -(t.part_rurale or 0), -t.population))
    return out
