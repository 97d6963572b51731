"""Delete the uploaded files of old imports (run it daily, e.g. from cron)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand

from clsante.imports.services import CONSERVATION, purger


class Command(BaseCommand):
    help = (
        "Supprime les fichiers téléversés des imports plus anciens que --jours (7 par défaut) "
        "qui ne sont pas en cours ; les imports encore en attente sont marqués abandonnés."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--jours", type=int, default=CONSERVATION.days)

    def handle(self, *args, jours: int, **options) -> None:
        supprimes = purger(datetime.timedelta(days=jours))
        self.stdout.write(f"{supprimes} fichier(s) d'import supprimé(s).")
