"""The one place views ask for a fiche action: 404 when invisible, 403 when not allowed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from clsante.programme.models import FicheAction

# What the fiche's views read with it, in the same query.
RELATIONS = ("contrat", "contrat__region", "axe", "porteur", "porteur_initial")


def fiche_visible(
    request: HttpRequest, pk: int, *, relations: tuple[str, ...] = RELATIONS
) -> FicheAction:
    """``relations``: those to read in the fiche's query (``select_related``); each costs."""
    queryset = FicheAction.objects.select_related(*relations)
    fiche = get_object_or_404(queryset, pk=pk)
    if not fiche.contrat.est_visible_par(request.user):
        raise Http404("Fiche introuvable.")
    return fiche


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
