"""The programme of a contract (tree or filterable table) and its dashboard.

Both are readable by anyone who can see the contract (``contrat_visible``: 404 otherwise).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.module_loading import import_string

from clsante.contrats.acces import contrat_visible
from clsante.programme.pilotage import tableau
from clsante.programme.pilotage.accueil import resumes_contrats
from clsante.programme.pilotage.arbre import arbre_programme
from clsante.programme.pilotage.forms import FiltresProgramme
from clsante.programme.pilotage.graphiques import STATUTS_FICHE
from clsante.programme.pilotage.liste import choix_filtres, filtrer, lignes_programme


def programme(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    context = {
        "title": f"Programme — {contrat.nom}",
        "contrat": contrat,
        "organisation_id": getattr(request.user, "organisation_id", None),
    }
    if request.GET.get("vue") != "tableau":
        context.update(vue="arbre", branches=arbre_programme(contrat))
        return render(request, "pilotage/programme.html", context)

    lignes = lignes_programme(contrat)
    form = FiltresProgramme(request.GET, choix=choix_filtres(contrat, lignes))
    filtres = form.filtres_valides()
    context.update(
        vue="tableau",
        form=form,
        filtres=filtres,
        lignes=filtrer(lignes, filtres),
        total=len(lignes),
    )
    return render(request, "pilotage/programme.html", context)


def tableau_de_bord(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    aujourd_hui = timezone.localdate()
    axes = tableau.avancement_par_axe(contrat)
    indicateurs = tableau.bilan_indicateurs(contrat, aujourd_hui)
    financeurs = tableau.financements_par_financeur(contrat)
    obtenu = sum((f.obtenu for f in financeurs), Decimal(0))
    sollicite = sum((f.sollicite for f in financeurs), Decimal(0))
    secteurs = tableau.acteurs_par_secteur(contrat)
    context = {
        "title": f"Tableau de bord — {contrat.nom}",
        "contrat": contrat,
        "aujourd_hui": aujourd_hui,
        "axes": axes,
        "statuts": STATUTS_FICHE,
        "fiches_total": sum(a.total for a in axes),
        "fiches_engagees": sum(a.compte("en_cours") + a.compte("realisee") for a in axes),
        "indicateurs": indicateurs,
        "financeurs": financeurs,
        "annees": tableau.financements_par_annee(contrat),
        "obtenu_total": obtenu,
        "sollicite_total": sollicite,
        "financement_total": obtenu + sollicite,
        "secteurs": secteurs,
        "communes": tableau.actions_par_commune(contrat),
    }
    return render(request, "pilotage/tableau_de_bord.html", context)


def accueil(request: HttpRequest) -> HttpResponse:
    """« Mes contrats »: each visible contract with its progress, alerts and next meetings."""
    resumes = resumes_contrats(request.user, timezone.localdate())
    encarts = [import_string(chemin)(request) for chemin in settings.CLSANTE_ENCARTS_ACCUEIL]
    context = {"resumes": resumes, "encarts": [e for e in encarts if e], "title": "Mes contrats"}
    return render(request, "core/accueil.html", context)
