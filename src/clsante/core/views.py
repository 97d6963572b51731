from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

PAGES_LEGALES = {
    "accessibilite": "Déclaration d'accessibilité",
    "mentions": "Mentions légales",
    "donnees_personnelles": "Données personnelles",
}


@login_not_required
def sante(request: HttpRequest) -> HttpResponse:
    """A minimal page: load balancers' health check and the benchmarks' floor."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def page_legale(request: HttpRequest, page: str) -> HttpResponse:
    if page not in PAGES_LEGALES:
        raise Http404
    return render(request, f"core/{page}.html", {"title": PAGES_LEGALES[page]})


@login_not_required
def erreur_403(request: HttpRequest, exception=None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else None
    context = {"title": "Accès refusé", "message": message}
    return render(request, "403.html", context, status=403)


@login_not_required
def erreur_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", {"title": "Page introuvable"}, status=404)


@login_not_required
def csrf_refuse(request: HttpRequest, reason: str = "") -> HttpResponse:
    message = (
        "Le formulaire a expiré ou ne provient pas de CLSanté. Rechargez la page et "
        "recommencez : rien n'a été enregistré."
    )
    return render(
        request, "403.html", {"title": "Formulaire refusé", "message": message}, status=403
    )
