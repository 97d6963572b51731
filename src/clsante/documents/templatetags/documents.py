"""Download links for the documents, shown only to those the views would serve."""

from __future__ import annotations

import datetime

from django import template
from django.urls import reverse

from clsante.documents.acces import peut_lire_bilan
from clsante.documents.rendu import FORMATS

register = template.Library()


def _groupe(libelle: str, nom: str, *args) -> dict:
    liens = [
        {"url": reverse(nom, args=[*args, cle]), "texte": f"{libelle} en {fmt.libelle}"}
        for cle, fmt in FORMATS.items()
    ]
    return {"libelle": libelle, "liens": liens}


@register.inclusion_tag("documents/_telecharger.html")
def telecharger_fiche(fiche) -> dict:
    return {"groupes": [_groupe("Fiche", "documents:fiche", fiche.pk)]}


@register.inclusion_tag("documents/_telecharger.html", takes_context=True)
def telecharger_contrat(context, contrat) -> dict:
    groupes = [_groupe("Synthèse du contrat", "documents:synthese", contrat.pk)]
    if peut_lire_bilan(contrat, context["request"].user):
        annee = datetime.date.today().year
        groupes.append(_groupe(f"Bilan annuel {annee}", "documents:bilan", contrat.pk, annee))
    return {"groupes": groupes}
