from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.contrats.acces import contrat_visible
from clsante.contrats.models import Instance
from clsante.programme.models import Axe, FicheAction


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    axes = contrat.axes.prefetch_related(
        "objectifs",
        Prefetch("fiches", queryset=FicheAction.objects.select_related("porteur")),
    )
    instances = contrat.instances.prefetch_related("membres__organisation", "reunions")
    fiches_par_statut = contrat.fiches.values("statut").annotate(n=Count("pk")).order_by("statut")
    context = {
        "title": contrat.nom,
        "contrat": contrat,
        "axes": axes,
        "instances": instances,
        "signataires": contrat.signataires.select_related("organisation"),
        "dispositifs": contrat.dispositifs.all(),
        "diagnostic": contrat.diagnostics.prefetch_related(
            "indicateurs", "besoins__fiches"
        ).first(),
        "communes": contrat.communes.order_by("-population"),
        "population": contrat.population,
        "fiches_par_statut": _libelles_statuts(fiches_par_statut),
        "types_instance": Instance.Type,
        "axe_model": Axe,
    }
    return render(request, "contrats/detail.html", context)


def _libelles_statuts(rows) -> list[tuple[str, int]]:
    labels = dict(FicheAction.Statut.choices)
    return [(labels[r["statut"]], r["n"]) for r in rows]
