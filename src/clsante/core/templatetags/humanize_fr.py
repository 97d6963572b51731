from decimal import Decimal

from django import template
from django.utils import dateformat

from clsante.core.texte import date_fr

register = template.Library()

THIN_SPACE = "\u202f"


@register.filter
def nombre(value) -> str:
    """French number formatting: thin spaces between thousands, comma decimals."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | float) and value != int(value):
        entier, _, decimales = f"{value:,.2f}".partition(".")
        return f"{entier.replace(',', THIN_SPACE)},{decimales.rstrip('0') or '0'}"
    return f"{int(value):,}".replace(",", THIN_SPACE)


@register.filter
def euros(value) -> str:
    return f"{nombre(value)}\u00a0€" if value not in (None, "") else ""


@register.filter
def pourcent(value) -> str:
    """A share (0–1) as a French percentage with one decimal."""
    if value is None or value == "":
        return ""
    return f"{value * 100:.1f}".replace(".", ",") + "\u00a0%"


@register.filter(expects_localtime=True)
def date_longue(value, avec: str = "") -> str:
    """« 1er septembre 2026 », « 2 septembre 2026 »: the French ordinal on the first day.

    ``avec``: "jour" puts the weekday first (« lundi 1er septembre 2026 »), "heure" adds
    the time (« 1er septembre 2026 à 09:30 »).
    """
    if not value:
        return ""
    texte = date_fr(value)
    if avec == "jour":
        texte = f"{dateformat.format(value, 'l')} {texte}"
    elif avec == "heure":
        texte = f"{texte} à {dateformat.format(value, 'H:i')}"
    return texte
