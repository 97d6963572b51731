"""Text preparation for the coder: accent folding with offsets, tokens, light stemming.

Everything here is deterministic and pure Python, so that training and coding see
exactly the same features.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Fields of a fiche the coder reads, in the order they are joined. `labels` is never read.
CHAMPS_TEXTE = ("titre", "texte", "axe")
CHAMP_PUBLICS = "publics_texte"
CHAMPS_ACTEURS = ("porteur_texte", "partenaires_texte")

_LIGATURES = {"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae", "ß": "ss"}
_SEPARATEURS = set("'’`´-‐‑–—_/«»\"“”()[]{}.,;:!?…+*=|\\#&%§°")

STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cet",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "eux",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "c",
        "d",
        "j",
        "l",
        "m",
        "n",
        "s",
        "t",
        "y",
        "ete",
        "etre",
        "est",
        "sont",
        "ont",
        "a",
        "ainsi",
        "afin",
        "aussi",
        "bien",
        "chaque",
        "comme",
        "dont",
        "elles",
        "entre",
        "ici",
        "ils",
        "lors",
        "plus",
        "puis",
        "sans",
        "sous",
        "tout",
        "tous",
        "toute",
        "toutes",
        "tres",
        "deja",
        "autre",
        "autres",
        "cela",
        "celui",
        "celle",
        "ceux",
        "ceci",
        "si",
        "fait",
        "faire",
        "peut",
        "peuvent",
        "doit",
        "etc",
        "via",
        "apres",
        "avant",
        "depuis",
        "pendant",
        "selon",
        "ans",
        "annee",
        "annees",
        "cls",
        "contrat",
        "local",
        "sante",
        "action",
        "actions",
        "fiche",
        "fiches",
        "prevu",
        "prevoit",
    ]
)

_SUFFIXES = (
    "issements",
    "issement",
    "ations",
    "ation",
    "atrices",
    "ateurs",
    "atrice",
    "ateur",
    "ements",
    "ement",
    "iques",
    "ique",
    "ismes",
    "isme",
    "istes",
    "iste",
    "euses",
    "euse",
    "eurs",
    "eur",
    "ives",
    "ive",
    "ifs",
    "if",
    "ites",
    "ite",
    "ences",
    "ence",
    "ances",
    "ance",
    "elles",
    "elle",
    "aux",
    "al",
    "ees",
    "ee",
    "er",
    "es",
    "e",
    "s",
    "x",
)

_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class TexteNormalise:
    """Accent-folded lowercase text, with the index in the original of each character."""

    original: str
    normal: str
    origines: tuple[int, ...]

    def extrait(self, debut: int, fin: int) -> str:
        """Original text behind the normalized span [debut, fin)."""
        if debut >= fin or not self.origines:
            return ""
        a = self.origines[debut]
        b = self.origines[min(fin, len(self.origines)) - 1] + 1
        return self.original[a:b]


def normaliser(texte: str) -> TexteNormalise:
    """Lowercase, fold accents and ligatures, turn punctuation into spaces, keep offsets."""
    chars: list[str] = []
    origines: list[int] = []
    for i, ch in enumerate(texte or ""):
        if ch in _LIGATURES:
            rep = _LIGATURES[ch]
        elif ch in _SEPARATEURS or ch.isspace():
            rep = " "
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            rep = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
            if not rep.isalnum():
                rep = " "
        for c in rep:
            chars.append(c)
            origines.append(i)
    return TexteNormalise(texte or "", "".join(chars), tuple(origines))


_TABLE = str.maketrans({**_LIGATURES, **dict.fromkeys(_SEPARATEURS, " ")})
_DIACRITIQUES = re.compile(r"[\u0300-\u036f]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def plier(texte: str) -> str:
    """Fast version of :func:`normaliser` without offsets (same text in practice)."""
    s = unicodedata.normalize("NFKD", (texte or "").translate(_TABLE))
    return _NON_ALNUM.sub(" ", _DIACRITIQUES.sub("", s).lower())


def raciniser(mot: str) -> str:
    """A light French stemmer: strips one common suffix, keeps at least 4 letters."""
    if len(mot) <= 4 or mot.isdigit():
        return mot
    for suffixe in _SUFFIXES:
        if mot.endswith(suffixe) and len(mot) - len(suffixe) >= 4:
            return mot[: -len(suffixe)]
    return mot


def jetons(normal: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for every non stopword token of a normalized text."""
    out = []
    for m in _TOKEN.finditer(normal):
        mot = m.group()
        if mot in STOPWORDS or len(mot) < 2:
            continue
        out.append((raciniser(mot), m.start(), m.end()))
    return out


def analyseur(texte: str) -> list[str]:
    """Word unigrams and bigrams of stems: the analyzer of the learned model."""
    stems = [s for s, _, _ in jetons(plier(texte))]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def champ(fiche: dict, nom: str) -> str:
    valeur = fiche.get(nom)
    return valeur.strip() if isinstance(valeur, str) else ""


def texte_principal(fiche: dict) -> str:
    """Title, text and axis of a fiche, joined (never its labels)."""
    return "\n".join(v for v in (champ(fiche, n) for n in CHAMPS_TEXTE) if v)


def texte_acteurs(fiche: dict) -> str:
    return "\n".join(v for v in (champ(fiche, n) for n in CHAMPS_ACTEURS) if v)


def est_vide(fiche: dict) -> bool:
    """True when a fiche has no text: it then gets an empty coding, never a guess."""
    return not champ(fiche, "texte")
