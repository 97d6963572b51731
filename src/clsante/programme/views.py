from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clsante.grille.referentiel import AXES, grille
from clsante.programme.models import FicheAction


def fiche_visible(request: HttpRequest, pk: int) -> FicheAction:
    """The single access rule for reading a fiche action: 404 when not visible."""
    queryset = FicheAction.objects.visibles_par(request.user).select_related(
        "contrat", "axe", "porteur", "porteur_initial"
    )
    return get_object_or_404(queryset, pk=pk)


def fiche_detail(request: HttpRequest, pk: int) -> HttpResponse:
    fiche = fiche_visible(request, pk)
    codage = getattr(fiche, "codage", None)
    context = {
        "title": f"Fiche {fiche.numero} — {fiche.titre}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "communes": fiche.communes.all(),
        "partenaires": fiche.partenaires.all(),
        "etapes": fiche.etapes.all(),
        "notes": fiche.notes.select_related("auteur"),
        "financements": fiche.financements.select_related("financeur"),
        "indicateurs": fiche.indicateurs.prefetch_related("mesures"),
        "besoins": fiche.besoins.all(),
        "objectifs": fiche.objectifs.all(),
        "fiches_liees": fiche.fiches_liees.all(),
        "codage": codage,
        "codage_libelles": {axe: codage.libelles(axe) for axe in AXES} if codage else {},
        "publics_libelles": [grille().libelle("publics", c) for c in fiche.publics],
    }
    return render(request, "programme/fiche.html", context)
