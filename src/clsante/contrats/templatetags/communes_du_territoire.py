"""`{% lignes_communes communes territoire %}`: the rows of a contract's communes table.

A contract may cover two hundred communes: written by a template loop, their rows took
more time than the rest of the contract page. They are joined here, every value escaped.
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from clsante.core.templatetags.humanize_fr import nombre

register = template.Library()

NON_RENSEIGNEE = "non renseignée"


@register.simple_tag
def lignes_communes(communes, territoire: dict) -> SafeString:
    """One ``<tr>`` per commune, with the optional columns ``territoire`` says are known."""
    return mark_safe(  # noqa: S308 (every value is escaped in _cellules)
        "\n".join(f"<tr>{_cellules(c, territoire)}</tr>" for c in communes)
    )


def _cellules(commune, territoire: dict) -> str:
    valeurs = [commune.nom, commune.insee, commune.departement.code, nombre(commune.population)]
    if territoire["rural"]:
        valeurs.append(commune.get_grille_densite_display() or NON_RENSEIGNEE)
    if territoire["qpv"]:
        qpv = commune.population_qpv
        valeurs.append(NON_RENSEIGNEE if qpv is None else nombre(qpv))
    valeurs.append(commune.fiches_actions)
    return "".join(f"<td>{escape(str(v))}</td>" for v in valeurs)
