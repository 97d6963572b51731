"""Scheduled reminders, produced once by `clsante preparer_rappels` (or the worker).

Every producer is idempotent: each reminder carries a key (`cle`) naming the situation it
is about, and `notifier()` never sends the same key twice to a person. Running the
producers every hour, or twice the same day, therefore sends nothing more.

Rules (also in docs/notifications.md):

- Indicator value due: an indicator whose target date (`date_cible`) is within the next
  30 days, or passed less than a year ago, and which has no value (`Mesure`) dated in the
  three months before its target date or later. Reminded once before the target date and
  once after it, to the people who may record it (`suiveurs_fiche`).
- Milestone late: a step `en_retard_au(today)`, reminded once per planned date (a step
  re-planned later is reminded again if it slips again), to the same people.
- Meeting coming: a meeting of the contract's bodies in the next 7 days, with its agenda,
  once per meeting and date, to everyone with a role on the contract.
- Programme change awaiting ARS validation: each pending `Avenant`, once, to the ARS
  referents of the contract's region and the contract's named referent.

Only real contracts (`synthetique=False`) that have not expired are considered.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from clsante.contrats.models import Contrat, Reunion
from clsante.notifications.destinataires import (
    personnes_du_contrat,
    referents_ars,
    suiveurs_fiche,
)
from clsante.notifications.models import TypeNotification
from clsante.notifications.services import notifier
from clsante.programme.models import Avenant, Etape, FicheAction, Indicateur, Mesure

AVANCE_INDICATEUR = datetime.timedelta(days=30)
PERIODE_MESURE = datetime.timedelta(days=91)
OUBLI_INDICATEUR = datetime.timedelta(days=365)
AVANCE_REUNION = datetime.timedelta(days=7)


def contrats_suivis():
    return Contrat.objects.filter(synthetique=False).exclude(statut=Contrat.Statut.ECHU)


def _date(d: datetime.date) -> str:
    return d.strftime("%d/%m/%Y")


def indicateurs_dus(aujourdhui: datetime.date):
    valeur_recente = Mesure.objects.filter(
        indicateur=OuterRef("pk"), date__gte=OuterRef("date_cible") - PERIODE_MESURE
    )
    return (
        Indicateur.objects.filter(
            fiche__contrat__in=contrats_suivis(),
            date_cible__lte=aujourdhui + AVANCE_INDICATEUR,
            date_cible__gte=aujourdhui - OUBLI_INDICATEUR,
        )
        .exclude(fiche__statut=FicheAction.Statut.ABANDONNEE)
        .exclude(Exists(valeur_recente))
        .select_related("fiche__contrat")
    )


def rappeler_indicateurs(aujourdhui: datetime.date) -> int:
    nombre = 0
    for indicateur in indicateurs_dus(aujourdhui):
        fiche = indicateur.fiche
        depassee = indicateur.date_cible < aujourdhui
        phase = "depassee" if depassee else "proche"
        quand = "était attendue" if depassee else "est attendue"
        cible = ""
        if indicateur.cible is not None:
            cible = f" La cible est de {indicateur.cible.normalize():f} {indicateur.unite}".rstrip()
            cible += "."
        texte = (
            f"Une valeur de l'indicateur « {indicateur.libelle} » de la fiche {fiche} "
            f"{quand} pour le {_date(indicateur.date_cible)}.{cible} "
            "Vous pouvez la saisir dans l'onglet Suivi de la fiche."
        )
        nombre += notifier(
            suiveurs_fiche(fiche),
            TypeNotification.INDICATEUR_DU,
            f"Indicateur à renseigner : {indicateur.libelle} (fiche {fiche.numero})",
            texte,
            lien=reverse("programme:fiche_suivi", args=[fiche.pk]),
            contrat=fiche.contrat,
            cle=f"indicateur-du-{indicateur.pk}-{indicateur.date_cible:%Y-%m-%d}-{phase}",
        )
    return nombre


def etapes_en_retard(aujourdhui: datetime.date):
    termines = [Etape.Statut.REALISEE, Etape.Statut.ABANDONNEE]
    return (
        Etape.objects.filter(fiche__contrat__in=contrats_suivis())
        .filter(
            Q(statut=Etape.Statut.EN_RETARD)
            | (Q(date_prevue__lt=aujourdhui) & ~Q(statut__in=termines))
        )
        .exclude(fiche__statut=FicheAction.Statut.ABANDONNEE)
        .select_related("fiche__contrat")
    )


def rappeler_etapes(aujourdhui: datetime.date) -> int:
    nombre = 0
    for etape in etapes_en_retard(aujourdhui):
        fiche = etape.fiche
        prevue = f" était prévue le {_date(etape.date_prevue)} et" if etape.date_prevue else ""
        texte = (
            f"L'étape « {etape.libelle} » de la fiche {fiche}{prevue} n'est pas réalisée. "
            "Mettez à jour son statut ou sa date dans l'onglet Suivi de la fiche."
        )
        nombre += notifier(
            suiveurs_fiche(fiche),
            TypeNotification.ETAPE_EN_RETARD,
            f"Étape en retard : {etape.libelle} (fiche {fiche.numero})",
            texte,
            lien=reverse("programme:fiche_suivi", args=[fiche.pk]),
            contrat=fiche.contrat,
            cle=f"etape-en-retard-{etape.pk}-{etape.date_prevue or 'sans-date'}",
        )
    return nombre


def rappeler_reunions(aujourdhui: datetime.date) -> int:
    nombre = 0
    reunions = Reunion.objects.filter(
        instance__contrat__in=contrats_suivis(),
        date__gte=aujourdhui,
        date__lte=aujourdhui + AVANCE_REUNION,
    ).select_related("instance__contrat")
    for reunion in reunions:
        contrat = reunion.instance.contrat
        lieu = f" ({reunion.lieu})" if reunion.lieu else ""
        ordre = reunion.ordre_du_jour.strip() or "non communiqué"
        texte = (
            f"{reunion.instance.nom} se réunit le {_date(reunion.date)}{lieu}.\n"
            f"Ordre du jour : {ordre}"
        )
        nombre += notifier(
            personnes_du_contrat(contrat),
            TypeNotification.REUNION_PROCHAINE,
            f"Réunion le {_date(reunion.date)} : {reunion.instance.nom}",
            texte,
            lien=reverse("contrats:reunion", args=[contrat.pk, reunion.pk]),
            contrat=contrat,
            cle=f"reunion-{reunion.pk}-{reunion.date:%Y-%m-%d}",
        )
    return nombre


def rappeler_avenants(aujourdhui: datetime.date) -> int:
    nombre = 0
    avenants = Avenant.objects.filter(
        contrat__in=contrats_suivis(), statut=Avenant.Statut.EN_ATTENTE
    ).select_related("contrat")
    for avenant in avenants:
        contrat = avenant.contrat
        texte = (
            f"{avenant.get_type_display()} (fiche {avenant.numero_fiche}) demandée le "
            f"{_date(avenant.date)} pour le {contrat.nom}.\nMotif : {avenant.motif}\n"
            "Elle attend la validation de l'ARS."
        )
        nombre += notifier(
            referents_ars(contrat),
            TypeNotification.AVENANT_A_VALIDER,
            f"Modification du programme à valider : fiche {avenant.numero_fiche}",
            texte,
            lien=reverse("programme:avenants", args=[contrat.pk]),
            contrat=contrat,
            cle=f"avenant-a-valider-{avenant.pk}",
        )
    return nombre


PRODUCTEURS = [rappeler_indicateurs, rappeler_etapes, rappeler_reunions, rappeler_avenants]


def produire(aujourdhui: datetime.date) -> int:
    """Every reminder of this app due on that day; returns the number of people notified."""
    return sum(producteur(aujourdhui) for producteur in PRODUCTEURS)
