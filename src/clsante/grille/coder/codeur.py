"""The automatic coder: a model plus the decoding rules, with explanations per code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from clsante.grille.coder.decodage import AXES_ARBRE, decoder, scores_sous_arbre
from clsante.grille.coder.lexique import index
from clsante.grille.coder.modele import Modele, entrainer_modele
from clsante.grille.coder.texte import CHAMP_PUBLICS, champ, est_vide, jetons, normaliser
from clsante.grille.coder.traits import vues
from clsante.grille.referentiel import MULTI_AXES, grille

DOSSIER_MODELES = Path(__file__).parent / "modeles"
MAX_INDICES = 6


@dataclass(frozen=True)
class CodeSuggere:
    """One suggested code, how sure the coder is, and the words that support it."""

    code: str
    libelle: str
    confiance: float
    indices: tuple[str, ...] = ()


@dataclass
class Suggestion:
    """The coding suggested for one fiche, with the version of the model that made it."""

    id: object
    version: str
    determinants: list[CodeSuggere] = field(default_factory=list)
    strategies: list[CodeSuggere] = field(default_factory=list)
    approche: CodeSuggere | None = None
    thematiques: list[CodeSuggere] = field(default_factory=list)
    publics: list[CodeSuggere] = field(default_factory=list)

    def codage(self) -> dict:
        """The output line: exact grid codes only."""
        out: dict = {"id": self.id}
        for axe in MULTI_AXES:
            out[axe] = [c.code for c in getattr(self, axe)]
        out["approche"] = self.approche.code if self.approche else None
        return {
            k: out[k]
            for k in ("id", *("determinants", "strategies"), "approche", "thematiques", "publics")
        }

    def en_dict(self) -> dict:
        """The coding with confidences, evidence words and the model version."""

        def detail(c: CodeSuggere) -> dict:
            return {"code": c.code, "confiance": round(c.confiance, 3), "indices": list(c.indices)}

        out = {**self.codage(), "version": self.version, "details": {}}
        for axe in MULTI_AXES:
            out["details"][axe] = [detail(c) for c in getattr(self, axe)]
        out["details"]["approche"] = detail(self.approche) if self.approche else None
        return out


class Codeur:
    """Codes fiches actions on the ISTS grid with a trained :class:`Modele`."""

    def __init__(self, modele: Modele):
        self.modele = modele

    @property
    def version(self) -> str:
        return self.modele.version

    def coder(self, fiches: list[dict]) -> list[dict]:
        """One output dict per fiche (``id`` and the five axes), in input order."""
        return [s.codage() for s in self.suggerer(fiches, indices=False)]

    def suggerer(self, fiches: list[dict], indices: bool = True) -> list[Suggestion]:
        """Suggestions with a confidence per code and, if asked, the supporting words."""
        fiches = [_sans_labels(f) for f in fiches]
        pleines = [i for i, f in enumerate(fiches) if not est_vide(f)]
        out = [Suggestion(f.get("id"), self.version) for f in fiches]
        if not pleines:
            return out
        X = self.modele.vectoriseur.transformer([fiches[i] for i in pleines])
        probas = self.modele.probabilites(X)
        for row, i in enumerate(pleines):
            out[i] = self._suggestion(fiches[i], X, row, probas, indices)
        return out

    def _suggestion(self, fiche, X, row, probas, avec_indices: bool) -> Suggestion:
        g = grille()
        sugg = Suggestion(fiche.get("id"), self.version)
        contexte = _Contexte(fiche, self.modele, X, row) if avec_indices else None
        for axe in MULTI_AXES:
            p = dict(zip(self.modele.codes[axe], probas[axe][row].tolist(), strict=True))
            conf = scores_sous_arbre(axe, p) if axe in AXES_ARBRE else p
            codes = decoder(axe, p, self.modele.seuils[axe], champ(fiche, CHAMP_PUBLICS))
            setattr(
                sugg,
                axe,
                [
                    CodeSuggere(
                        c,
                        g.libelle(axe, c),
                        conf.get(c, 0.0),
                        contexte.indices(axe, c) if contexte else (),
                    )
                    for c in codes
                ],
            )
        if self.modele.codes["approche"]:
            p = probas["approche"][row]
            j = int(np.argmax(p))
            code = self.modele.codes["approche"][j]
            sugg.approche = CodeSuggere(
                code,
                g.libelle("approche", code),
                float(p[j]),
                contexte.indices("approche", code) if contexte else (),
            )
        return sugg


def _sans_labels(fiche: dict) -> dict:
    """The coder never sees gold labels, whatever the caller passes."""
    return {k: v for k, v in fiche.items() if k != "labels"}


class _Contexte:
    """Maps features back to the words of a fiche, to explain a suggested code."""

    def __init__(self, fiche: dict, modele: Modele, X, row: int):
        self.modele = modele
        self.x = X.getrow(row)
        self.textes = {v: normaliser(t) for v, t in vues(fiche).items()}
        self.cues = {v: index().chercher(tn.normal) for v, tn in self.textes.items()}
        self.noms = None

    def _surface(self, terme: str) -> list[str]:
        vue, t = ("publics", terme[2:]) if terme.startswith("P:") else ("principal", terme)
        if terme.startswith("A:"):
            return []
        tn = self.textes[vue]
        toks = jetons(tn.normal)
        parts = t.split(" ")
        found = []
        for k in range(len(toks) - len(parts) + 1):
            if all(toks[k + m][0] == parts[m] for m in range(len(parts))):
                found.append(tn.extrait(toks[k][1], toks[k + len(parts) - 1][2]))
        return found

    def indices(self, axe: str, code: str) -> tuple[str, ...]:
        mots: list[str] = []
        for vue in ("principal", "publics"):
            tn = self.textes[vue]
            for a, b in self.cues[vue].get((axe, code), []):
                mots.append(tn.extrait(a, b))
        if code in self.modele.codes.get(axe, []):
            w = self.modele.coef[axe][self.modele.codes[axe].index(code)]
            contrib = [(w[j] * v, j) for j, v in zip(self.x.indices, self.x.data, strict=True)]
            n_vocab = len(self.modele.vectoriseur.vocabulaire)
            if self.noms is None:
                self.noms = sorted(
                    self.modele.vectoriseur.vocabulaire, key=self.modele.vectoriseur.vocabulaire.get
                )
            for score, j in sorted(contrib, reverse=True)[:MAX_INDICES]:
                if score > 0 and j < n_vocab:
                    mots.extend(self._surface(self.noms[j]))
        uniques: list[str] = []
        for m in mots:
            if m and m.lower() not in {u.lower() for u in uniques}:
                uniques.append(m)
        return tuple(uniques[:MAX_INDICES])


def modele_livre() -> Path:
    """The JSON file of the shipped model."""
    chemin = DOSSIER_MODELES / "ists.json"
    if not chemin.exists():
        raise FileNotFoundError(f"Aucun modèle livré : {chemin} est absent.")
    return chemin


_CACHE: dict[Path, Codeur] = {}


def charger_codeur(chemin: Path | None = None) -> Codeur:
    """The coder with the shipped model (or the model at ``chemin``), loaded once."""
    chemin = Path(chemin) if chemin else modele_livre()
    if chemin not in _CACHE:
        _CACHE[chemin] = Codeur(Modele.charger(chemin))
    return _CACHE[chemin]


def entrainer(exemples: list[dict], avec_exemples_livres: bool = True, **options) -> Codeur:
    """A coder retrained on ``exemples`` (dicts with titre, texte, … and ``labels``),
    added to the shipped examples unless ``avec_exemples_livres`` is false. The new
    model's version string changes with its training data."""
    from clsante.grille.coder.donnees import exemples_livres, valider_exemples

    valider_exemples(exemples)
    base = exemples_livres() if avec_exemples_livres else []
    return Codeur(entrainer_modele(base + list(exemples), **options))
