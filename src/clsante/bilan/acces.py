"""The one place views ask for a campaign: 404 when invisible, 403 when not allowed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from clsante.bilan.models import CampagneBilan
from clsante.programme.models import FicheAction


def campagne_visible(request: HttpRequest, pk: int) -> CampagneBilan:
    queryset = CampagneBilan.objects.visibles_par(request.user).select_related("contrat")
    return get_object_or_404(queryset, pk=pk)


def campagne_suivie(request: HttpRequest, pk: int) -> CampagneBilan:
    """A campaign whose progress the person may follow."""
    campagne = campagne_visible(request, pk)
    if not campagne.peut_voir_avancement(request.user):
        raise PermissionDenied(
            "Le suivi de la campagne est réservé à la coordination, aux élus et à l'ARS. "
            "Vos fiches à compléter sont sur la page « Mes fiches à compléter »."
        )
    return campagne


def campagne_gerable(request: HttpRequest, pk: int) -> CampagneBilan:
    campagne = campagne_visible(request, pk)
    if not campagne.peut_gerer(request.user):
        raise PermissionDenied("Seule la coordination du contrat peut gérer la campagne de bilan.")
    return campagne


def fiche_a_completer(request: HttpRequest, campagne: CampagneBilan, pk: int) -> FicheAction:
    """A fiche of the campaign the person may answer for now."""
    fiche = get_object_or_404(campagne.fiches().select_related("contrat", "porteur", "axe"), pk=pk)
    if not fiche.peut_suivre(request.user):
        raise PermissionDenied(
            "Seuls la coordination et le porteur de cette fiche peuvent répondre pour elle."
        )
    if not campagne.ouverte:
        raise PermissionDenied(
            f"La campagne de bilan {campagne.annee} est close : "
            "les réponses ne peuvent plus être modifiées."
        )
    return fiche
