"""Each person's unread count, shown in every page's header, kept in the shared cache.

A count query on every page cost as much as a page's own list: the count is kept in the
cache the server's processes share (``partage``) and forgotten whenever one of the
person's notifications is written or deleted (`signals`), or all are marked read. The
lifetime bounds what a write outside the ORM's signals could leave behind.
"""

from __future__ import annotations

from django.core.cache import caches

from clsante.notifications.models import Notification

DUREE = 300


def _cle(utilisateur_id: int) -> str:
    return f"notifications-non-lues:{utilisateur_id}"


def non_lues(utilisateur) -> int:
    partage = caches["partage"]
    nombre = partage.get(_cle(utilisateur.pk))
    if nombre is None:
        nombre = Notification.objects.non_lues().filter(destinataire=utilisateur).count()
        partage.set(_cle(utilisateur.pk), nombre, timeout=DUREE)
    return nombre


def oublier(utilisateur_id: int) -> None:
    caches["partage"].delete(_cle(utilisateur_id))
