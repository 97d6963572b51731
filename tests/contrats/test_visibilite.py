"""One rule for who reads a contract: the loaded-object predicate agrees with the queryset."""

import pytest
from django.contrib.auth.models import AnonymousUser

from clsante.comptes.models import Utilisateur
from clsante.contrats.models import Contrat


@pytest.mark.django_db
def test_est_visible_par_agrees_with_visibles_par_for_every_person_and_contract():
    personnes = [AnonymousUser(), *Utilisateur.objects.all()]
    for personne in personnes:
        visibles = set(Contrat.objects.visibles_par(personne).values_list("pk", flat=True))
        for contrat in Contrat.objects.all():
            assert contrat.est_visible_par(personne) == (contrat.pk in visibles), (
                f"{personne} / {contrat}"
            )
    assert any(not c.publie for c in Contrat.objects.all())  # a draft is part of the check
