from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

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
    context["documents"] = contrat.diagnostics.select_related("auteur")
    return render(request, "contrats/detail.html", context)


def document_diagnostic(request: HttpRequest, pk: int, diagnostic_pk: int) -> FileResponse:
    """A diagnosis document, served only to those who may read its contract."""
    contrat = contrat_visible(request, pk)
    diagnostic = get_object_or_404(contrat.diagnostics, pk=diagnostic_pk)
    if not diagnostic.document:
        raise Http404("Aucun document déposé pour ce diagnostic.")
    try:
        fichier = diagnostic.document.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Le document n'est plus disponible sur le serveur.") from exc
    return FileResponse(
        fichier, as_attachment=True, filename=diagnostic.document.name.split("/")[-1]
    )


def _libelles_statuts(rows) -> list[tuple[str, int]]:
    labels = dict(FicheAction.Statut.choices)
    return [(labels[r["statut"]], r["n"]) for r in rows]
