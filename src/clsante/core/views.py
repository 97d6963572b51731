from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.contrats.models import Contrat

PAGES_LEGALES = {
    "accessibilite": "Déclaration d'accessibilité",
    "mentions": "Mentions légales",
    "donnees_personnelles": "Données personnelles",
}


def accueil(request: HttpRequest) -> HttpResponse:
    contrats = (
        Contrat.objects.visibles_par(request.user)
        .select_related("region", "porteuse")
        .order_by("-generation", "nom")
    )
    return render(request, "core/accueil.html", {"contrats": contrats, "title": "Mes contrats"})


@login_not_required
def page_legale(request: HttpRequest, page: str) -> HttpResponse:
    if page not in PAGES_LEGALES:
        raise Http404
    return render(request, f"core/{page}.html", {"title": PAGES_LEGALES[page]})
