"""French wording shared by pages, messages and documents."""

from __future__ import annotations

import datetime
import unicodedata


def pluriel(n: int, singulier: str, pluriel: str | None = None) -> str:
    """A count and its words, agreed: « 1 porteur », « 3 porteurs », « 0 fiche créée ».

    French keeps the singular for 0 and 1. The plural is the singular plus « s » unless
    given (« fiches créées ») or the word already ends in s, x or z (« en cours »).
    """
    if pluriel is None:
        pluriel = singulier if singulier.endswith(("s", "x", "z")) else f"{singulier}s"
    return f"{n} {pluriel if au_pluriel(n) else singulier}"


def sans_accents(texte: str) -> str:
    """« Équipe » → « Equipe »: accents dropped, every other character kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c))


MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def au_pluriel(n: float) -> bool:
    """French keeps the singular below 2: « 0 fiche », « 1,5 an », « 2 fiches »."""
    return abs(n) >= 2


def date_fr(date: datetime.date | None) -> str:
    """« 3 février 2026 », « 1er mars 2026 »; empty for no date."""
    if date is None:
        return ""
    jour = "1er" if date.day == 1 else str(date.day)
    return f"{jour} {MOIS[date.month - 1]} {date.year}"


def cle_de_tri(texte: str) -> str:
    """A sort key reading like a French index: « Centre » before « CPAM », « É » as « E »,
    « atelier » beside « Atelier » (accents and case ignored)."""
    return sans_accents(texte).casefold()


def libelle_generation(n: int) -> str:
    """« 1re génération », « 2e génération »: the French ordinal."""
    return f"{n}{'re' if n == 1 else 'e'} génération"
