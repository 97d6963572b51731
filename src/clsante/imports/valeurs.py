"""Read one cell as a typed value, tolerantly; a ``ValeurInvalide`` carries the French reason.

The tables of accepted words are documented in docs/import-programme.md.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from clsante.imports.champs import normaliser


class ValeurInvalide(ValueError):
    pass


def texte(valeur: Any) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    if isinstance(valeur, datetime.datetime):
        return valeur.date().strftime("%d/%m/%Y")
    if isinstance(valeur, datetime.date):
        return valeur.strftime("%d/%m/%Y")
    texte_ = str(valeur).replace("\r\n", "\n").strip()
    if texte_[:1] == "'" and texte_[1:2] in ("=", "+", "-", "@"):
        return texte_[1:]  # a cell neutralised by an export: read back what it said
    return texte_


FORMATS_DATE = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")
# The shape of the formats above: a date with this shape that none of them reads does not
# exist (31/02/2025, 2025-13-01).
FORME_DATE = r"\d{1,2}/\d{1,2}/(\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{4}"


def date(valeur: Any) -> datetime.date | None:
    if valeur in (None, ""):
        return None
    if isinstance(valeur, datetime.datetime):
        return valeur.date()
    if isinstance(valeur, datetime.date):
        return valeur
    brut = texte(valeur)
    for fmt in FORMATS_DATE:
        try:
            return datetime.datetime.strptime(brut, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(FORME_DATE, brut):
        raise ValeurInvalide(f"date inexistante « {brut} » (vérifiez le jour et le mois)")
    raise ValeurInvalide(f"date illisible « {brut} » (attendu JJ/MM/AAAA)")


def montant(valeur: Any) -> Decimal | None:
    if valeur in (None, ""):
        return None
    if isinstance(valeur, bool):
        raise ValeurInvalide(f"montant illisible « {valeur} »")
    if isinstance(valeur, int | float):
        nombre = Decimal(str(valeur))
    else:
        brut = re.sub(r"[\s\u00a0\u202f€]|HT|TTC|EUR", "", texte(valeur), flags=re.I)
        if "," in brut and "." in brut:
            brut = brut.replace(".", "")
        try:
            nombre = Decimal(brut.replace(",", "."))
        except InvalidOperation:
            raise ValeurInvalide(
                f"montant illisible « {texte(valeur)} » (attendu un nombre : 12500 ou 12 500,50)"
            ) from None
    if not nombre.is_finite() or nombre < 0 or nombre >= Decimal("1e10"):
        raise ValeurInvalide(f"montant impossible « {texte(valeur)} »")
    return nombre.quantize(Decimal("0.01"))


def annee(valeur: Any) -> int | None:
    if valeur in (None, ""):
        return None
    brut = texte(valeur)
    if not re.fullmatch(r"\d{4}", brut) or not 2000 <= int(brut) <= 2100:
        raise ValeurInvalide(f"année illisible « {brut} » (attendu AAAA, entre 2000 et 2100)")
    return int(brut)


def liste(valeur: Any) -> list[str]:
    """Items of a list cell: split on « ; » or new lines when present, else on commas."""
    brut = texte(valeur)
    if not brut:
        return []
    morceaux = re.split(r"[;\n]", brut) if re.search(r"[;\n]", brut) else brut.split(",")
    items = [re.sub(r"^[-•*]\s*", "", m).strip() for m in morceaux]
    return [i for i in items if i]


def lignes(valeur: Any) -> list[str]:
    """Items of a multi-line cell (one item per line), without bullets."""
    return [re.sub(r"^[-•*]\s*", "", m).strip() for m in texte(valeur).split("\n") if m.strip()]


# Tolerant words (normalised) → choice value.
STATUTS = {
    "prevue": "prevue",
    "prevu": "prevue",
    "a venir": "prevue",
    "a discuter": "prevue",
    "non demarree": "prevue",
    "non demarre": "prevue",
    "a lancer": "prevue",
    "planifiee": "prevue",
    "en cours": "en_cours",
    "encours": "en_cours",
    "demarree": "en_cours",
    "en retard": "en_cours",
    "realisee": "realisee",
    "realise": "realisee",
    "terminee": "realisee",
    "termine": "realisee",
    "achevee": "realisee",
    "faite": "realisee",
    "fait": "realisee",
    "reportee": "reportee",
    "reporte": "reportee",
    "en pause": "reportee",
    "suspendue": "reportee",
    "bloquee": "reportee",
    "bloque": "reportee",
    "en attente": "reportee",
    "abandonnee": "abandonnee",
    "abandonne": "abandonnee",
    "annulee": "abandonnee",
    "annule": "abandonnee",
}
PRIORITES = {
    "haute": "haute",
    "haut": "haute",
    "elevee": "haute",
    "eleve": "haute",
    "forte": "haute",
    "fort": "haute",
    "prioritaire": "haute",
    "1": "haute",
    "moyenne": "moyenne",
    "moyen": "moyenne",
    "normale": "moyenne",
    "2": "moyenne",
    "basse": "basse",
    "bas": "basse",
    "faible": "basse",
    "3": "basse",
}
PARTICIPATIONS = {
    "aucune": "aucune",
    "non": "aucune",
    "pas de participation citoyenne": "aucune",
    "pas de participation": "aucune",
    "information": "information",
    "consultation": "consultation",
    "concertation": "concertation",
    "co construction": "co_construction",
    "coconstruction": "co_construction",
    "co decision": "co_decision",
    "codecision": "co_decision",
}
STATUTS_FINANCEMENT = {
    "sollicite": "sollicite",
    "demande": "sollicite",
    "en attente": "sollicite",
    "acquis": "acquis",
    "accorde": "acquis",
    "obtenu": "acquis",
    "notifie": "acquis",
    "verse": "verse",
    "paye": "verse",
    "percu": "verse",
}


def choix(valeur: Any, table: dict[str, str], libelles: list[str], quoi: str) -> str | None:
    brut = texte(valeur)
    if not brut:
        return None
    norme = normaliser(brut)
    if norme in table:
        return table[norme]
    if norme.endswith("s") and norme[:-1] in table:
        return table[norme[:-1]]
    raise ValeurInvalide(f"{quoi} inconnu « {brut} » (attendu : {', '.join(libelles)})")
