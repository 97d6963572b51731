"""Data versions: cheap fingerprints of the data behind the observatory's cached results.

The observatory caches its heavy aggregates (inventory, coverage, catalogue facets) in
each process's memory and in files the processes share (`en_cache`): no cache service is
needed, so a version cannot be bumped by a signal in one process and seen by the others.
Instead, each cached result is keyed by a fingerprint read from the database in one small query;
any change to the data changes the fingerprint, and the stale entry is simply never read
again (it expires on its own).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from time import monotonic

from django.core.cache import cache, caches
from django.db import connection
from django.db.models import Count, Max

from clsante.contrats.models import Contrat
from clsante.observatoire.models import IndexAction
from clsante.programme.models import FicheAction
from clsante.territoires.models import Commune, ContourCommune

DUREE_CACHE = 3600
# How long a process keeps the data version (`version_donnees`), in seconds.
DUREE_VERSION = 2.0
DUREE_VERSION_CONTOURS = 60.0
_memo: dict[str, tuple[float, str]] = {}
# How many times each version was forgotten: a read that saw it change is not kept.
_oublis: dict[str, int] = {}


def version_donnees() -> str:
    """The contracts, their communes and the communes (what the observatory's figures
    read), in one query, kept by the process for `DUREE_VERSION` seconds.

    Reading it scans the contracts, their communes and every commune (5 ms at national
    scale), and every observatory page needs it. Writes this process makes through
    `save()`, `delete()` or a contract's communes are seen at its next request (signals
    call `oublier_version_donnees`); any other change (another server process, a loading
    command, an `update()` or a bulk write) within `DUREE_VERSION` seconds. A version read
    inside a transaction is not kept: it may hold writes that will be rolled back.
    """
    return _gardee("donnees", DUREE_VERSION, _version_donnees_lue, hors_transaction=True)


def oublier_version_donnees() -> None:
    _oublis["donnees"] = _oublis.get("donnees", 0) + 1
    _memo.pop("donnees", None)


def oublier_versions() -> None:
    """Every version this process keeps (tests: each starts from the database)."""
    _memo.clear()


def version_contours() -> str:
    """Changes when the communes' outlines are reloaded with other data (their number or
    boxes move). It scans the outlines' boxes (35,000 rows, 4 ms), and loads run in another
    process: each process keeps it `DUREE_VERSION_CONTOURS` seconds."""
    q = connection.ops.quote_name
    sql = (
        f"SELECT COUNT(*), SUM({q('x0')} + {q('y0')} + {q('x1')} + {q('y1')}) "
        f"FROM {q(ContourCommune._meta.db_table)}"
    )
    return _gardee("contours", DUREE_VERSION_CONTOURS, lambda: _empreinte(sql))


def _gardee(
    nom: str, duree: float, lecture: Callable[[], str], *, hors_transaction: bool = False
) -> str:
    """``lecture()``, kept by this process for ``duree`` seconds.

    Not kept when it was forgotten while being read (another thread's write committed
    meanwhile: what was read may predate it), nor, with ``hors_transaction``, when read
    inside a transaction.
    """
    maintenant = monotonic()
    memo = _memo.get(nom)
    if memo is not None and memo[0] > maintenant:
        return memo[1]
    oublis = _oublis.get(nom, 0)
    valeur = lecture()
    if _oublis.get(nom, 0) == oublis and not (hors_transaction and _dans_une_transaction()):
        _memo[nom] = (maintenant + duree, valeur)
    return valeur


def _dans_une_transaction() -> bool:
    return connection.in_atomic_block


def _version_donnees_lue() -> str:
    """Changes whenever a contract is created, saved or deleted, its communes change, or the
    geography or the optional commune attributes are (re)loaded.

    Sums, not a checksum of every row: an edit that keeps every total equal (two communes
    swapping their values) is only seen when the cached entries expire (`DUREE_CACHE`).
    """
    q = connection.ops.quote_name
    contrats = q(Contrat._meta.db_table)
    liens = q(Contrat.communes.through._meta.db_table)
    communes = q(Commune._meta.db_table)
    sql = (
        f"SELECT * FROM (SELECT COUNT(*), MAX({q('modifie_le')}), SUM({q('version')}) "
        f"FROM {contrats}) c, (SELECT COUNT(*), MAX({q('id')}) FROM {liens}) l, "
        f"(SELECT COUNT(*), SUM({q('population')}), SUM({q('grille_densite')}), "
        f"SUM({q('population_qpv')}), SUM({q('indice_defavorisation')}), "
        f"COUNT({q('epci_id')}) FROM {communes}) g"
    )
    return _empreinte(sql)


def version_fiches() -> str:
    """Changes whenever a fiche is created, saved or deleted through the ORM: two index reads.

    Every ``save()`` and ``delete()`` writes a history row (simple-history), and
    ``bulk_create`` (synthetic data) raises the largest id. What escapes it (a raw SQL
    update, a bulk ``update()``) is seen when the entries expire: keep their lifetime short.
    """
    q = connection.ops.quote_name
    fiches = q(FicheAction._meta.db_table)
    historique = q(FicheAction.history.model._meta.db_table)
    sql = (
        f"SELECT (SELECT MAX({q('id')}) FROM {fiches}), "
        f"(SELECT MAX({q('history_id')}) FROM {historique})"
    )
    return _empreinte(sql)


def _empreinte(sql: str) -> str:
    """The one row ``sql`` returns, as a fingerprint."""
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return "|".join(map(str, cursor.fetchone()))


def version_index() -> str:
    """Changes whenever the catalogue's index gains or loses a row (a re-index replaces rows)."""
    index = IndexAction.objects.aggregate(n=Count("pk"), m=Max("pk"))
    return f"{index['n']}|{index['m']}"


def cle(espace: str, version: str, *parties: object) -> str:
    """A cache key for a result of ``espace`` computed from ``parties`` at ``version``."""
    texte = "|".join([version, *map(str, parties)])
    return f"{espace}:" + hashlib.sha1(texte.encode(), usedforsecurity=False).hexdigest()


def en_cache(cle_cache: str, calcul, duree: int = DUREE_CACHE):
    """The cached value of ``cle_cache``, computed by ``calcul()`` on a miss.

    Looked up in this process's memory first, then in the cache the server's processes
    share (``partage``), where it is stored with its expiry: a process that reads it there
    keeps it only for the time it has left, so no entry outlives ``duree``.
    """
    valeur = cache.get(cle_cache)
    if valeur is not None:
        return valeur
    partage = caches["partage"]
    trouve = partage.get(cle_cache)
    if trouve is not None:
        expire_le, valeur = trouve
        reste = expire_le - time.time()
        if reste > 0:
            cache.set(cle_cache, valeur, timeout=reste)
            return valeur
    valeur = calcul()
    partage.set(cle_cache, (time.time() + duree, valeur), timeout=duree)
    cache.set(cle_cache, valeur, timeout=duree)
    return valeur
