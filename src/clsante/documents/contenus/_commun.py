"""Formatting shared by the builders: French numbers, amounts and dates as plain text."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django.utils.text import slugify

from clsante.core.templatetags.humanize_fr import euros, nombre

__all__ = ["euros", "jour", "nom_fichier", "nombre", "valeur_unite"]

DECIMALE = re.compile(r"(?<=\d)\.(?=\d)")


def jour(date: datetime.date | None) -> str:
    return date.strftime("%d/%m/%Y") if date else ""


def valeur_unite(valeur: Decimal | None, unite: str) -> str:
    if valeur is None:
        return "—"
    return f"{nombre(valeur)} {unite}".strip()


def nom_fichier(*parties: object) -> str:
    """An ASCII-only file name (no accents, spaces or quotes), at most 90 characters.

    A dot between digits stays, so fiche 1.4 is « fiche-1.4-… », not « fiche-14-… ».
    """
    morceaux = DECIMALE.split(" ".join(str(p) for p in parties))
    nom = ".".join(slugify(m) for m in morceaux)
    return nom[:90].strip("-.") or "document"
