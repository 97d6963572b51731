"""The « fiches à compléter » notice other pages (the home page) show to a porteur.

A template tag, so that the home page of the programme app can show it without the
programme importing the campaign (which depends on it).
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from clsante.bilan.avancement import a_completer

register = template.Library()


@register.inclusion_tag("bilan/_encart_a_completer.html", takes_context=True)
def encart_a_completer(context) -> dict:
    user = context["request"].user
    campagnes = []
    for campagne, lignes in a_completer(user, timezone.localdate()):
        restantes = sum(1 for ligne in lignes if ligne.etat != "repondu")
        if restantes:
            campagnes.append({"campagne": campagne, "restantes": restantes})
    return {"campagnes": campagnes}
