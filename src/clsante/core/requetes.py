"""Queries of a fixed shape, compiled once per process: the detail pages' many small lists.

A detail page reads ten to fifteen small lists (a fiche's steps, partners, financing…), each
the same query with another id. Building and compiling such a query in the ORM costs more
than running it (0.3–0.5 ms against 0.1–0.2 here), so a page spent most of its time there.
A `RequeteFigee` builds and compiles its queryset once per process, with stand-in ids,
and afterwards only runs the compiled SQL with the real ids: the rows go through the
same iterable, converters and `prefetch_related` as the queryset's own.

It answers lists, never querysets: a queryset carrying a frozen SQL would silently ignore
a later `.filter()` or `.count()`. Compiled once per database vendor (one process talks to
one database). A `Prefetch(queryset=…)` in the prototype would be shared by the threads:
none is used.

`rattacher` gives rows read by one such query to the rows of another (a fiche's indicators
their measures), as `prefetch_related` would.
"""

from __future__ import annotations

import copy
import operator
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

# Distinctive stand-ins, never real ids (those are positive).
REPERE = -904_617_250
# Ids outside a 64-bit column match nothing, as in the ORM (which never sends them).
BORNE = 2**63


@dataclass(frozen=True)
class _Compilee:
    queryset: QuerySet
    compilateur: object
    sql: str
    params: tuple
    # For each parameter that holds an id, the position of the id in the call.
    positions: tuple[tuple[int, int], ...]


class RequeteFigee:
    """``construire(*ids)`` gives the queryset; ``lignes(*ids)`` gives its rows as a list."""

    def __init__(self, construire: Callable[..., QuerySet]) -> None:
        self._construire = construire
        self._compilees: dict[tuple[str, int], _Compilee] = {}

    def lignes(self, *ids: int) -> list:
        ids = tuple(operator.index(i) for i in ids)  # ints only, as the SQL expects
        if not all(-BORNE <= i < BORNE for i in ids):
            return []
        compilee = self._compilee(len(ids))
        params = list(compilee.params)
        for position, rang in compilee.positions:
            params[position] = ids[rang]
        queryset = compilee.queryset._chain()
        queryset.query.get_compiler = _compilateur_fige(compilee, params)
        return list(queryset)

    def _compilee(self, nombre: int) -> _Compilee:
        # One process talks to one database; the vendor is in the key all the same.
        cle = (connections[DEFAULT_DB_ALIAS].vendor, nombre)
        compilee = self._compilees.get(cle)
        if compilee is None:
            compilee = self._compilees[cle] = self._compiler(nombre)
        return compilee

    def _compiler(self, nombre: int) -> _Compilee:
        reperes = [REPERE - rang for rang in range(nombre)]
        queryset = self._construire(*reperes)
        compilateur = queryset.query.get_compiler(using=queryset.db)
        sql, params = compilateur.as_sql()
        positions = tuple(
            (position, reperes.index(valeur))
            for position, valeur in enumerate(params)
            if type(valeur) is int and valeur in reperes
        )
        if {rang for _, rang in positions} != set(range(nombre)) or str(-REPERE)[:7] in sql:
            raise ValueError("Each id must reach the SQL as a parameter, never in its text.")
        # The compiling thread's connection is not kept: each call sets its own.
        compilateur.connection = None
        return _Compilee(queryset, compilateur, sql, tuple(params), positions)


def _compilateur_fige(compilee: _Compilee, params: list) -> Callable:
    """A `Query.get_compiler` that hands out the compiled query with these parameters."""

    def get_compiler(using=None, connection=None, elide_empty=True):
        compilateur = copy.copy(compilee.compilateur)
        # Connections are per thread: the compiling thread's is not this one's.
        compilateur.connection = connection or connections[using or compilee.queryset.db]
        compilateur.as_sql = lambda *args, **kwargs: (compilee.sql, params)
        return compilateur

    return get_compiler


def rattacher(
    parents: list, enfants: Iterable, parent_de: Callable[[object], Hashable], attribut: str
) -> None:
    """Give each parent ``attribut``, the list of its children (in their order).

    Parents and children come from two queries: a child whose parent is not among
    ``parents`` (added in between, or filed under another contract) is left out.
    """
    par_parent: dict = {parent.pk: [] for parent in parents}
    for enfant in enfants:
        liste = par_parent.get(parent_de(enfant))
        if liste is not None:
            liste.append(enfant)
    for parent in parents:
        setattr(parent, attribut, par_parent[parent.pk])
