"""`{% carte_territoire departements %}`: a contract's department(s) on a small offline map."""

from django import template
from django.utils.safestring import mark_safe

from clsante.observatoire.carte import CarteIndisponible
from clsante.observatoire.carte_territoire import carte_departements

register = template.Library()


@register.simple_tag
def carte_territoire(departements) -> str:
    """Departments are objects with a ``code``; nothing is drawn when outlines are missing."""
    try:
        # The markup is rendered from our own template, with names autoescaped.
        return mark_safe(carte_departements([d.code for d in departements]))  # noqa: S308
    except CarteIndisponible:
        return ""
