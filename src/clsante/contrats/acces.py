"""The one place views ask for a contract: 404 when invisible, 403 when not allowed."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from clsante.contrats.models import Contrat
from clsante.core.requetes import RequeteFigee


def contrat_visible(request: HttpRequest, pk: int) -> Contrat:
    contrats = _CONTRAT.lignes(pk)
    if not contrats or not contrats[0].est_visible_par(request.user):
        raise Http404("Contrat introuvable.")
    return contrats[0]


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


# Every page of a contract starts here: compiled once per process.
_CONTRAT = RequeteFigee(
    lambda pk: Contrat.objects.select_related("region", "porteuse").filter(pk=pk)
)
