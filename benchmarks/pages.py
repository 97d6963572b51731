"""Single-request timings and query counts of the observatory's main pages, unloaded.

    .venv/bin/python benchmarks/pages.py [--repetitions 5] [--froid]

Runs in-process through Django's test client against the database of DATABASE_URL (use the
one `charge.py` prepares, `postgres://postgres@127.0.0.1:5432/clsante_bench`), logged in as
the ARS referent of Brittany, like the load benchmark's users. Prints, per page, the median
and the slowest time in ms and the number of SQL queries. This is where to look first when
`charge.py` misses its target: a page slow alone is slow under load. ``--froid`` clears the
cache before every request, to see the cost of a cache miss.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import django


def pages() -> list[tuple[str, str]]:
    from clsante.contrats.models import Contrat
    from clsante.programme.models import FicheAction

    contrat = Contrat.objects.filter(publie=True, synthetique=True).order_by("pk").first()
    fiche = FicheAction.objects.filter(contrat=contrat).order_by("pk").first()
    return [
        ("plancher (page minimale)", "/sante/"),
        ("accueil du référent ARS", "/"),
        ("tableau de bord régional", "/observatoire/couverture/?region=53"),
        ("inventaire national", "/observatoire/?region="),
        ("catalogue sans recherche", "/catalogue/"),
        ("catalogue avec facettes", "/catalogue/?q=jeunes&thematiques=nutrition"),
        ("page contrat", f"/contrats/{contrat.pk}/"),
        ("page fiche", f"/fiches/{fiche.pk}/"),
        ("API fiches (page 50)", "/api/v1/fiches/?page=50"),
    ]


def mesurer(repetitions: int, froid: bool) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from clsante.comptes.models import Utilisateur

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(Utilisateur.objects.get(username="referent.ars"))
    print(f"{'page':28s} {'médiane':>8s} {'max':>7s} {'requêtes':>9s}")
    for nom, url in pages():
        client.get(url)  # warm-up: templates, caches, connection
        durees = []
        for _ in range(repetitions):
            if froid:
                cache.clear()
            with CaptureQueriesContext(connection) as requetes:
                debut = time.perf_counter()
                reponse = client.get(url)
                durees.append((time.perf_counter() - debut) * 1000)
            if reponse.status_code != 200:
                sys.exit(f"{url} : HTTP {reponse.status_code}")
        print(
            f"{nom:28s} {statistics.median(durees):8.0f} {max(durees):7.0f} "
            f"{len(requetes.captured_queries):9d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--froid", action="store_true", help="vider le cache avant chaque requête")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clsante.settings")
    django.setup()
    mesurer(args.repetitions, args.froid)


if __name__ == "__main__":
    main()
