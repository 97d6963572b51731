"""Who may download which document. Views ask here; templates mirror it for the links."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from clsante.contrats.acces import contrat_visible
from clsante.contrats.models import Contrat
from clsante.documents.rendu import FORMATS, Format

ANNEE_MIN, ANNEE_MAX = 2000, 2100


def format_connu(format: str) -> Format:
    """The requested format; an unknown one is a 404 whoever asks, before any permission."""
    if format not in FORMATS:
        raise Http404("Format de document inconnu : PDF, DOCX ou ODT.")
    return FORMATS[format]


def contrat_pour_bilan(request: HttpRequest, pk: int, annee: int) -> Contrat:
    contrat = contrat_visible(request, pk)
    if not ANNEE_MIN <= annee <= ANNEE_MAX:
        raise Http404("Année hors des limites (2000 à 2100).")
    if not contrat.peut_lire_bilan(request.user):
        raise PermissionDenied(
            "Le bilan annuel est réservé aux personnes qui ont un rôle dans le contrat."
        )
    return contrat
