"""A small map of a contract's department(s) and their neighbours, from the shipped outlines.

The @svg-maps outlines are paths of relative moves only (``m x,y dx,dy … z``), so a
department's bounding box is read by walking its points. The map is framed on the
contract's departments with a margin, draws every department that shows in that frame, and
highlights the contract's. The markup depends only on the department codes: it is cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.core.cache import cache as cache_django
from django.template.loader import render_to_string

from clsante.observatoire.carte import fond_departements

MARGE = 0.35  # share of the frame added on each side, so that neighbours show
COTE_MIN = 60.0  # smallest frame side (map units), so a small department is not blown up


@dataclass(frozen=True)
class Cadre:
    x0: float
    y0: float
    x1: float
    y1: float

    def croise(self, autre: Cadre) -> bool:
        return not (
            autre.x1 < self.x0 or autre.x0 > self.x1 or autre.y1 < self.y0 or autre.y0 > self.y1
        )

    def union(self, autre: Cadre) -> Cadre:
        return Cadre(
            min(self.x0, autre.x0),
            min(self.y0, autre.y0),
            max(self.x1, autre.x1),
            max(self.y1, autre.y1),
        )

    def elargi(self) -> Cadre:
        largeur = max(self.x1 - self.x0, COTE_MIN)
        hauteur = max(self.y1 - self.y0, COTE_MIN)
        cx, cy = (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2
        dx, dy = largeur * (0.5 + MARGE), hauteur * (0.5 + MARGE)
        return Cadre(cx - dx, cy - dy, cx + dx, cy + dy)

    @property
    def view_box(self) -> str:
        return f"{self.x0:.1f} {self.y0:.1f} {self.x1 - self.x0:.1f} {self.y1 - self.y0:.1f}"


def cadre_du_trace(trace: str) -> Cadre:
    """Bounding box of a path made of relative ``m`` commands (implicit lines) and ``z``."""
    points: list[tuple[float, float]] = []
    x = y = 0.0
    depart = (0.0, 0.0)
    attend_depart = False
    nombres = iter(trace.replace(",", " ").split())
    for jeton in nombres:
        if jeton in "mM":
            attend_depart = True
            continue
        if jeton in "zZ":
            x, y = depart
            continue
        x, y = x + float(jeton), y + float(next(nombres))
        if attend_depart:
            depart, attend_depart = (x, y), False
        points.append((x, y))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Cadre(min(xs), min(ys), max(xs), max(ys))


@cache
def cadres() -> dict[str, Cadre]:
    return {zone.code: cadre_du_trace(zone.path) for zone in fond_departements().zones}


def carte_departements(codes: list[str]) -> str:
    """The map's markup (cached), or "" when no department has an outline (overseas)."""
    codes = sorted(c for c in codes if c in cadres())
    if not codes:
        return ""
    cle = "carte-territoire:" + ",".join(codes)
    html = cache_django.get(cle)
    if html is None:
        html = _dessiner(codes)
        cache_django.set(cle, html, timeout=None)
    return html


def _dessiner(codes: list[str]) -> str:
    tous = cadres()
    cadre = tous[codes[0]]
    for code in codes[1:]:
        cadre = cadre.union(tous[code])
    cadre = cadre.elargi()
    zones = [
        {"zone": zone, "du_contrat": zone.code in codes}
        for zone in fond_departements().zones
        if cadre.croise(tous[zone.code])
    ]
    noms = [z["zone"].nom for z in zones if z["du_contrat"]]
    return render_to_string(
        "observatoire/_carte_territoire.html",
        {"view_box": cadre.view_box, "zones": zones, "noms": noms},
    )
