"""Features of a fiche: stem n-grams (TF-IDF) and lexicon hits per code and field."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from clsante.grille.coder.lexique import cles_lexique, index
from clsante.grille.coder.texte import (
    CHAMP_PUBLICS,
    analyseur,
    champ,
    plier,
    texte_acteurs,
    texte_principal,
)

# Lexicon features are computed on three views of a fiche, each for some axes.
VUES = {
    "principal": ("determinants", "strategies", "approche", "thematiques", "publics"),
    "titre": ("determinants", "strategies", "thematiques"),
    "publics": ("approche", "publics"),
}


def vues(fiche: dict) -> dict[str, str]:
    """The texts the coder reads: main text, title alone, and the stated publics."""
    return {
        "principal": texte_principal(fiche),
        "titre": champ(fiche, "titre"),
        "publics": champ(fiche, CHAMP_PUBLICS),
    }


def termes(fiche: dict) -> list[str]:
    """Stem n-grams of a fiche; publics and actors fields get their own prefixed terms."""
    out = analyseur(texte_principal(fiche))
    out += ["P:" + t for t in analyseur(champ(fiche, CHAMP_PUBLICS))]
    out += ["A:" + t for t in analyseur(texte_acteurs(fiche))]
    return out


@cache
def colonnes_lexique() -> tuple[tuple[str, str, str], ...]:
    """(view, axis, code) of every lexicon feature, in a fixed order."""
    return tuple(
        (vue, axe, code)
        for vue, axes in VUES.items()
        for axe, code in cles_lexique()
        if axe in axes
    )


@dataclass
class Vectoriseur:
    """A fixed vocabulary with its IDF weights, plus the lexicon features."""

    vocabulaire: dict[str, int]
    idf: np.ndarray
    poids_lexique: float = 0.5

    @classmethod
    def ajuster(
        cls, fiches: list[dict], min_df: int = 2, poids_lexique: float = 0.5
    ) -> Vectoriseur:
        df: Counter[str] = Counter()
        for fiche in fiches:
            df.update(set(termes(fiche)))
        vocab = sorted(t for t, n in df.items() if n >= min_df)
        n = len(fiches)
        idf = np.array([np.log((1 + n) / (1 + df[t])) + 1 for t in vocab], dtype=np.float64)
        return cls({t: i for i, t in enumerate(vocab)}, idf, poids_lexique)

    @property
    def n_traits(self) -> int:
        return len(self.vocabulaire) + len(colonnes_lexique())

    def noms(self) -> list[str]:
        mots = sorted(self.vocabulaire, key=self.vocabulaire.get)
        return mots + [f"LEX:{v}:{a}:{c}" for v, a, c in colonnes_lexique()]

    def transformer(self, fiches: list[dict]) -> sparse.csr_matrix:
        rows, cols, vals = [], [], []
        n_vocab = len(self.vocabulaire)
        colonnes = {c: j for j, c in enumerate(colonnes_lexique())}
        idx = index()
        for i, fiche in enumerate(fiches):
            counts = Counter(self.vocabulaire[t] for t in termes(fiche) if t in self.vocabulaire)
            if counts:
                cols_i = np.fromiter(counts.keys(), dtype=np.int64)
                tf = np.fromiter(counts.values(), dtype=np.float64)
                w = (1 + np.log(tf)) * self.idf[cols_i]
                w /= np.linalg.norm(w)
                rows.extend([i] * len(cols_i))
                cols.extend(cols_i.tolist())
                vals.extend(w.tolist())
            for vue, texte in vues(fiche).items():
                if not texte:
                    continue
                for (axe, code), spans in idx.chercher(plier(texte)).items():
                    j = colonnes.get((vue, axe, code))
                    if j is not None:
                        rows.append(i)
                        cols.append(n_vocab + j)
                        vals.append(self.poids_lexique * min(1.0 + np.log(len(spans)), 2.0))
        return sparse.csr_matrix(
            (vals, (rows, cols)), shape=(len(fiches), self.n_traits), dtype=np.float64
        )
