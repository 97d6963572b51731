"""Small helpers shared by the contract's pages (directory, governance)."""

from __future__ import annotations

from django.urls import reverse

from clsante.contrats.models import Contrat


def fil_ariane(contrat: Contrat, courant: str, *liens: tuple[str, str]) -> dict:
    """django-dsfr breadcrumb data: home › contract › (title, url)… › current page."""
    contrat_lien = {"url": reverse("contrats:detail", args=[contrat.pk]), "title": contrat.nom}
    return {
        "links": [contrat_lien, *({"url": url, "title": titre} for titre, url in liens)],
        "current": courant,
    }
