"""What the fiche pages share: the person's rights on a fiche, shown as tabs and buttons.

The buttons only mirror these rights; each view checks them again on the server.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from clsante.programme.acces import fiche_visible
from clsante.programme.models import FicheAction


def peut_voir_historique(fiche: FicheAction, user) -> bool:
    """The history names people: for the contract's own people, not for public readers."""
    return fiche.contrat.peut_voir_contacts(user)


def droits_sur_fiche(fiche: FicheAction, user) -> dict[str, bool]:
    return {
        "modifier": fiche.peut_modifier(user),
        "suivre": fiche.peut_suivre(user),
        "commenter": fiche.contrat.peut_commenter(user),
        "historique": peut_voir_historique(fiche, user),
    }


def fiche_historique_visible(request: HttpRequest, pk: int) -> FicheAction:
    fiche = fiche_visible(request, pk)
    if not peut_voir_historique(fiche, request.user):
        raise PermissionDenied(
            "L'historique d'une fiche est réservé aux personnes qui ont un rôle dans le contrat."
        )
    return fiche
