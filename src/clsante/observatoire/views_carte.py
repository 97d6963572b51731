"""The map of a contract's communes, served as an SVG document beside the contract page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from clsante.contrats.acces import contrat_visible
from clsante.contrats.territoire import communes_du_territoire
from clsante.observatoire.carte_communes import document_svg, version

# The address carries the map's version (``?v=``): a page that names the current version
# lets the browser keep the map; any other address is checked again on each visit.
GARDER = "private, max-age=86400"
VERIFIER = "private, no-cache"


@xframe_options_sameorigin  # embedded by the contract page (an <object>)
def carte_communes_svg(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    communes = communes_du_territoire(contrat)
    svg = document_svg(communes)
    if svg is None:
        raise Http404("Aucun contour de commune n'est chargé pour ce contrat.")
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    a_jour = request.GET.get("v") == version(communes)[:16]
    response["Cache-Control"] = GARDER if a_jour else VERIFIER
    # A drawing, never a document that runs anything.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
