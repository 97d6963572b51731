"""A contract's communes as its pages show them: population, departments, fiches naming them."""

from __future__ import annotations

from django.db.models import Count, Q

from clsante.core.requetes import RequeteFigee
from clsante.programme.models import FicheAction
from clsante.territoires.models import Commune


def communes_du_territoire(contrat) -> list[Commune]:
    """The contract's communes, largest first, each with ``fiches_actions`` and its outline's
    box (``Commune.objects.avec_cadre()``), in one query (compiled once per process)."""
    return _COMMUNES.lignes(contrat.pk)


def _fiches_visant(pk: int) -> Count:
    """Per commune, the contract's fiches that name it (the map's and the table's count).

    Abandoned fiches act nowhere; fiches naming no commune act on the whole territory and
    are not counted for any one commune (as on the dashboard's « Actions par commune »).
    """
    actives = [s for s in FicheAction.Statut.values if s != FicheAction.Statut.ABANDONNEE]
    return Count("fiches", filter=Q(fiches__contrat_id=pk, fiches__statut__in=actives))


_COMMUNES = RequeteFigee(
    lambda pk: (
        Commune.objects.filter(contrats__id=pk)
        .avec_cadre()
        .select_related("departement")
        .annotate(fiches_actions=_fiches_visant(pk))
        .order_by("-population")
    )
)
