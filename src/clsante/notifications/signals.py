"""Forget a person's unread count when one of her notifications changes (`compteur`)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from clsante.notifications.compteur import oublier
from clsante.notifications.models import Notification


@receiver(post_save, sender=Notification)
@receiver(post_delete, sender=Notification)
def notification_changee(sender, instance: Notification, **kwargs) -> None:
    # Now, and again after the commit: a count read meanwhile by another request (which
    # cannot see the uncommitted row yet) would be the old one.
    destinataire = instance.destinataire_id
    oublier(destinataire)
    transaction.on_commit(lambda: oublier(destinataire))
