"""Personas of the pilotage pages: a logged-in client per demo user."""

from collections.abc import Callable

import pytest
from django.test import Client


@pytest.fixture
def client_de(db) -> Callable[[str], Client]:
    """``client_de("elu.morlaix")``: a client logged in as that demo user."""
    from clsante.comptes.models import Utilisateur

    def _client(username: str) -> Client:
        client = Client()
        client.force_login(Utilisateur.objects.get(username=username))
        return client

    return _client
