"""From per-code probabilities to a coding that respects each axis's structure.

- determinants, strategies: a tree; keep the roots whose score passes ``haut`` and is at
  least ``relatif`` times the best root's score, then go down while a child passes
  ``bas``; output the deepest kept codes (a code implies its ancestors). A node's score
  is the best probability in its subtree.
- thematiques: flat; the best theme, plus others passing ``haut`` (at most ``max``).
- publics: flat; every public passing ``haut``; ``population_generale`` if none. When the
  fiche states its publics, an unambiguous word of that field (« femmes », « seniors »,
  « QPV »…) adds its public unless the model all but rules it out.
- approche: exactly one, the most probable.
"""

from __future__ import annotations

from dataclasses import dataclass

from clsante.grille.coder.lexique import index
from clsante.grille.coder.texte import plier
from clsante.grille.referentiel import grille

AXES_ARBRE = ("determinants", "strategies")


@dataclass(frozen=True)
class Seuils:
    haut: float = 0.35
    bas: float = 0.35
    max: int = 3
    au_moins_un: bool = True
    relatif: float = 0.0


# Tuned by cross-validation on the shipped examples (not on a gold corpus).
SEUILS_DEFAUT: dict[str, Seuils] = {
    "determinants": Seuils(0.55, 0.4, 3, relatif=0.7),
    "strategies": Seuils(0.55, 0.4, 3, relatif=0.7),
    "thematiques": Seuils(0.45, 0.0, 2),
    "publics": Seuils(0.4, 0.0, 4, au_moins_un=False),
}


def scores_sous_arbre(axe: str, probas: dict[str, float]) -> dict[str, float]:
    """Best probability within each node's subtree."""
    codes = grille().axe(axe)
    out: dict[str, float] = {}

    def visit(code: str) -> float:
        s = max([probas.get(code, 0.0)] + [visit(e) for e in codes[code].enfants])
        out[code] = s
        return s

    for racine in grille().racines(axe):
        visit(racine.code)
    return out


def decoder_arbre(axe: str, probas: dict[str, float], seuils: Seuils) -> list[str]:
    codes = grille().axe(axe)
    scores = scores_sous_arbre(axe, probas)
    racines = sorted((r.code for r in grille().racines(axe)), key=lambda c: -scores[c])
    plancher = max(seuils.haut, seuils.relatif * scores[racines[0]]) if racines else 1.0
    choisies = [r for r in racines if scores[r] >= plancher][: seuils.max]
    if not choisies and seuils.au_moins_un and racines:
        choisies = racines[:1]
    feuilles: list[str] = []

    def descendre(code: str) -> None:
        enfants = [e for e in codes[code].enfants if scores[e] >= seuils.bas]
        enfants.sort(key=lambda e: -scores[e])
        if not enfants:
            feuilles.append(code)
            return
        for enfant in enfants[:2]:
            descendre(enfant)

    for racine in choisies:
        descendre(racine)
    return feuilles


# Publics whose words in a stated-publics field are unambiguous (checked on the examples:
# such a word there almost always means the public is coded), and the probability under
# which the model still overrules them.
PUBLICS_EXPLICITES = frozenset(
    {
        "aidants",
        "elus",
        "enfants",
        "femmes",
        "handicap",
        "jeunes",
        "migrants",
        "personnes_agees",
        "precaires",
        "professionnels_sante",
        "qpv",
    }
)
PROBA_MIN_EXPLICITE = 0.05


def publics_nommes(publics_texte: str | None) -> set[str]:
    """Publics whose lexicon matches the stated-publics field of a fiche."""
    if not publics_texte or not publics_texte.strip():
        return set()
    return {c for (a, c) in index().chercher(plier(publics_texte)) if a == "publics"}


def decoder_publics(
    probas: dict[str, float], seuils: Seuils, publics_texte: str | None
) -> list[str]:
    choisis = decoder_plat("publics", probas, seuils)
    nommes = publics_nommes(publics_texte)
    ajouts = [
        c
        for c in sorted(nommes & PUBLICS_EXPLICITES)
        if c not in choisis and probas.get(c, 0.0) >= PROBA_MIN_EXPLICITE
    ]
    if ajouts:
        choisis = [c for c in choisis if c != "population_generale" or c in nommes] + ajouts
    if "population generale" in plier(publics_texte or "") and "population_generale" not in choisis:
        choisis.append("population_generale")
    return choisis


def decoder_plat(axe: str, probas: dict[str, float], seuils: Seuils) -> list[str]:
    ordre = sorted(grille().axe(axe), key=lambda c: -probas.get(c, 0.0))
    choisis = [c for c in ordre if probas.get(c, 0.0) >= seuils.haut][: seuils.max]
    if axe == "publics":
        # A named public beats the default unless the text states both.
        if (
            len(choisis) > 1
            and "population_generale" in choisis
            and probas.get("population_generale", 0.0) < 0.6
        ):
            choisis.remove("population_generale")
        return choisis or ["population_generale"]
    if not choisis and seuils.au_moins_un and ordre:
        choisis = ordre[:1]
    if len(choisis) > 1 and "autres" in choisis:
        choisis.remove("autres")  # « autres » only when no theme fits
    return choisis


def decoder(
    axe: str, probas: dict[str, float], seuils: Seuils, publics_texte: str | None = None
) -> list[str]:
    """The codes of one axis; ``publics_texte`` is the fiche's stated-publics field."""
    if axe in AXES_ARBRE:
        return decoder_arbre(axe, probas, seuils)
    if axe == "publics":
        return decoder_publics(probas, seuils, publics_texte)
    return decoder_plat(axe, probas, seuils)
