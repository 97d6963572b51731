"""Search, facets and similar actions of the public catalogue."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from clsante.observatoire.models import IndexAction
from clsante.observatoire.recherche import racines_requete

# Facets read from space-delimited code fields; value → label is resolved by the view.
FACETTES_CODES = ("thematiques", "determinants", "strategies", "publics")
FACETTES_SIMPLES = ("type_porteur", "region", "departement", "statut", "generation")
FACETTES = FACETTES_CODES + FACETTES_SIMPLES
TAILLE_MAX_VALEUR = 60


@dataclass
class Resultat:
    actions: QuerySet[IndexAction]
    comptes: dict[str, Counter]
    racines: list[str]


def rechercher(texte: str, filtres: dict[str, str]) -> Resultat:
    """Actions matching every stem of the text and every chosen facet value."""
    actions = IndexAction.objects.all()
    stems = racines_requete(texte or "")
    for stem in stems:
        actions = actions.filter(racines__contains=" " + stem)
    for facette, valeur in filtres.items():
        if not valeur or facette not in FACETTES:
            continue
        valeur = str(valeur)[:TAILLE_MAX_VALEUR]
        if facette in FACETTES_CODES:
            actions = actions.filter(**{f"{facette}__contains": f" {valeur} "})
        elif facette in ("region", "departement"):
            actions = actions.filter(**{f"{facette}__code": valeur})
        elif facette == "generation":
            actions = actions.filter(generation=int(valeur)) if valeur.isdigit() else actions.none()
        else:
            actions = actions.filter(**{facette: valeur})
    return Resultat(actions, compter(actions), stems)


def compter(actions: QuerySet[IndexAction]) -> dict[str, Counter]:
    comptes = {f: Counter() for f in FACETTES}
    rows = actions.values_list(
        *FACETTES_CODES,
        "type_porteur",
        "region__code",
        "departement__code",
        "statut",
        "generation",
    )
    for row in rows.iterator(chunk_size=5000):
        for facette, value in zip(FACETTES_CODES, row[:4], strict=True):
            comptes[facette].update(value.split())
        for facette, value in zip(FACETTES_SIMPLES, row[4:], strict=True):
            if value not in ("", None):
                comptes[facette][str(value)] += 1
    return comptes


def similaires(action: IndexAction, nombre: int = 5) -> list[IndexAction]:
    """Published actions closest in themes, determinants, strategies and words."""
    themes = action.thematiques.split()
    candidats = IndexAction.objects.exclude(pk=action.pk).select_related("contrat", "fiche")
    if themes:
        candidats = candidats.filter(thematiques__contains=f" {themes[0]} ")
    mots = set(action.racines.split())
    codes = set(action.determinants.split()) | set(action.strategies.split()) | set(themes)

    def score(autre: IndexAction) -> float:
        autres_mots = set(autre.racines.split())
        autres_codes = (
            set(autre.determinants.split())
            | set(autre.strategies.split())
            | set(autre.thematiques.split())
        )
        jaccard_mots = len(mots & autres_mots) / (len(mots | autres_mots) or 1)
        jaccard_codes = len(codes & autres_codes) / (len(codes | autres_codes) or 1)
        return jaccard_mots + 0.5 * jaccard_codes

    return sorted(candidats.order_by("-pk")[:400], key=score, reverse=True)[:nombre]
