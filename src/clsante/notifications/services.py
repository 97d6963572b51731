"""The public interface other apps use to notify people: `notifier()`."""

from __future__ import annotations

import contextlib
import contextvars
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from clsante.notifications.models import (
    DEFAUTS,
    Courriel,
    Notification,
    PreferenceNotification,
    TypeNotification,
)


def preferences_de(utilisateurs: Iterable, type: str) -> dict[int, tuple[bool, bool]]:
    """(in app, by e-mail) for each person id, for one type, in one query."""
    ids = [u.pk for u in utilisateurs]
    choix = {pk: DEFAUTS.get(type, (True, True)) for pk in ids}
    for p in PreferenceNotification.objects.filter(utilisateur_id__in=ids, type=type):
        choix[p.utilisateur_id] = (p.dans_application, p.par_courriel)
    return choix


def url_absolue(lien: str) -> str:
    if not lien:
        return settings.CLSANTE_URL_SITE.rstrip("/") + "/"
    if lien.startswith(("http://", "https://")):
        return lien
    return settings.CLSANTE_URL_SITE.rstrip("/") + "/" + lien.lstrip("/")


def _courriel(notification: Notification, adresse: str) -> Courriel:
    contexte = {
        "notification": notification,
        "destinataire": notification.destinataire,
        "type_libelle": TypeNotification(notification.type).label,
        "url": url_absolue(notification.lien),
        "url_preferences": url_absolue("/notifications/preferences/"),
    }
    sujet = f"[CLSanté] {notification.titre}"[:250]
    return Courriel(
        destinataire=notification.destinataire,
        notification=notification,
        adresse=adresse,
        sujet=sujet,
        corps=render_to_string("notifications/courriel.txt", contexte),
    )


# While reminders are prepared, mails wait here so that each person gets one mail per run.
_en_attente: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "courriels_en_attente", default=None
)


@contextlib.contextmanager
def courriels_regroupes() -> Iterator[list[Notification]]:
    """Queue one mail per person for all the notifications made inside the block.

    Yields the waiting list: a caller that rolls back part of its work truncates it to
    the length it had before (see `taches._executer`). Run the block inside the same
    transaction as the notifications, so that they and their mails commit together.
    """
    attente: list[Notification] = []
    jeton = _en_attente.set(attente)
    try:
        yield attente
    finally:
        _en_attente.reset(jeton)
    par_personne: dict[int, list[Notification]] = defaultdict(list)
    for notification in attente:
        par_personne[notification.destinataire_id].append(notification)
    for notifications in par_personne.values():
        _mettre_en_file(notifications)


def _mettre_en_file(notifications: list[Notification]) -> None:
    premiere = notifications[0]
    adresse = premiere.destinataire.email
    if len(notifications) == 1:
        _courriel(premiere, adresse).save()
        return
    contexte = {
        "destinataire": premiere.destinataire,
        "rappels": [(n, url_absolue(n.lien)) for n in notifications],
        "url_preferences": url_absolue("/notifications/preferences/"),
    }
    Courriel.objects.create(
        destinataire=premiere.destinataire,
        adresse=adresse,
        sujet=f"[CLSanté] {len(notifications)} rappels vous concernent",
        corps=render_to_string("notifications/courriel_groupe.txt", contexte),
    )


def _uniques(destinataires: Iterable) -> list:
    vus: dict[int, object] = {}
    for u in destinataires:
        if u is not None and u.is_active and u.pk not in vus:
            vus[u.pk] = u
    return list(vus.values())


def notifier(
    destinataires: Iterable,
    type: str,
    titre: str,
    texte: str,
    *,
    lien: str = "",
    contrat=None,
    cle: str = "",
) -> int:
    """Create the in-app notification and queue the e-mail for each person.

    Follows each person's preferences (in app / by e-mail; no address means in app only) and
    skips a person who already has a notification with this `cle`, so scheduled reminders are
    never repeated. Returns the number of people notified (reached by at least one channel).
    """
    personnes = _uniques(destinataires)
    if not personnes:
        return 0
    if cle:
        deja = set(
            Notification.objects.filter(
                cle=cle, destinataire_id__in=[p.pk for p in personnes]
            ).values_list("destinataire_id", flat=True)
        )
        personnes = [p for p in personnes if p.pk not in deja]
    choix = preferences_de(personnes, type)
    nombre = 0
    for personne in personnes:
        dans_application, par_courriel = choix[personne.pk]
        par_courriel = par_courriel and bool(personne.email)
        if not (dans_application or par_courriel):
            continue
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    destinataire=personne,
                    type=type,
                    titre=titre[:250],
                    texte=texte,
                    lien=lien[:500],
                    contrat=contrat,
                    cle=cle[:200],
                    dans_application=dans_application,
                )
                if par_courriel:
                    attente = _en_attente.get()
                    if attente is None:
                        _courriel(notification, personne.email).save()
                    else:
                        attente.append(notification)
        except IntegrityError:  # the same key was written concurrently: already notified
            continue
        nombre += 1
    return nombre
