"""The one place views ask for a fiche action: 404 when invisible, 403 when not allowed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from clsante.programme.models import FicheAction


def fiche_visible(request: HttpRequest, pk: int, *, avec: tuple[str, ...] = ()) -> FicheAction:
    """``avec`` names more relations to read in the same query (``select_related``)."""
    queryset = FicheAction.objects.select_related(
        "contrat", "contrat__region", "axe", "porteur", "porteur_initial", *avec
    )
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
