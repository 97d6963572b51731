"""Where a fiche's indicators stand: last value, progress toward the target, late or not."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from clsante.programme.models import Indicateur, Mesure


@dataclass(frozen=True)
class EtatIndicateur:
    indicateur: Indicateur
    derniere: Mesure | None
    etat: str  # atteint, en_retard, en_cours, sans_mesure, non_quantifie
    libelle: str
    avancement: int | None  # percent of the way from the baseline to the target

    @property
    def badge(self) -> str:
        return {"atteint": "success", "en_retard": "error", "en_cours": "info"}.get(self.etat, "")


def _derniere(indicateur: Indicateur) -> Mesure | None:
    """The latest value, read from prefetched ``mesures`` when there are."""
    mesures = list(indicateur.mesures.all())
    return max(mesures, key=lambda m: (m.date, m.pk)) if mesures else None


def _avancement(depart: Decimal | None, cible: Decimal, valeur: Decimal) -> int | None:
    depart = depart if depart is not None else Decimal(0)
    if cible == depart:
        return 100 if valeur == cible else None
    part = (valeur - depart) / (cible - depart) * 100
    return int(max(0, min(100, part)))


def _atteinte(depart: Decimal | None, cible: Decimal, valeur: Decimal) -> bool:
    if depart is not None and cible < depart:  # a target to bring down
        return valeur <= cible
    return valeur >= cible


def etat_indicateur(indicateur: Indicateur, today: datetime.date | None = None) -> EtatIndicateur:
    today = today or datetime.date.today()
    derniere = _derniere(indicateur)
    echeance_passee = indicateur.date_cible is not None and indicateur.date_cible < today
    cible, depart = indicateur.cible, indicateur.valeur_initiale
    if cible is None:
        return EtatIndicateur(indicateur, derniere, "non_quantifie", "Sans cible chiffrée", None)
    if derniere is None:
        if echeance_passee:
            return EtatIndicateur(
                indicateur, None, "en_retard", "En retard : aucune valeur à l'échéance", None
            )
        return EtatIndicateur(indicateur, None, "sans_mesure", "Aucune valeur saisie", None)
    avancement = _avancement(depart, cible, derniere.valeur)
    if _atteinte(depart, cible, derniere.valeur):
        return EtatIndicateur(indicateur, derniere, "atteint", "Cible atteinte", avancement)
    if echeance_passee:
        return EtatIndicateur(
            indicateur, derniere, "en_retard", "En retard : échéance dépassée", avancement
        )
    return EtatIndicateur(indicateur, derniere, "en_cours", "En cours", avancement)


def etats_indicateurs(indicateurs, today: datetime.date | None = None) -> list[EtatIndicateur]:
    return [etat_indicateur(i, today) for i in indicateurs]
