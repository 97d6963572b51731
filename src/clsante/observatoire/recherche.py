"""French full-text search for the public catalogue, the same on SQLite and PostgreSQL.

Texts are reduced to their Snowball French stems, without accents, and stored as a
space-delimited string (`IndexAction.racines`); a query matches every stem it names.
On PostgreSQL a trigram index makes these lookups fast (migration 0002).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

from clsante.core.texte import sans_accents

_MOTS_VIDES = (
    "a au aux avec ce ces dans de des du en et est il ils la le les leur leurs ou par pas "
    "pour plus qu que qui sa se ses son sont sur un une d l j n s t y ne nous vous elle elles "
    "on cette cet été être tout tous toute toutes afin ainsi entre sous lors"
)
MOTS_VIDES = frozenset(_MOTS_VIDES.split())
LONGUEUR_MAX_REQUETE = 200


@cache
def _stemmer():
    return snowballstemmer.stemmer("french")


def mots(text: str) -> list[str]:
    return [m for m in re.findall(r"[a-zà-ÿœæ0-9]+", text.lower()) if m not in MOTS_VIDES]


@lru_cache(maxsize=200_000)
def racine(mot: str) -> str:
    """One word's stem without accents (cached: a corpus reuses a small vocabulary)."""
    return sans_accents(_stemmer().stemWord(mot))


def racines(text: str) -> list[str]:
    """Stems of the meaningful words, in order, accents removed."""
    return [r for r in map(racine, mots(text)) if len(r) > 1]


def racines_indexees(text: str) -> str:
    """The indexed form: unique stems between spaces (so that ' stem ' matches whole)."""
    return " " + " ".join(dict.fromkeys(racines(text))) + " "


def racines_requete(query: str) -> list[str]:
    return list(dict.fromkeys(racines(query[:LONGUEUR_MAX_REQUETE])))[:12]
