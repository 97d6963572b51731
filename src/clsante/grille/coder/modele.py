"""The learned part of the coder: one logistic regression per grid code, one for the approach.

A model is plain arrays (vocabulary, IDF, coefficients) saved with ``numpy.savez`` and
JSON, never pickled, so loading a model file cannot run code. Training needs
scikit-learn; coding only numpy and scipy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from clsante.grille.coder.decodage import SEUILS_DEFAUT, Seuils
from clsante.grille.coder.traits import Vectoriseur
from clsante.grille.referentiel import MULTI_AXES, fermeture, grille

FORMAT = 1
VERSION_BASE = "ists"


@dataclass
class Modele:
    version: str
    vectoriseur: Vectoriseur
    codes: dict[str, list[str]]  # axis -> codes, one row of coef each
    coef: dict[str, np.ndarray]
    intercept: dict[str, np.ndarray]
    seuils: dict[str, Seuils] = field(default_factory=lambda: dict(SEUILS_DEFAUT))
    meta: dict = field(default_factory=dict)

    def probabilites(self, X: sparse.csr_matrix) -> dict[str, np.ndarray]:
        """Per axis, an (n_fiches, n_codes) array: independent sigmoids for the multi-label
        axes, a softmax over the approaches."""
        out = {}
        for axe, codes in self.codes.items():
            if not codes:
                out[axe] = np.zeros((X.shape[0], 0))
                continue
            z = np.asarray(X @ self.coef[axe].T) + self.intercept[axe]
            if axe == "approche":
                z = z - z.max(axis=1, keepdims=True)
                e = np.exp(z)
                out[axe] = e / e.sum(axis=1, keepdims=True)
            else:
                out[axe] = 1.0 / (1.0 + np.exp(-z))
        return out

    def sauvegarder(self, dossier: Path, nom: str = "ists") -> Path:
        """Write ``<nom>.npz`` and ``<nom>.json`` in ``dossier``; returns the JSON path."""
        dossier.mkdir(parents=True, exist_ok=True)
        arrays = {"idf": self.vectoriseur.idf.astype(np.float32)}
        for axe in self.codes:
            arrays[f"coef_{axe}"] = self.coef[axe].astype(np.float16)
            arrays[f"intercept_{axe}"] = self.intercept[axe].astype(np.float32)
        np.savez_compressed(dossier / f"{nom}.npz", **arrays)
        vocab = sorted(self.vectoriseur.vocabulaire, key=self.vectoriseur.vocabulaire.get)
        doc = {
            "format": FORMAT,
            "version": self.version,
            "grille_version": grille().version,
            "codes": self.codes,
            "seuils": {a: vars(s) for a, s in self.seuils.items()},
            "poids_lexique": self.vectoriseur.poids_lexique,
            "meta": self.meta,
            "vocabulaire": vocab,
        }
        chemin = dossier / f"{nom}.json"
        chemin.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), "utf-8")
        return chemin

    @classmethod
    def charger(cls, chemin: Path) -> Modele:
        doc = json.loads(chemin.read_text("utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError(f"Format de modèle non pris en charge : {chemin}")
        with np.load(chemin.with_suffix(".npz"), allow_pickle=False) as arrays:
            vect = Vectoriseur(
                {t: i for i, t in enumerate(doc["vocabulaire"])},
                arrays["idf"].astype(np.float64),
                float(doc["poids_lexique"]),
            )
            coef = {a: arrays[f"coef_{a}"].astype(np.float64) for a in doc["codes"]}
            intercept = {a: arrays[f"intercept_{a}"].astype(np.float64) for a in doc["codes"]}
        seuils = {a: Seuils(**s) for a, s in doc["seuils"].items()}
        return cls(doc["version"], vect, doc["codes"], coef, intercept, seuils, doc["meta"])


def empreinte(exemples: list[dict], parametres: dict) -> str:
    """A short hash of the training data and parameters: part of the version string."""
    h = hashlib.sha256(json.dumps(parametres, sort_keys=True).encode())
    for ex in exemples:
        h.update(json.dumps(ex, sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:10]


def cibles(exemples: list[dict], axe: str) -> list[set[str]]:
    """Labels of every example on an axis, closed upward (a code implies its ancestors)."""
    return [fermeture(ex["labels"].get(axe) or []) for ex in exemples]


def entrainer_modele(
    exemples: list[dict],
    C: float = 4.0,
    poids_lexique: float = 0.5,
    min_df: int = 2,
    min_positifs: int = 2,
    seuils: dict[str, Seuils] | None = None,
    meta: dict | None = None,
) -> Modele:
    """Fit the vocabulary and one classifier per code on labelled examples."""
    from sklearn.linear_model import LogisticRegression

    vect = Vectoriseur.ajuster(exemples, min_df=min_df, poids_lexique=poids_lexique)
    X = vect.transformer(exemples)
    codes: dict[str, list[str]] = {}
    coef: dict[str, np.ndarray] = {}
    intercept: dict[str, np.ndarray] = {}
    for axe in MULTI_AXES:
        y_sets = cibles(exemples, axe)
        codes[axe], rows, bias = [], [], []
        for code in grille().axe(axe):
            y = np.array([code in s for s in y_sets], dtype=int)
            if y.sum() < min_positifs or y.sum() == len(y):
                continue
            clf = LogisticRegression(C=C, solver="liblinear", max_iter=200, random_state=0)
            clf.fit(X, y)
            codes[axe].append(code)
            rows.append(clf.coef_[0])
            bias.append(clf.intercept_[0])
        coef[axe] = np.array(rows).reshape(len(rows), X.shape[1])
        intercept[axe] = np.array(bias)
    approches = [ex["labels"].get("approche") for ex in exemples]
    connues = [a for a in grille().axe("approche") if a in approches]
    idx = [i for i, a in enumerate(approches) if a in connues]
    if len(connues) >= 2:
        clf = LogisticRegression(C=C, max_iter=1000, random_state=0)
        clf.fit(X[idx], [approches[i] for i in idx])
        classes = [str(c) for c in clf.classes_]
        if len(classes) == 2:  # sklearn returns one row for two classes
            coef_a = np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])
            icpt_a = np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
        else:
            coef_a, icpt_a = clf.coef_, clf.intercept_
        codes["approche"], coef["approche"], intercept["approche"] = classes, coef_a, icpt_a
    else:
        codes["approche"] = []
        coef["approche"] = np.zeros((0, X.shape[1]))
        intercept["approche"] = np.zeros(0)
    seuils = dict(seuils or SEUILS_DEFAUT)
    parametres = {
        "C": C,
        "poids_lexique": poids_lexique,
        "min_df": min_df,
        "seuils": {a: vars(s) for a, s in sorted(seuils.items())},
    }
    version = f"{VERSION_BASE}-{len(exemples)}ex-{empreinte(exemples, parametres)}"
    return Modele(
        version,
        vect,
        codes,
        coef,
        intercept,
        seuils,
        {**(meta or {}), "parametres": parametres, "n_exemples": len(exemples)},
    )
