from django.core.management.base import BaseCommand

from clsante.observatoire.indexation import reindexer


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche du catalogue public des actions."

    def handle(self, *args, **options):
        def progression(fait: int, total: int) -> None:
            self.stdout.write(f"  {fait}/{total} fiches indexées")

        total = reindexer(progression=progression)
        self.stdout.write(self.style.SUCCESS(f"Catalogue indexé : {total} fiches publiées."))
