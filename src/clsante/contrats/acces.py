"""The one place views ask for a contract: 404 when invisible, 403 when not allowed."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from clsante.contrats.models import Contrat


def contrat_visible(request: HttpRequest, pk: int) -> Contrat:
    contrat = get_object_or_404(Contrat.objects.select_related("region", "porteuse"), pk=pk)
    if not contrat.est_visible_par(request.user):
        raise Http404("Contrat introuvable.")
    return contrat


def contrat_autorise(
    request: HttpRequest, pk: int, predicat: Callable[[Contrat, object], bool], message: str
) -> Contrat:
    """A visible contract on which the person may do what ``predicat`` checks."""
    contrat = contrat_visible(request, pk)
    if not predicat(contrat, request.user):
        raise PermissionDenied(message)
    return contrat


def contrat_modifiable(request: HttpRequest, pk: int) -> Contrat:
    return contrat_autorise(
        request,
        pk,
        Contrat.peut_modifier,
        "Seule la coordination du contrat peut faire cette modification.",
    )
