"""Scheduled reminders of the open review campaigns (run daily by the notifications worker)."""

from __future__ import annotations

import datetime

from clsante.bilan.models import CampagneBilan
from clsante.bilan.services import rappeler_echeance


def produire(aujourdhui: datetime.date) -> int:
    """Remind the porteurs still due 7 days before, on and 3 days after each deadline.

    Idempotent for a given day: each reminder carries a key per campaign and stage.
    """
    campagnes = CampagneBilan.objects.ouvertes().select_related("contrat")
    return sum(rappeler_echeance(campagne, aujourdhui) for campagne in campagnes)
