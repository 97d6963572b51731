"""`{% url %}` for every template (a builtin, see settings.TEMPLATES), through `chemin()`.

Parsing and the behaviour are Django's own tag's: this node only answers, from
`core.chemins`, the common case of a route name and positional ids, and hands every
other case to the Django node it wraps.
"""

from __future__ import annotations

from django import template
from django.template import defaulttags
from django.utils.html import conditional_escape

from clsante.core.chemins import chemin_connu

register = template.Library()


class LienRapide(template.Node):
    child_nodelists = ()

    def __init__(self, noeud: defaulttags.URLNode):
        self.noeud = noeud

    def render(self, context) -> str:
        noeud = self.noeud
        if noeud.kwargs:
            return noeud.render(context)
        args = [arg.resolve(context) for arg in noeud.args]
        url = chemin_connu(noeud.view_name.resolve(context), args, _application(context))
        if url is None:
            return noeud.render(context)
        if noeud.asvar:
            context[noeud.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


def _application(context) -> str | None:
    """The current namespace, looked up as Django's tag does (it matters for the admin)."""
    request = getattr(context, "request", None)
    if request is None:
        return None
    if hasattr(request, "current_app"):
        return request.current_app
    match = getattr(request, "resolver_match", None)
    return match.namespace if match is not None else None


@register.tag
def url(parser, token) -> LienRapide:
    return LienRapide(defaulttags.url(parser, token))
