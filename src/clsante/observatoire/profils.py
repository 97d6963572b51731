"""Contract profiles like seed 001's Table 2: one column per contract."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum

from clsante.contrats.models import Contrat
from clsante.territoires.models import Commune

TRANCHES = (
    (10_000, "Moins de 10 000 habitants"),
    (30_000, "10 000 à 30 000 habitants"),
    (100_000, "30 000 à 100 000 habitants"),
    (None, "100 000 habitants et plus"),
)


@dataclass
class Profil:
    contrat: Contrat
    annee_signature: int | None
    duree_annees: float | None
    type_porteuse: str
    population: int
    tranche: str
    generation: int
    nature: str


def tranche(population: int) -> str:
    for plafond, libelle in TRANCHES:
        if plafond is None or population < plafond:
            return libelle
    return TRANCHES[-1][1]


def nature(pop: int, pop_rurale: int | None, pop_qpv: int | None) -> str:
    """Rural (≥ 50 % of people in rural communes), semi-rural (20–50 %), urban; + QPV."""
    if pop_rurale is None:
        base = "Non renseignée"
    elif pop and pop_rurale / pop >= 0.5:
        base = "Rurale"
    elif pop and pop_rurale / pop >= 0.2:
        base = "Semi-rurale"
    else:
        base = "Urbaine"
    if pop_qpv:
        base += ", avec quartiers prioritaires"
    return base


def profils(contrats: QuerySet[Contrat]) -> list[Profil]:
    rural = Q(communes__grille_densite__gte=Commune.GrilleDensite.BOURGS)
    rows = contrats.annotate(
        pop=Sum("communes__population"),
        pop_rurale=Sum("communes__population", filter=rural),
        avec_grille=Sum("communes__grille_densite"),
        pop_qpv=Sum("communes__population_qpv"),
    ).order_by("date_signature", "nom")
    out = []
    for c in rows:
        pop = c.pop or 0
        pop_rurale = (c.pop_rurale or 0) if c.avec_grille is not None else None
        out.append(
            Profil(
                contrat=c,
                annee_signature=c.date_signature.year if c.date_signature else None,
                duree_annees=c.duree_annees,
                type_porteuse=c.get_type_porteuse_display(),
                population=pop,
                tranche=tranche(pop),
                generation=c.generation,
                nature=nature(pop, pop_rurale, c.pop_qpv),
            )
        )
    return out
