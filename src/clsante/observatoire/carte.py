"""An offline map of France: outlines from the @svg-maps npm packages, drawn as inline SVG."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

# Classes of the share of population covered, lightest to darkest.
CLASSES = (
    (0.0, "Aucune couverture", "#f6f6f6"),
    (0.0, "Moins de 25 %", "#cacafb"),
    (0.25, "25 à 50 %", "#8585f6"),
    (0.50, "50 à 75 %", "#4f4fc4"),
    (0.75, "75 % et plus", "#1f1f82"),
)


class CarteIndisponible(Exception):
    pass


@dataclass(frozen=True)
class Zone:
    code: str
    nom: str
    path: str


@dataclass(frozen=True)
class Fond:
    view_box: str
    zones: tuple[Zone, ...]


def _lire(package: str) -> dict:
    path = Path(settings.SVG_MAPS_DIR) / package / "index.js"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError as exc:
        raise CarteIndisponible(
            f"Fond de carte absent ({path}) : lancez « make install » pour l'installer."
        ) from exc
    return json.loads(text.removeprefix("export default").strip().rstrip(";"))


@cache
def fond_departements() -> Fond:
    data = _lire("france.departments")
    zones = tuple(Zone(loc["id"].upper(), loc["name"], loc["path"]) for loc in data["locations"])
    return Fond(data["viewBox"], zones)


def classe(part: float | None) -> tuple[str, str]:
    """(label, colour) of a coverage share."""
    if not part or part <= 0:
        return CLASSES[0][1], CLASSES[0][2]
    label, colour = CLASSES[1][1], CLASSES[1][2]
    for seuil, lib, col in CLASSES[2:]:
        if part >= seuil:
            label, colour = lib, col
    return label, colour
