"""Seed 004's tables for any set of fiches: Figure 1 (themes) and Figure 2
(determinants × types of intervention). Only validated codings are counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet

from clsante.grille.models import CodageISTS
from clsante.grille.referentiel import grille
from clsante.programme.models import FicheAction


@dataclass(frozen=True)
class LigneTheme:
    code: str
    libelle: str
    fiches: int
    part: float  # of the coded fiches; the total can exceed 100 %


@dataclass
class Figure1:
    lignes: list[LigneTheme]
    fiches_codees: int
    plus_d_un_theme: int

    @property
    def total_mentions(self) -> int:
        return sum(ligne.fiches for ligne in self.lignes)


@dataclass
class LigneStrategie:
    code: str
    libelle: str
    actions: int
    part: float  # of the determinant's actions
    sous_strategies: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class LigneDeterminant:
    code: str
    libelle: str
    actions: int
    part: float  # of all coded actions
    strategies: list[LigneStrategie]


@dataclass
class Figure2:
    lignes: list[LigneDeterminant]
    non_specifie: int
    actions_codees: int


def codages_valides(fiches: QuerySet[FicheAction]) -> list[CodageISTS]:
    return list(CodageISTS.objects.valides().filter(fiche__in=fiches))


def figure1(codages: list[CodageISTS]) -> Figure1:
    g = grille()
    n = len(codages)
    counts = Counter(c for codage in codages for c in set(codage.thematiques))
    lignes = [
        LigneTheme(code, theme.libelle, counts[code], counts[code] / n if n else 0.0)
        for code, theme in g.axe("thematiques").items()
    ]
    plusieurs = sum(1 for codage in codages if len(set(codage.thematiques)) > 1)
    return Figure1(lignes, n, plusieurs)


def _racines(codes: list[str]) -> set[str]:
    return {c.split(".")[0] for c in codes}


def _niveau2(codes: list[str], racine: str) -> set[str]:
    return {".".join(c.split(".")[:2]) for c in codes if c.startswith(racine + ".")}


def figure2(codages: list[CodageISTS]) -> Figure2:
    """For each top-level determinant: its actions, split by top-level strategy and,
    within each strategy, by sub-strategy (an action counts once per level)."""
    g = grille()
    n = len(codages)
    lignes = []
    for det in g.racines("determinants"):
        actions = [c for c in codages if det.code in _racines(c.determinants)]
        strategies = []
        for strat in g.racines("strategies"):
            avec = [c for c in actions if strat.code in _racines(c.strategies)]
            sous = Counter(s for c in avec for s in _niveau2(c.strategies, strat.code))
            strategies.append(
                LigneStrategie(
                    strat.code,
                    strat.libelle,
                    len(avec),
                    len(avec) / len(actions) if actions else 0.0,
                    [(code, g.libelle("strategies", code), sous[code]) for code in strat.enfants],
                )
            )
        lignes.append(
            LigneDeterminant(
                det.code, det.libelle, len(actions), len(actions) / n if n else 0.0, strategies
            )
        )
    non_specifie = sum(1 for c in codages if not c.determinants)
    return Figure2(lignes, non_specifie, n)
