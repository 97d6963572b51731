"""Guardrails and shared data for the whole suite.

The test database is filled once per session with the real geography of Finistère
(tests/fixtures/geo, an excerpt of the Code officiel géographique), the outlines of
Morlaix's communes and the two demo contracts; each test runs in a transaction rolled
back at its end.
"""

import io
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

FIXTURES = Path(__file__).parent / "fixtures"
GEO_FINISTERE = FIXTURES / "geo"
# Real outlines of Morlaix's communes and a few neighbours (tests/fixtures/contours).
CONTOURS_MORLAIX = FIXTURES / "contours" / "communes.csv.lzma"


@pytest.fixture(scope="session", autouse=True)
def _fast_hasher():
    """Cheap password hashing for the demo users, and no static-file scan per client.

    WhiteNoise scans every static file when a handler starts, and the test client
    starts one per client: its autorefresh mode looks files up lazily instead. The cache
    the server's processes share is kept in each test process's memory: two test
    processes run different databases whose fingerprints may coincide.
    """
    caches = dict(settings.CACHES)
    caches["partage"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clsante-partage",
    }
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        WHITENOISE_AUTOREFRESH=True,
        MEDIA_ROOT=tempfile.mkdtemp(prefix="clsante-media-"),
        CACHES=caches,
    ):
        yield


@pytest.fixture(scope="session")
def django_db_setup(_fast_hasher, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("charger_geographie", source=GEO_FINISTERE, stdout=io.StringIO())
        call_command("charger_contours", source=CONTOURS_MORLAIX, stdout=io.StringIO())
        call_command("charger_demo", stdout=io.StringIO())


def _client_for(username: str) -> Client:
    from clsante.comptes.models import Utilisateur

    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


@pytest.fixture
def client_coordinatrice(db) -> Client:
    return _client_for("coordinatrice.morlaix")


@pytest.fixture
def client_coordinatrice_poher(db) -> Client:
    return _client_for("coordinatrice.poher")


@pytest.fixture
def client_admin(db) -> Client:
    return _client_for("admin")


@pytest.fixture
def client_lecteur(db) -> Client:
    return _client_for("lecteur")


@pytest.fixture
def morlaix(db):
    from clsante.contrats.models import Contrat

    return Contrat.objects.get(nom__startswith="Contrat local de santé de Morlaix", generation=2)


@pytest.fixture
def poher(db):
    from clsante.contrats.models import Contrat

    return Contrat.objects.get(nom__icontains="Poher")


@pytest.fixture(autouse=True)
def _cache_partage_vide():
    """Each test starts with an empty shared cache and no data version kept: a count, a
    result or a version read by a test whose rows were rolled back must not be read by the
    next one."""
    from django.core.cache import caches

    from clsante.observatoire.versions import oublier_versions

    caches["partage"].clear()
    oublier_versions()
