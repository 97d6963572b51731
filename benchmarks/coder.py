"""Benchmark of the ISTS coder: codes 1,000 fiches built from the shipped examples.

    .venv/bin/python benchmarks/coder.py [--n 1000]

Prints model loading time, fiches per second and peak memory (target: under 10 s and
under 1 GB on 2 cores). Not a test.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from clsante.grille.coder import charger_codeur, exemples_livres


def fiches_de_test(n: int, graine: int = 0) -> list[dict]:
    """n fiches mixing sentences of the shipped examples (labels dropped)."""
    rng = random.Random(graine)
    exemples = exemples_livres()
    out = []
    for i in range(n):
        a, b = rng.sample(exemples, 2)
        texte = a["texte"] + (" " + b["texte"] if rng.random() < 0.3 else "")
        out.append(
            {
                "id": i,
                "titre": a["titre"],
                "texte": texte,
                "publics_texte": a.get("publics_texte"),
                "axe": a.get("axe"),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    fiches = fiches_de_test(args.n)
    t0 = time.perf_counter()
    codeur = charger_codeur()
    t1 = time.perf_counter()
    codings = codeur.coder(fiches)
    t2 = time.perf_counter()
    details = codeur.suggerer(fiches[:100])
    t3 = time.perf_counter()
    assert len(codings) == len(fiches) and len(details) == 100
    pic_mo = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"modèle {codeur.version} chargé en {t1 - t0:.2f} s")
    print(
        f"{len(fiches)} fiches codées en {t2 - t1:.2f} s : {len(fiches) / (t2 - t1):.0f} fiches/s"
    )
    print(f"100 suggestions détaillées (confiance, indices) en {t3 - t2:.2f} s")
    print(f"mémoire maximale (RSS) : {pic_mo:.0f} Mo")


if __name__ == "__main__":
    main()
