"""The one place views ask for a fiche action: 404 when invisible, 403 when not allowed."""

from __future__ import annotations

from functools import cache

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from clsante.core.requetes import RequeteFigee
from clsante.programme.models import FicheAction

# What the fiche's views read with it, in the same query.
RELATIONS = ("contrat", "contrat__region", "axe", "porteur", "porteur_initial")


def fiche_visible(
    request: HttpRequest, pk: int, *, relations: tuple[str, ...] = RELATIONS
) -> FicheAction:
    """``relations``: those to read in the fiche's query (``select_related``); each costs."""
    fiches = _requete(relations).lignes(pk)
    if not fiches or not fiches[0].contrat.est_visible_par(request.user):
        raise Http404("Fiche introuvable.")
    return fiches[0]


@cache
def _requete(relations: tuple[str, ...]) -> RequeteFigee:
    """The fiche's query with these relations, compiled once per process."""
    return RequeteFigee(lambda pk: FicheAction.objects.select_related(*relations).filter(pk=pk))


def fiche_modifiable(request: HttpRequest, pk: int) -> FicheAction:
    fiche = fiche_visible(request, pk)
    if not fiche.peut_modifier(request.user):
        raise PermissionDenied("Seule la coordination du contrat peut modifier cette fiche.")
    return fiche


def fiche_suivable(request: HttpRequest, pk: int) -> FicheAction:
    fiche = fiche_visible(request, pk)
    if not fiche.peut_suivre(request.user):
        raise PermissionDenied(
            "Seuls la coordination et le porteur de cette fiche peuvent en saisir le suivi."
        )
    return fiche
