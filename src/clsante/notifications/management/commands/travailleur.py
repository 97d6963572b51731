"""The background worker: a loop, no broker (see docs/notifications.md)."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import timezone

from clsante.notifications.envoi import envoyer_courriels
from clsante.notifications.taches import preparer_rappels

# Reminders are idempotent for a day; preparing them every hour notices new meetings or
# pending amendments the same day without redoing work.
PERIODE_RAPPELS = datetime.timedelta(hours=1)


class Command(BaseCommand):
    help = "Tâches de fond : prépare les rappels (chaque heure) et envoie les courriels."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--intervalle", type=int, default=60, help="Secondes entre deux passages (60)."
        )
        parser.add_argument("--une-fois", action="store_true", help="Un seul passage, puis fin.")

    def handle(self, *args, **options) -> None:
        derniers_rappels: datetime.datetime | None = None
        self.stdout.write("Travailleur CLSanté démarré (Ctrl+C pour l'arrêter).")
        try:
            while True:
                maintenant = timezone.now()
                if derniers_rappels is None or maintenant - derniers_rappels >= PERIODE_RAPPELS:
                    self._rappels()
                    derniers_rappels = maintenant
                bilan = envoyer_courriels()
                if bilan.envoyes or bilan.reportes or bilan.echecs:
                    self.stdout.write(f"{timezone.localtime():%H:%M} {bilan}")
                if options["une_fois"]:
                    break
                close_old_connections()  # a long-running process must not keep a dead one
                time.sleep(max(1, options["intervalle"]))
        except KeyboardInterrupt:
            self.stdout.write("Travailleur arrêté.")

    def _rappels(self) -> None:
        bilan = preparer_rappels(timezone.localdate())
        self.stdout.write(
            f"{timezone.localtime():%H:%M} Rappels préparés : {bilan.total} notification(s)."
        )
        for erreur in bilan.erreurs:
            self.stderr.write(erreur)
