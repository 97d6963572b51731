"""Who may download which document. Views ask here; templates mirror it for the links."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from clsante.contrats.acces import contrat_visible
from clsante.contrats.models import Contrat, Habilitation
from clsante.documents.rendu import FORMATS

ANNEE_MIN, ANNEE_MAX = 2000, 2100


def format_connu(format: str) -> str:
    if format not in FORMATS:
        raise Http404("Format de document inconnu : PDF, DOCX ou ODT.")
    return format


def peut_lire_bilan(contrat: Contrat, user) -> bool:
    """The annual review is for the COPIL: every role on the contract but public readers."""
    return bool(contrat.roles_de(user) - {Habilitation.Role.LECTEUR})


def contrat_pour_bilan(request: HttpRequest, pk: int, annee: int) -> Contrat:
    contrat = contrat_visible(request, pk)
    if not ANNEE_MIN <= annee <= ANNEE_MAX:
        raise Http404("Année hors des limites (2000 à 2100).")
    if not peut_lire_bilan(contrat, request.user):
        raise PermissionDenied(
            "Le bilan annuel est réservé aux personnes qui ont un rôle dans le contrat."
        )
    return contrat
