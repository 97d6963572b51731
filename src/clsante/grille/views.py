"""The ISTS reading ("lecture ISTS") of a contract, a selection, a department, a region or all."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.contrats.models import Contrat
from clsante.core.tableaux import exporter
from clsante.grille.alertes import alertes
from clsante.grille.analyses import codages_valides, figure1, figure2
from clsante.grille.colonnes import colonnes_figure1, colonnes_figure2, lignes_figure2
from clsante.programme.models import FicheAction
from clsante.territoires.models import Commune, Departement, Region


def _perimetre(request: HttpRequest):
    """Contracts read: ?contrat=ID (repeatable), ?departement=CODE, ?region=CODE, or all."""
    contrats = Contrat.objects.visibles_par(request.user)
    ids = [i for i in request.GET.getlist("contrat") if i.isdigit()][:50]
    if ids:
        contrats = contrats.filter(pk__in=ids)
        noms = list(contrats.values_list("nom", flat=True))
        if not noms:
            return contrats, "Aucun contrat lisible dans cette sélection"
        libelle = noms[0] if len(noms) == 1 else f"Sélection de {len(noms)} contrats"
        return contrats, libelle
    if dept := Departement.objects.filter(code=request.GET.get("departement", "")[:3]).first():
        return contrats.filter(communes__departement=dept).distinct(), f"{dept.nom} ({dept.code})"
    if region := Region.objects.filter(code=request.GET.get("region", "")[:3]).first():
        return contrats.filter(region=region), region.nom
    return contrats, "Tous les contrats que vous pouvez lire"


def lecture(request: HttpRequest) -> HttpResponse:
    contrats, libelle = _perimetre(request)
    fiches = FicheAction.objects.filter(contrat__in=contrats)
    codages = codages_valides(fiches)
    fig1, fig2 = figure1(codages), figure2(codages)
    fmt = request.GET.get("format", "")
    tableau = request.GET.get("tableau", "figure1")
    if tableau == "figure2":
        export = exporter(
            fmt, "lecture-ists-figure2", "Figure 2", colonnes_figure2(), lignes_figure2(fig2)
        )
    else:
        export = exporter(fmt, "lecture-ists-figure1", "Figure 1", colonnes_figure1(), fig1.lignes)
    if export:
        return export
    communes = Commune.objects.filter(contrats__in=contrats).distinct()
    context = {
        "title": "Lecture ISTS du programme",
        "libelle": libelle,
        "contrats": contrats.order_by("nom")[:50],
        "nb_fiches": fiches.count(),
        "figure1": fig1,
        "figure2": fig2,
        "alertes": alertes(fiches, codages, communes),
        "contrat_unique": contrats.first() if contrats.count() == 1 else None,
    }
    return render(request, "grille/lecture.html", context)
