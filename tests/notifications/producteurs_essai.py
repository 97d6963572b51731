"""A reminder producer that notifies someone, then fails: its work must leave no trace."""

import datetime

from clsante.comptes.models import Utilisateur
from clsante.notifications.models import TypeNotification
from clsante.notifications.services import notifier


def produire_puis_echouer(aujourdhui: datetime.date) -> int:
    notifier(
        Utilisateur.objects.filter(username="coordinatrice.morlaix"),
        TypeNotification.ETAPE_EN_RETARD,
        "Rappel d'un producteur en panne",
        "Ce rappel ne doit jamais partir.",
        cle=f"panne-{aujourdhui}",
    )
    raise RuntimeError("panne simulée")
