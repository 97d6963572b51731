"""Download a document: a fiche action, the contract's summary, the annual review.

Each view checks the format first (an unknown one is a 404 for everyone), then fetches its
object through the access rules (a hidden object is a 404 whatever the method), and builds
the document only for a GET.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

from clsante.contrats.acces import contrat_visible
from clsante.documents.acces import contrat_pour_bilan, format_connu
from clsante.documents.contenus.bilan_annuel import document_bilan
from clsante.documents.contenus.fiche import document_fiche
from clsante.documents.contenus.synthese import document_synthese
from clsante.documents.rendu import Format, rendre
from clsante.documents.structure import Document
from clsante.programme.acces import fiche_visible


def fiche(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    fmt = format_connu(format)
    fiche = fiche_visible(request, pk)
    return _reponse(request, fmt, lambda: document_fiche(fiche, request.user))


def synthese(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    fmt = format_connu(format)
    contrat = contrat_visible(request, pk)
    return _reponse(request, fmt, lambda: document_synthese(contrat, request.user))


def bilan(request: HttpRequest, pk: int, annee: int, format: str) -> HttpResponse:
    fmt = format_connu(format)
    contrat = contrat_pour_bilan(request, pk, annee)
    return _reponse(request, fmt, lambda: document_bilan(contrat, annee))


def _reponse(request: HttpRequest, fmt: Format, construire: Callable[[], Document]) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    document = construire()
    response = HttpResponse(rendre(document, fmt.extension), content_type=fmt.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{document.nom_fichier}.{fmt.extension}"'
    )
    return response
