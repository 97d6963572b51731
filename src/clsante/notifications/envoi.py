"""Sending the outbox through Django's mail API (settings.EMAIL_BACKEND), with retries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone

from clsante.notifications.models import Courriel

# While a worker sends a mail, the mail is "claimed" by pushing its next attempt this far:
# a second worker running at the same time skips it instead of sending it twice.
RESERVATION = datetime.timedelta(minutes=10)


@dataclass
class BilanEnvoi:
    envoyes: int = 0
    reportes: int = 0  # failed, another attempt is scheduled
    echecs: int = 0  # failed for the last time

    def __str__(self) -> str:
        return (
            f"{self.envoyes} courriel(s) envoyé(s), {self.reportes} reporté(s) après une erreur, "
            f"{self.echecs} en échec définitif."
        )


def _reserver(courriel: Courriel, maintenant: datetime.datetime) -> bool:
    return bool(
        Courriel.objects.filter(
            pk=courriel.pk,
            statut=Courriel.Statut.A_ENVOYER,
            prochain_essai=courriel.prochain_essai,
        ).update(prochain_essai=maintenant + RESERVATION)
    )


def _message(courriel: Courriel, connexion) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=courriel.sujet,
        body=courriel.corps,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[courriel.adresse],
        connection=connexion,
    )
    if courriel.corps_html:
        message.attach_alternative(courriel.corps_html, "text/html")
    return message


def envoyer_courriels(limite: int = 500) -> BilanEnvoi:
    """Send the mails that are due; record each failure and schedule its retry."""
    bilan = BilanEnvoi()
    maintenant = timezone.now()
    dus = list(Courriel.objects.a_envoyer(maintenant).order_by("prochain_essai", "pk")[:limite])
    if not dus:
        return bilan
    connexion = get_connection(fail_silently=False)
    for courriel in dus:
        if not _reserver(courriel, maintenant):
            continue
        try:
            _message(courriel, connexion).send(fail_silently=False)
        except Exception as erreur:  # any backend error: keep it, retry later
            courriel.noter_echec(f"{type(erreur).__name__} : {erreur}", timezone.now())
            if courriel.statut == Courriel.Statut.ECHEC:
                bilan.echecs += 1
            else:
                bilan.reportes += 1
        else:
            courriel.noter_envoi(timezone.now())
            bilan.envoyes += 1
    return bilan
