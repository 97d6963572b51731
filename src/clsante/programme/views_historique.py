"""The history tab of a fiche: who changed what, when."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.programme.services_historique import historique_fiche
from clsante.programme.views_commun import droits_sur_fiche, fiche_historique_visible

PAR_PAGE = 25


def fiche_historique(request: HttpRequest, pk: int) -> HttpResponse:
    fiche = fiche_historique_visible(request, pk)
    page = Paginator(historique_fiche(fiche), PAR_PAGE).get_page(request.GET.get("page"))
    context = {
        "title": f"Historique de la fiche {fiche.numero} — {fiche.titre}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "onglet": "historique",
        "droits": droits_sur_fiche(fiche, request.user),
        "page": page,
    }
    return render(request, "programme/fiche_historique.html", context)
