"""`{% carte_communes contrat communes %}`: the figure of a contract's communes map."""

from django import template
from django.utils.safestring import mark_safe

from clsante.observatoire.carte_communes import figure_communes

register = template.Library()


@register.simple_tag
def carte_communes(contrat, communes) -> str:
    """Communes carry ``fiches_actions`` and ``Commune.objects.avec_cadre()``'s boxes;
    nothing is shown when none has an outline."""
    # The markup is rendered from our own template, with names autoescaped.
    return mark_safe(figure_communes(contrat.pk, communes))  # noqa: S308
