"""Reading JSONL fiches and examples, and checking labels against the grid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clsante.grille.referentiel import MULTI_AXES, grille

DOSSIER_EXEMPLES = Path(__file__).parent / "exemples"


@dataclass(frozen=True)
class Ligne:
    """One line of a JSONL file: its number, and either an object or an error message."""

    numero: int
    objet: dict | None
    erreur: str | None = None


def lire_jsonl(chemin: Path | str) -> Iterator[Ligne]:
    """Every non-blank line of a JSONL file; malformed lines come back with an error."""
    with open(chemin, encoding="utf-8") as f:
        for numero, brut in enumerate(f, 1):
            brut = brut.strip()
            if not brut:
                continue
            try:
                obj = json.loads(brut)
            except json.JSONDecodeError as exc:
                yield Ligne(numero, None, f"JSON invalide ({exc.msg}, colonne {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield Ligne(numero, None, "un objet JSON est attendu")
            elif obj.get("id") in (None, ""):
                yield Ligne(numero, None, "la clé « id » est absente")
            elif obj.get("texte") is not None and not isinstance(obj["texte"], str):
                yield Ligne(numero, None, "« texte » doit être une chaîne")
            else:
                yield Ligne(numero, obj)


def codes_inconnus(labels: dict) -> list[tuple[str, str]]:
    """(axis, code) pairs of ``labels`` that are not codes of the grid."""
    g = grille()
    out = []
    for axe in MULTI_AXES:
        for code in labels.get(axe) or []:
            if not g.existe(axe, code):
                out.append((axe, code))
    approche = labels.get("approche")
    if approche is not None and not g.existe("approche", approche):
        out.append(("approche", approche))
    return out


def valider_exemples(exemples: list[dict]) -> None:
    """Raise ValueError (in French) when a training example is unusable."""
    for n, ex in enumerate(exemples, 1):
        if not isinstance(ex.get("labels"), dict):
            raise ValueError(f"Exemple {n} : la clé « labels » est absente.")
        if not (ex.get("texte") or "").strip():
            raise ValueError(f"Exemple {n} : le texte est vide.")
        inconnus = codes_inconnus(ex["labels"])
        if inconnus:
            axe, code = inconnus[0]
            raise ValueError(f"Exemple {n} : code inconnu « {code} » sur l'axe {axe}.")


@cache
def _exemples_livres() -> tuple[dict, ...]:
    out = []
    for chemin in sorted(DOSSIER_EXEMPLES.glob("*.jsonl")):
        for ligne in lire_jsonl(chemin):
            if ligne.erreur:
                raise ValueError(f"{chemin.name}, ligne {ligne.numero} : {ligne.erreur}")
            out.append(ligne.objet)
    valider_exemples(out)
    return tuple(out)


def exemples_livres() -> list[dict]:
    """The training examples shipped with the coder (written for it, in French)."""
    return [dict(ex) for ex in _exemples_livres()]
