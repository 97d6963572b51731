"""What the campaign shows on other apps' pages, through settings (the home page's notices).

The home page belongs to the programme app, which the campaign depends on: it asks for its
notices through `settings.CLSANTE_ENCARTS_ACCUEIL` instead of importing this app.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from clsante.bilan.avancement import a_completer
from clsante.bilan.models import ReponseBilan


def fiches_a_completer(request: HttpRequest) -> str:
    """« Bilan 2026 : 3 fiches à compléter avant le 15 décembre », for a porteur."""
    campagnes = []
    today = timezone.localdate()
    for campagne, lignes in a_completer(request.user, today):
        restantes = sum(1 for ligne in lignes if ligne.etat != "repondu")
        if restantes:
            en_retard = campagne.echeance_depassee(today)
            campagnes.append({"campagne": campagne, "restantes": restantes, "en_retard": en_retard})
    if not campagnes:
        return ""
    return render_to_string("bilan/_encart_a_completer.html", {"campagnes": campagnes}, request)


def reponses_de_la_fiche(request: HttpRequest, fiche) -> str:
    """The porteurs' campaign answers for this fiche (publics and communes reached,
    difficulties), for the people who may read the annual review."""
    if not fiche.contrat.peut_lire_bilan(request.user):
        return ""
    reponses = list(
        ReponseBilan.objects.filter(fiche=fiche)
        .select_related("campagne", "repondu_par")
        .prefetch_related("communes_atteintes")
        .order_by("-campagne__annee")
    )
    if not reponses:
        return ""
    return render_to_string("bilan/_reponses_fiche.html", {"reponses": reponses}, request)
