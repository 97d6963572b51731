"""French wording shared by pages, messages and documents."""

from __future__ import annotations

import unicodedata


def pluriel(n: int, singulier: str, pluriel: str | None = None) -> str:
    """A count and its words, agreed: « 1 porteur », « 3 porteurs », « 0 fiche créée ».

    French keeps the singular for 0 and 1. The plural is the singular plus « s » unless
    given (« fiches créées ») or the word already ends in s, x or z (« en cours »).
    """
    if pluriel is None:
        pluriel = singulier if singulier.endswith(("s", "x", "z")) else f"{singulier}s"
    return f"{n} {singulier if abs(n) < 2 else pluriel}"


def sans_accents(texte: str) -> str:
    """« Équipe » → « Equipe »: accents dropped, every other character kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c))


def cle_de_tri(texte: str) -> str:
    """The key that sorts French text as a reader expects: « Évaluer » before « Former »,
    « atelier » beside « Atelier » (accents and case ignored)."""
    return sans_accents(texte).casefold()


def libelle_generation(n: int) -> str:
    """« 1re génération », « 2e génération »: the French ordinal."""
    return f"{n}{'re' if n == 1 else 'e'} génération"
