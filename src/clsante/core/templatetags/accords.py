"""`|pluralize` for every template (a builtin, see settings.TEMPLATES), by the French rule.

Django's filter follows English: plural for everything but 1, so « 0 instances ». French
keeps the singular below 2 (« 0 instance », « 1 commune », « 2 communes »), as
`core.texte.pluriel` does in Python. Same arguments as Django's (« s », « x », « al,aux »).
"""

from __future__ import annotations

from django import template
from django.template import defaultfilters

from clsante.core.texte import au_pluriel

register = template.Library()


@register.filter(is_safe=False)
def pluralize(value, arg: str = "s") -> str:
    if "," not in arg:
        arg = "," + arg
    morceaux = arg.split(",")
    if len(morceaux) > 2:
        return ""
    singulier, pluriel = morceaux
    try:
        nombre = abs(float(value))
    except ValueError:  # a string that is not a number: Django's answer
        return defaultfilters.pluralize(value, arg)
    except TypeError:  # a sized object: its length
        try:
            nombre = len(value)
        except TypeError:
            return ""
    return pluriel if au_pluriel(nombre) else singulier
