"""What the campaign shows on other apps' pages, through settings (the home page's notices).

The home page belongs to the programme app, which the campaign depends on: it asks for its
notices through `settings.CLSANTE_ENCARTS_ACCUEIL` instead of importing this app.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from clsante.bilan.avancement import a_completer


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
