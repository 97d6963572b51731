"""The annual review's indicators: the last value up to 31 December against the target."""

from __future__ import annotations

import datetime
from decimal import Decimal

from clsante.documents.contenus._commun import jour, valeur_unite
from clsante.documents.structure import Paragraphe, Section, Tableau
from clsante.programme.models import FicheAction, Indicateur, Mesure


def section_indicateurs(annee: int, fin: datetime.date, fiches: list[FicheAction]) -> Section:
    lignes = []
    for fiche in fiches:
        for indicateur in fiche.indicateurs.all():
            mesures = list(indicateur.mesures.all())
            derniere = mesures[0] if mesures else None
            lignes.append(
                [
                    fiche.numero,
                    indicateur.libelle,
                    valeur_unite(indicateur.valeur_initiale, indicateur.unite),
                    f"{valeur_unite(derniere.valeur, indicateur.unite)} ({jour(derniere.date)})"
                    if derniere
                    else "aucune valeur",
                    valeur_unite(indicateur.cible, indicateur.unite)
                    + (f" ({jour(indicateur.date_cible)})" if indicateur.date_cible else ""),
                    _position(indicateur, derniere),
                ]
            )
    titre = "Indicateurs et cibles"
    if not lignes:
        return Section(titre, 1, [Paragraphe("Aucun indicateur n'est défini.")])
    entetes = ["Fiche", "Indicateur", "Valeur initiale", f"Valeur au {jour(fin)}", "Cible"]
    tableau = Tableau(
        [*entetes, "Position"], lignes, f"Indicateurs au regard de leur cible, {annee}"
    )
    return Section(titre, 1, [tableau])


def _position(indicateur: Indicateur, derniere: Mesure | None) -> str:
    """Where the value stands between the baseline and the target."""
    cible, depart = indicateur.cible, indicateur.valeur_initiale
    if cible is None:
        return "Sans cible chiffrée"
    if derniere is None:
        return "Aucune valeur"
    depart = depart if depart is not None else Decimal(0)
    baisse = cible < depart
    if (derniere.valeur <= cible) if baisse else (derniere.valeur >= cible):
        return "Cible atteinte"
    if cible == depart:
        return "En cours"
    part = int(max(0, min(100, (derniere.valeur - depart) / (cible - depart) * 100)))
    return f"{part} % du chemin vers la cible"
