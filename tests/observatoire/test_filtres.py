"""The observatory's filters read in French alphabetical order."""

import pytest

from clsante.observatoire.forms import FiltreObservatoireForm
from clsante.territoires.models import Region

pytestmark = pytest.mark.django_db


def test_regions_are_offered_in_french_alphabetical_order():
    Region.objects.update_or_create(code="11", defaults={"nom": "Île-de-France"})
    Region.objects.update_or_create(code="52", defaults={"nom": "Pays de la Loire"})
    Region.objects.update_or_create(code="24", defaults={"nom": "Centre-Val de Loire"})
    noms = [nom for code, nom in FiltreObservatoireForm().fields["region"].choices if code]
    assert noms.index("Centre-Val de Loire") < noms.index("Île-de-France")
    assert noms.index("Île-de-France") < noms.index("Pays de la Loire")
