"""Search, facets and similar actions of the public catalogue."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Concat

from clsante.grille.referentiel import grille
from clsante.observatoire.models import IndexAction
from clsante.observatoire.recherche import racines_requete
from clsante.observatoire.versions import cle, en_cache, version_index

# Facets read from space-delimited code fields; value → label is resolved by the view.
FACETTES_CODES = ("thematiques", "determinants", "strategies", "publics")
FACETTES_SIMPLES = ("type_porteur", "region", "departement", "statut", "generation")
FACETTES = FACETTES_CODES + FACETTES_SIMPLES
CHAMPS_SIMPLES = ("type_porteur", "region__code", "departement__code", "statut", "generation")
TAILLE_MAX_VALEUR = 60
# Up to this many matching actions, facets are counted from their rows (see `compter`).
LIGNES_COMPTEES_ICI = 5000
# The order of a search's results: by title, then id. An expression, so that PostgreSQL
# sorts the few matching rows instead of walking the title index (see `rechercher`).
ORDRE_RECHERCHE = (Concat("titre_tri", Value("")), "pk")


@dataclass
class Resultat:
    actions: QuerySet[IndexAction]
    comptes: dict[str, Counter]
    racines: list[str]
    total: int
    # The matching ids in title order when the counts read them (a search): a page's rows
    # are then fetched by id instead of matching the words again (PostgreSQL chose a
    # parallel scan of the whole index for that, 15 to 30 ms).
    ids: list[int] | None = None


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
    if stems:
        total, comptes, ids = _compter_lignes(actions, ordre=ORDRE_RECHERCHE)
        return Resultat(actions, comptes, stems, total, ids)
    else:
        # Browsing without words (the landing page, facet choices): few distinct requests,
        # the heaviest counts (every action), worth keeping. Free-text searches are not
        # cached: there are too many of them to keep, and they match fewer rows.
        cle_cache = cle("facettes", version_index(), sorted(filtres.items()))
        total, comptes = en_cache(cle_cache, lambda: compter(actions))
    return Resultat(actions, comptes, stems, total)


def _codes_possibles(facette: str) -> list[str]:
    """The grid codes a facet can hold (top-level only for determinants and strategies)."""
    codes = list(grille().axe(facette))
    if facette in ("determinants", "strategies"):
        return [c for c in codes if "." not in c]
    return codes


def compter(actions: QuerySet[IndexAction]) -> tuple[int, dict[str, Counter]]:
    """The number of actions and each facet value's count.

    A search usually matches a few hundred actions: reading their facet fields and counting
    here is several times faster than asking the database for a hundred conditional counts.
    Past `LIGNES_COMPTEES_ICI` rows (browsing everything), the database counts.
    """
    total, comptes, _ = _compter_lignes(actions)
    return total, comptes


def _compter_lignes(actions, ordre=()) -> tuple[int, dict[str, Counter], list[int] | None]:
    """`compter`, plus the matching ids in ``ordre`` when it read the rows (else None)."""
    champs = (*FACETTES_CODES, *CHAMPS_SIMPLES, "pk")
    lignes = list(actions.order_by(*ordre).values_list(*champs)[: LIGNES_COMPTEES_ICI + 1])
    if len(lignes) > LIGNES_COMPTEES_ICI:
        return (*compter_en_sql(actions), None)
    ids = [ligne[-1] for ligne in lignes]
    lignes = [ligne[:-1] for ligne in lignes]
    comptes = {f: Counter() for f in FACETTES}
    for i, facette in enumerate(FACETTES_CODES):
        tous = Counter(" ".join(ligne[i] for ligne in lignes).split())
        comptes[facette] = Counter({c: tous[c] for c in _codes_possibles(facette) if tous[c]})
    groupes = Counter(ligne[len(FACETTES_CODES) :] for ligne in lignes)
    for valeurs, n in groupes.items():
        for facette, valeur in zip(FACETTES_SIMPLES, valeurs, strict=True):
            if valeur not in ("", None):
                comptes[facette][str(valeur)] += n
    return len(lignes), comptes, ids


def compter_en_sql(actions: QuerySet[IndexAction]) -> tuple[int, dict[str, Counter]]:
    """The same counts, computed by the database.

    Code facets are counted with one conditional count per grid code, all in one query;
    the simple facets with one GROUP BY over their combinations (a few hundred groups, not
    one row per action), summed here.
    """
    aggregats, codes = {"total": Count("pk")}, {}
    for facette in FACETTES_CODES:
        for i, code in enumerate(_codes_possibles(facette)):
            alias = f"{facette}_{i}"
            codes[alias] = (facette, code)
            filtre = Q(**{f"{facette}__contains": f" {code} "})
            aggregats[alias] = Count("pk", filter=filtre)
    ligne = actions.aggregate(**aggregats)
    comptes = {f: Counter() for f in FACETTES}
    for alias, (facette, code) in codes.items():
        if ligne[alias]:
            comptes[facette][code] = ligne[alias]
    groupes = actions.order_by().values_list(*CHAMPS_SIMPLES).annotate(n=Count("pk"))
    for *valeurs, n in groupes:
        for facette, valeur in zip(FACETTES_SIMPLES, valeurs, strict=True):
            if valeur not in ("", None):
                comptes[facette][str(valeur)] += n
    return ligne["total"], comptes


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
