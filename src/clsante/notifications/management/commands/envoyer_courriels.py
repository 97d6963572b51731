from django.core.management.base import BaseCommand, CommandParser

from clsante.notifications.envoi import envoyer_courriels
from clsante.notifications.models import Courriel


class Command(BaseCommand):
    help = "Envoie les courriels en attente ; une erreur est réessayée plus tard."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limite", type=int, default=500, help="Nombre maximal d'envois.")

    def handle(self, *args, **options) -> None:
        bilan = envoyer_courriels(limite=options["limite"])
        self.stdout.write(str(bilan))
        en_echec = Courriel.objects.filter(statut=Courriel.Statut.ECHEC).count()
        if en_echec:
            self.stderr.write(
                f"{en_echec} courriel(s) en échec définitif au total : "
                "voir l'administration (Notifications › Courriels)."
            )
