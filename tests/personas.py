"""The demo personas as logged-in test clients: ``client_de("porteur.demo")``."""

from django.test import Client


def client_de(username: str) -> Client:
    from clsante.comptes.models import Utilisateur

    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client
