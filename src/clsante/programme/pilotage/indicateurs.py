"""Where an indicator stands against its target: the one rule, used by every page.

An indicator with a numeric target (``cible``) is judged from its last measure:

- **atteint**: the last value has reached the target, in the direction that goes from the
  baseline (``valeur_initiale``) to the target (up when the target is above the baseline or
  when there is no baseline, down otherwise);
- **en retard**: the target date (``date_cible``) is past and the target is not reached,
  whether or not anything was measured;
- **hors trajectoire**: the last value lies on the wrong side of the straight line drawn from
  the baseline, at the start of the fiche (or of the contract when the fiche has no start
  date), to the target at the target date; the line is read at the date of the measure, not
  today, because that is when the value held;
- **dans la trajectoire**: the last value is on or beyond that line;
- **non mesuré**: no measure yet, target date not past;
- **trajectoire non calculable**: measured, but a baseline, a start or a target date is
  missing, so only "atteint" and "en retard" can be said;
- **sans cible**: no numeric target, nothing to judge;
- **sans objet**: the fiche is abandoned, nothing more is expected from it.

"En retard" and "hors trajectoire" are the two alerts shown to users.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery

from clsante.programme.models import FicheAction, Indicateur, Mesure


class EtatIndicateur(models.TextChoices):
    ATTEINT = "atteint", "Cible atteinte"
    DANS_LA_TRAJECTOIRE = "dans_la_trajectoire", "Dans la trajectoire"
    HORS_TRAJECTOIRE = "hors_trajectoire", "Hors trajectoire"
    EN_RETARD = "en_retard", "En retard"
    NON_MESURE = "non_mesure", "Pas encore mesuré"
    NON_CALCULABLE = "non_calculable", "Trajectoire non calculable"
    SANS_CIBLE = "sans_cible", "Sans cible chiffrée"
    SANS_OBJET = "sans_objet", "Fiche abandonnée"


ALERTES = frozenset({EtatIndicateur.EN_RETARD, EtatIndicateur.HORS_TRAJECTOIRE})


def valeur_attendue(
    initiale: Decimal,
    cible: Decimal,
    debut: datetime.date,
    echeance: datetime.date,
    au: datetime.date,
) -> Decimal:
    """The value on the straight line from (debut, initiale) to (echeance, cible) at ``au``."""
    part = Decimal((au - debut).days) / Decimal((echeance - debut).days)
    part = min(max(part, Decimal(0)), Decimal(1))
    return initiale + (cible - initiale) * part


def etat_indicateur(
    *,
    initiale: Decimal | None,
    cible: Decimal | None,
    echeance: datetime.date | None,
    derniere_date: datetime.date | None,
    derniere_valeur: Decimal | None,
    debut: datetime.date | None,
    aujourd_hui: datetime.date,
    fiche_abandonnee: bool = False,
) -> EtatIndicateur:
    """Judge one indicator (rule in the module's docstring)."""
    if fiche_abandonnee:
        return EtatIndicateur.SANS_OBJET
    if cible is None:
        return EtatIndicateur.SANS_CIBLE
    hausse = initiale is None or cible >= initiale
    mesure = derniere_valeur is not None and derniere_date is not None
    if mesure and (derniere_valeur >= cible if hausse else derniere_valeur <= cible):
        return EtatIndicateur.ATTEINT
    if echeance is not None and echeance < aujourd_hui:
        return EtatIndicateur.EN_RETARD
    if not mesure:
        return EtatIndicateur.NON_MESURE
    if initiale is None or debut is None or echeance is None or echeance <= debut:
        return EtatIndicateur.NON_CALCULABLE
    attendue = valeur_attendue(initiale, cible, debut, echeance, derniere_date)
    en_dessous = derniere_valeur < attendue if hausse else derniere_valeur > attendue
    return EtatIndicateur.HORS_TRAJECTOIRE if en_dessous else EtatIndicateur.DANS_LA_TRAJECTOIRE


@dataclass(frozen=True)
class IndicateurSuivi:
    """An indicator with its last measure and its state, ready for a table."""

    indicateur: Indicateur
    derniere_date: datetime.date | None
    derniere_valeur: Decimal | None
    etat: EtatIndicateur

    @property
    def alerte(self) -> bool:
        return self.etat in ALERTES

    @property
    def avancement(self) -> int | None:
        """Share of the way from baseline to target, in percent (0–100), when it makes sense."""
        i = self.indicateur
        if i.cible is None or self.derniere_valeur is None:
            return None
        initiale = i.valeur_initiale if i.valeur_initiale is not None else Decimal(0)
        if i.cible == initiale:
            return 100 if self.etat == EtatIndicateur.ATTEINT else 0
        part = (self.derniere_valeur - initiale) / (i.cible - initiale) * 100
        return int(min(max(part, Decimal(0)), Decimal(100)))


def avec_derniere_mesure(indicateurs: QuerySet[Indicateur]) -> QuerySet[Indicateur]:
    """Annotate each indicator with the date and value of its last measure (no N+1)."""
    derniere = Mesure.objects.filter(indicateur=OuterRef("pk")).order_by("-date", "-pk")
    return indicateurs.annotate(
        derniere_date=Subquery(derniere.values("date")[:1]),
        derniere_valeur=Subquery(derniere.values("valeur")[:1]),
    )


def _mesure(date_mesure, valeur) -> tuple[datetime.date | None, Decimal | None]:
    """The last measure as read from a subquery, in Python types."""
    if isinstance(date_mesure, str):  # SQLite returns subquery dates as text
        date_mesure = datetime.date.fromisoformat(date_mesure)
    if valeur is not None and not isinstance(valeur, Decimal):
        valeur = Decimal(str(valeur))
    return date_mesure, valeur


def suivre(indicateur: Indicateur, aujourd_hui: datetime.date) -> IndicateurSuivi:
    """Judge an indicator loaded through ``indicateurs_suivis`` (fiche and contract joined)."""
    fiche = indicateur.fiche
    date_mesure, valeur = _mesure(indicateur.derniere_date, indicateur.derniere_valeur)
    etat = etat_indicateur(
        initiale=indicateur.valeur_initiale,
        cible=indicateur.cible,
        echeance=indicateur.date_cible,
        derniere_date=date_mesure,
        derniere_valeur=valeur,
        debut=fiche.date_debut or fiche.contrat.date_debut,
        aujourd_hui=aujourd_hui,
        fiche_abandonnee=fiche.statut == FicheAction.Statut.ABANDONNEE,
    )
    return IndicateurSuivi(indicateur, date_mesure, valeur, etat)


def indicateurs_suivis(contrat_ids: list[int], aujourd_hui: datetime.date) -> list[IndicateurSuivi]:
    """Every indicator of these contracts, judged, in programme order (one query)."""
    indicateurs = avec_derniere_mesure(
        Indicateur.objects.filter(fiche__contrat_id__in=contrat_ids)
        .select_related("fiche", "fiche__contrat", "fiche__axe")
        .order_by(*ORDRE_PROGRAMME)
    )
    return [suivre(i, aujourd_hui) for i in indicateurs]


ORDRE_PROGRAMME = ("fiche__contrat_id", "fiche__axe__numero", "fiche__numero", "pk")


def alertes_indicateurs(
    contrat_ids: list[int], aujourd_hui: datetime.date
) -> list[IndicateurSuivi]:
    """Only the indicators in alert, in programme order (two queries).

    Every indicator is judged from a plain row (no model objects: a region holds thousands
    of indicators); only those in alert are then loaded, with their fiche, for display.
    """
    rows = (
        avec_derniere_mesure(Indicateur.objects.filter(fiche__contrat_id__in=contrat_ids))
        .order_by(*ORDRE_PROGRAMME)
        .values_list(
            "pk",
            "valeur_initiale",
            "cible",
            "date_cible",
            "derniere_date",
            "derniere_valeur",
            "fiche__date_debut",
            "fiche__contrat__date_debut",
            "fiche__statut",
        )
    )
    en_alerte: dict[int, tuple] = {}
    for pk, initiale, cible, echeance, date, valeur, debut, debut_contrat, statut in rows:
        date, valeur = _mesure(date, valeur)
        etat = etat_indicateur(
            initiale=initiale,
            cible=cible,
            echeance=echeance,
            derniere_date=date,
            derniere_valeur=valeur,
            debut=debut or debut_contrat,
            aujourd_hui=aujourd_hui,
            fiche_abandonnee=statut == FicheAction.Statut.ABANDONNEE,
        )
        if etat in ALERTES:
            en_alerte[pk] = (date, valeur, etat)
    indicateurs = Indicateur.objects.filter(pk__in=list(en_alerte)).select_related("fiche")
    par_pk = {i.pk: i for i in indicateurs}
    return [IndicateurSuivi(par_pk[pk], *suivi) for pk, suivi in en_alerte.items()]
