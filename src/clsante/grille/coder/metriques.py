"""Agreement between a gold coding and predictions, with the definitions of the judge's
script: every code set is closed upward; per axis micro- and macro-F1 at the top level
and at full depth; approach accuracy; Cohen's kappa per top-level code present at least
three times in the gold, and their mean."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from clsante.grille.referentiel import MULTI_AXES, fermeture

VIDE = {**{a: [] for a in MULTI_AXES}, "approche": None}


def racines(codes: set[str]) -> set[str]:
    return {c.split(".")[0] for c in codes}


def f1_micro_macro(
    gold: list[set[str]], pred: list[set[str]]
) -> tuple[float, float, dict[str, list[int]]]:
    """Micro-F1, macro-F1 over the codes seen in gold or predictions, and [tp, fp, fn]."""
    tp = fp = fn = 0
    par_code: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for g, p in zip(gold, pred, strict=True):
        for c in g | p:
            if c in g and c in p:
                tp += 1
                par_code[c][0] += 1
            elif c in p:
                fp += 1
                par_code[c][1] += 1
            else:
                fn += 1
                par_code[c][2] += 1
    micro = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    f1s = [2 * a / (2 * a + b + c) if a + b + c else 1.0 for a, b, c in par_code.values()]
    macro = sum(f1s) / len(f1s) if f1s else 1.0
    return micro, macro, dict(par_code)


def kappa(gold: list[set[str]], pred: list[set[str]], code: str) -> float:
    """Cohen's kappa of the presence of ``code`` in gold and predicted sets."""
    n = len(gold)
    a = [code in g for g in gold]
    b = [code in p for p in pred]
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


@dataclass
class ScoresAxe:
    micro_f1_top: float
    macro_f1_top: float
    micro_f1_full: float
    macro_f1_full: float
    kappas: dict[str, float] = field(default_factory=dict)

    @property
    def mean_kappa_top(self) -> float | None:
        return sum(self.kappas.values()) / len(self.kappas) if self.kappas else None


@dataclass
class Evaluation:
    n: int
    manquants: int
    axes: dict[str, ScoresAxe]
    approche_accuracy: float

    def en_dict(self) -> dict:
        """Rounded figures, with the keys of the judge's ``--json`` output."""
        out: dict = {"n": self.n, "missing": self.manquants}
        for axe, s in self.axes.items():
            k = s.mean_kappa_top
            out[axe] = {
                "micro_f1_top": round(s.micro_f1_top, 3),
                "macro_f1_top": round(s.macro_f1_top, 3),
                "micro_f1_full": round(s.micro_f1_full, 3),
                "macro_f1_full": round(s.macro_f1_full, 3),
                "mean_kappa_top": round(k, 3) if k is not None else None,
            }
        out["approche_accuracy"] = round(self.approche_accuracy, 3)
        return out


def evaluer(gold: dict[str, dict], pred: dict[str, dict]) -> Evaluation:
    """Compare codings keyed by fiche id (each a dict with the five axes)."""
    ids = sorted(gold)
    if not ids:
        raise ValueError("Aucune fiche de référence à évaluer.")
    axes = {}
    for axe in MULTI_AXES:
        g = [fermeture(gold[i].get(axe) or []) for i in ids]
        p = [fermeture(pred.get(i, VIDE).get(axe) or []) for i in ids]
        mi_full, ma_full, _ = f1_micro_macro(g, p)
        gt, pt = [racines(x) for x in g], [racines(x) for x in p]
        mi_top, ma_top, par_code = f1_micro_macro(gt, pt)
        kappas = {c: kappa(gt, pt, c) for c in par_code if sum(c in x for x in gt) >= 3}
        axes[axe] = ScoresAxe(mi_top, ma_top, mi_full, ma_full, kappas)
    acc = sum(gold[i].get("approche") == pred.get(i, VIDE).get("approche") for i in ids)
    return Evaluation(len(ids), sum(i not in pred for i in ids), axes, acc / len(ids))
