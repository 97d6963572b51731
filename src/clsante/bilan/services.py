"""Opening, reminding and closing a campaign, and notifying the porteurs concerned."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from clsante.bilan.avancement import (
    organisations_sans_compte,
    porteurs_concernes,
    porteurs_en_attente,
)
from clsante.bilan.models import CampagneBilan
from clsante.contrats.models import Contrat
from clsante.notifications.models import Notification, TypeNotification
from clsante.notifications.services import notifier


def _texte(campagne: CampagneBilan, debut: str) -> str:
    texte = (
        f"{debut} Mettez à jour le suivi des fiches actions que porte votre organisation "
        f"dans le {campagne.contrat.nom} : statut, avancement, indicateurs, financements. "
        f"Date limite de réponse : {campagne.date_limite:%d/%m/%Y}."
    )
    if campagne.message:
        texte += f"\n\n{campagne.message}"
    return texte


class CampagneEnDouble(Exception):
    """Another campaign of the contract was opened meanwhile (a double click, two tabs)."""


@dataclass(frozen=True)
class Invitation:
    personnes: int  # porteur accounts notified
    structures_sans_compte: int  # porteur organisations nobody could be invited for


@transaction.atomic
def ouvrir_campagne(campagne: CampagneBilan, auteur) -> Invitation:
    """Save a new campaign and invite its porteurs; says who was and who could not be.

    The form checked the rules when it was shown; they are checked again with the contract
    locked, so two openings at once give one campaign and a CampagneEnDouble, never a 500.
    """
    list(Contrat.objects.select_for_update().filter(pk=campagne.contrat_id).values("pk"))
    empechement = campagne.empechement()
    if empechement:
        raise CampagneEnDouble(empechement)
    campagne.ouverte_par = auteur
    try:
        with transaction.atomic():
            campagne.save()
    except IntegrityError as erreur:  # SQLite does not lock rows: the constraint decides
        raise CampagneEnDouble(
            f"Une campagne de bilan existe déjà pour {campagne.annee} sur ce contrat."
        ) from erreur
    comptes = porteurs_concernes(campagne)
    personnes = notifier(
        comptes,
        TypeNotification.CAMPAGNE_OUVERTE,
        f"Bilan annuel {campagne.annee} : vos fiches actions à compléter",
        _texte(campagne, f"La campagne de bilan {campagne.annee} est ouverte."),
        lien=reverse("bilan:mes_fiches"),
        contrat=campagne.contrat,
        cle=f"campagne-{campagne.pk}-ouverture",
    )
    return Invitation(personnes, organisations_sans_compte(campagne, comptes))


# A person invited or reminded less than this ago is not reminded again by a click.
DELAI_ENTRE_RELANCES = datetime.timedelta(hours=24)


@dataclass(frozen=True)
class Relance:
    relances: int  # people reminded now
    recents: int  # people left alone: invited or reminded within DELAI_ENTRE_RELANCES


def _sollicites_recemment(campagne: CampagneBilan, personnes: list) -> set[int]:
    """Ids of those who got any notification of this campaign within the delay."""
    depuis = timezone.now() - DELAI_ENTRE_RELANCES
    return set(
        Notification.objects.filter(
            destinataire__in=personnes,
            cle__startswith=f"campagne-{campagne.pk}-",
            cree_le__gte=depuis,
        ).values_list("destinataire_id", flat=True)
    )


def relancer(campagne: CampagneBilan) -> Relance:
    """Remind the porteurs who still have a fiche to answer, except those invited or
    reminded in the last 24 hours (two clicks in a row send one mail, not two).

    The key (one per campaign and day) also stops two simultaneous clicks from both sending.
    """
    en_attente = porteurs_en_attente(campagne)
    recents = _sollicites_recemment(campagne, en_attente)
    relances = notifier(
        [p for p in en_attente if p.pk not in recents],
        TypeNotification.CAMPAGNE_RELANCE,
        f"Rappel : bilan annuel {campagne.annee} à compléter",
        _texte(campagne, "Des fiches de votre organisation attendent encore votre réponse."),
        lien=reverse("bilan:mes_fiches"),
        contrat=campagne.contrat,
        cle=f"campagne-{campagne.pk}-relance-{timezone.localdate():%Y-%m-%d}",
    )
    return Relance(relances, len(recents))


# Automatic reminders: days from the deadline, and the key that makes each one unique.
ECHEANCES = ((-7, "j-7"), (0, "j0"), (3, "j+3"))


def _echeance_due(campagne: CampagneBilan, today: datetime.date) -> str | None:
    """The latest reminder reached by ``today``, if it falls after the opening day.

    Taking the latest one reached (not only the exact day) keeps a reminder whose day the
    worker missed; the key stops it from going twice.
    """
    ouverture = timezone.localtime(campagne.ouverte_le).date()
    due = None
    for jours, cle in ECHEANCES:
        jour = campagne.date_limite + datetime.timedelta(days=jours)
        if ouverture < jour <= today:
            due = cle
    return due


def rappeler_echeance(campagne: CampagneBilan, today: datetime.date) -> int:
    cle = _echeance_due(campagne, today)
    if cle is None:
        return 0
    if today < campagne.date_limite:
        titre = f"Bilan annuel {campagne.annee} : réponse attendue le {campagne.date_limite:%d/%m}"
        debut = "L'échéance de la campagne de bilan approche."
    elif today == campagne.date_limite:
        titre = f"Bilan annuel {campagne.annee} : réponse attendue aujourd'hui"
        debut = "C'est aujourd'hui la date limite de la campagne de bilan."
    else:
        titre = f"Bilan annuel {campagne.annee} : la date limite est dépassée"
        debut = "La date limite de la campagne de bilan est passée."
    return notifier(
        porteurs_en_attente(campagne),
        TypeNotification.CAMPAGNE_ECHEANCE,
        titre,
        _texte(campagne, debut),
        lien=reverse("bilan:mes_fiches"),
        contrat=campagne.contrat,
        cle=f"campagne-{campagne.pk}-{cle}",
    )


def cloturer(campagne: CampagneBilan) -> None:
    campagne.close_le = timezone.now()
    campagne.save(update_fields=["close_le"])


def rouvrir(campagne: CampagneBilan) -> str:
    """Open a closed campaign again; returns why it cannot be ("" when done)."""
    with transaction.atomic():
        Contrat.objects.select_for_update().filter(pk=campagne.contrat_id).first()  # as opening
        if empechement := campagne.empechement_a_rouvrir():
            return empechement
        campagne.close_le = None
        campagne.save(update_fields=["close_le"])
    return ""
