import pytest
from django.urls import reverse

from tests.conftest import _client_for


@pytest.fixture
def fiche_mediation(morlaix):
    """Fiche 1.4, carried by the demo porteur's association, which has two contacts."""
    return morlaix.fiches.get(numero="1.4")


@pytest.fixture
def client_porteur(db):
    return _client_for("porteur.demo")


@pytest.fixture
def client_elu(db):
    return _client_for("elu.morlaix")


def url_fiche(fiche, format: str) -> str:
    return reverse("documents:fiche", args=[fiche.pk, format])


def url_synthese(contrat, format: str) -> str:
    return reverse("documents:synthese", args=[contrat.pk, format])


def url_bilan(contrat, annee: int, format: str) -> str:
    return reverse("documents:bilan", args=[contrat.pk, annee, format])
