"""Numbers shaped for CSS bar charts: widths as dot-decimal strings, never localised."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clsante.programme.models import FicheAction

# Fiche statuses in reading order; each has its own fill and pattern in clsante.css
# (.clsante-barre__segment--<statut>) so the chart reads in grayscale.
STATUTS_FICHE: list[tuple[str, str]] = list(FicheAction.Statut.choices)


def largeur(part: float | int, total: float | int) -> str:
    """A CSS percentage ("42.5") of ``part`` in ``total``; "0" when the total is nil."""
    if not total:
        return "0"
    return f"{max(0.0, min(100.0, 100 * float(part) / float(total))):.1f}"


@dataclass(frozen=True)
class Segment:
    cle: str
    libelle: str
    valeur: int
    largeur: str


def segments_statuts(comptes: dict[str, int]) -> list[Segment]:
    """Stacked-bar segments of fiches by status, empty statuses left out."""
    total = sum(comptes.values())
    return [
        Segment(cle, libelle, comptes[cle], largeur(comptes[cle], total))
        for cle, libelle in STATUTS_FICHE
        if comptes.get(cle)
    ]


def maximum(valeurs: Iterable[float | int]) -> float:
    """The largest value, at least 1, to scale a bar chart."""
    return max([float(v) for v in valeurs] + [1.0])
