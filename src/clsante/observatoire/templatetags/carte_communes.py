"""`{% carte_communes communes %}`: a contract's communes filled by the fiches naming them."""

from django import template
from django.utils.safestring import mark_safe

from clsante.observatoire.carte_communes import carte_communes as dessiner

register = template.Library()


@register.simple_tag
def carte_communes(communes) -> str:
    """Communes carry ``fiches_actions`` and ``Commune.objects.avec_cadre()``'s boxes;
    nothing is drawn when none has an outline."""
    # The markup is rendered from our own template, with names autoescaped.
    return mark_safe(dessiner(communes))  # noqa: S308
