"""The ISTS reading grid (seed 004, annexe 3) as read-only reference data.

Pure Python, no Django: the automatic coder and the models both rely on it.
A code is the dotted path of slugs from the root of its axis
(``modes_vie.comportements.tabac``); a code implies its ancestors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

GRILLE_PATH = Path(__file__).parent / "data" / "grille-ists.yaml"

AXES = ("determinants", "strategies", "approche", "thematiques", "publics")
MULTI_AXES = ("determinants", "strategies", "thematiques", "publics")

AXE_LIBELLES = {
    "determinants": "Déterminants de santé (sur quoi veut-on agir ?)",
    "strategies": "Stratégies d'intervention (comment agit-on ?)",
    "approche": "Type d'approche",
    "thematiques": "Thématiques de santé",
    "publics": "Publics cibles",
}


@dataclass(frozen=True)
class Code:
    axe: str
    code: str
    libelle: str
    parent: str | None
    enfants: tuple[str, ...] = field(default=())

    @property
    def profondeur(self) -> int:
        return self.code.count(".") + 1

    @property
    def racine(self) -> str:
        return self.code.split(".")[0]


@dataclass(frozen=True)
class Grille:
    version: int
    codes: dict[str, dict[str, Code]]

    def axe(self, axe: str) -> dict[str, Code]:
        return self.codes[axe]

    def existe(self, axe: str, code: str) -> bool:
        return code in self.codes.get(axe, {})

    def libelle(self, axe: str, code: str) -> str:
        return self.codes[axe][code].libelle

    def racines(self, axe: str) -> list[Code]:
        return [c for c in self.codes[axe].values() if c.parent is None]

    def choix(self, axe: str) -> list[tuple[str, str]]:
        """(code, indented label) pairs in grid order, for form widgets."""
        return [
            (c.code, "\u2003" * (c.profondeur - 1) + c.libelle) for c in self.codes[axe].values()
        ]

    def inconnus(self, axe: str, codes: list[str] | set[str]) -> list[str]:
        return [c for c in codes if c not in self.codes.get(axe, {})]


def ancetres(code: str) -> list[str]:
    """``a.b.c`` → ``['a', 'a.b', 'a.b.c']``."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def fermeture(codes: list[str] | set[str]) -> set[str]:
    """Close a set of codes upward: every code brings its ancestors."""
    return {a for c in codes for a in ancetres(c)}


def _walk(axe: str, nodes: list[dict], parent: str | None, out: dict[str, Code]) -> None:
    for node in nodes:
        code = f"{parent}.{node['code']}" if parent else node["code"]
        children = node.get("children") or []
        enfants = tuple(f"{code}.{child['code']}" for child in children)
        out[code] = Code(axe, code, _libelle(node), parent, enfants)
        _walk(axe, children, code, out)


def _libelle(node: dict) -> str:
    """The label, mended where an unquoted comma split a YAML flow mapping.

    ``{code: x, label: Loisirs, sport, culture}`` parses as label "Loisirs" plus null
    keys "sport" and "culture"; those keys are the rest of the label, in order.
    """
    rest = [str(k) for k, v in node.items() if k not in ("code", "label", "children") and v is None]
    return ", ".join([str(node["label"]), *rest])


def charger_grille(path: Path = GRILLE_PATH) -> Grille:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    codes: dict[str, dict[str, Code]] = {}
    for axe in AXES:
        codes[axe] = {}
        _walk(axe, data[axe], None, codes[axe])
    return Grille(version=int(data["version"]), codes=codes)


@cache
def grille() -> Grille:
    return charger_grille()
