from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from clsante.demo.chargement import MOT_DE_PASSE_DEMO, PROFILS, DemoInvalide, charger_demo


class Command(BaseCommand):
    help = "Charge les deux contrats de démonstration et leurs comptes (sans effet s'ils existent)."

    def handle(self, *args, **options):
        try:
            journal = charger_demo()
        except (DemoInvalide, ValidationError) as exc:
            raise CommandError(f"Démonstration non chargée, rien n'a été écrit : {exc}") from exc
        for line in journal:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Comptes de démonstration (mot de passe commun) :"))
        for username in PROFILS:
            self.stdout.write(f"  {username:24s} {MOT_DE_PASSE_DEMO}")
