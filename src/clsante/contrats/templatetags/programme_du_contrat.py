"""`{% lignes_fiches fiches %}`: the items of an axe's fiches on the contract page.

A contract lists tens of fiches: written by a template loop, with a link, a status badge
and a porteur each, they cost more than the page's queries. They are joined here from
plain rows (`contrats.views._programme`), every value escaped.
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from clsante.core.chemins import chemin
from clsante.programme.models import FicheAction

register = template.Library()

STATUTS = dict(FicheAction.Statut.choices)
HORS_PROGRAMMATION = (
    '<span class="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon">'
    "Hors programmation initiale</span>"
)


@register.simple_tag
def lignes_fiches(fiches: list[dict]) -> SafeString:
    return mark_safe("\n".join(_ligne(f) for f in fiches))  # noqa: S308 (escaped in _ligne)


def _ligne(fiche: dict) -> str:
    lien = escape(chemin("programme:fiche", fiche["pk"]))
    titre = escape(f"Fiche {fiche['numero']} — {fiche['titre']}")
    statut = escape(str(STATUTS.get(fiche["statut"], fiche["statut"])))
    morceaux = [
        f'<li><a href="{lien}">{titre}</a>',
        f'<span class="fr-badge fr-badge--sm fr-badge--no-icon">{statut}</span>',
    ]
    if fiche["hors_programmation"]:
        morceaux.append(HORS_PROGRAMMATION)
    if fiche["porteur__nom"]:
        morceaux.append(
            f'<br><span class="fr-text--sm">Porteur : {escape(fiche["porteur__nom"])}</span>'
        )
    return "\n".join(morceaux) + "</li>"
