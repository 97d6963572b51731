import io

import pytest
from django.core.management import call_command

from clsante.contrats.models import Besoin, Contrat, Instance
from clsante.grille.referentiel import grille
from clsante.programme.models import FicheAction


@pytest.mark.django_db
def test_main_demo_contract_is_a_full_second_generation_programme(morlaix):
    assert morlaix.generation == 2
    assert morlaix.precedent.generation == 1
    assert morlaix.statut == Contrat.Statut.MISE_EN_OEUVRE
    assert 4 <= morlaix.axes.count() <= 6
    assert 20 <= morlaix.fiches.count() <= 30
    assert morlaix.communes.count() == 26
    assert morlaix.fiches.filter(hors_programmation=True).exists()
    assert {i.type for i in morlaix.instances.all()} == set(Instance.Type.values)
    assert morlaix.instances.filter(type=Instance.Type.GROUPE_TRAVAIL).count() >= 2
    assert 8 <= Besoin.objects.filter(diagnostic__contrat=morlaix).count() <= 12
    secteurs = {o.secteur for f in morlaix.fiches.all() for o in f.partenaires.all()}
    assert len(secteurs) >= 5


@pytest.mark.django_db
def test_demo_diagnosis_shows_a_need_without_action(morlaix):
    besoins = Besoin.objects.filter(diagnostic__contrat=morlaix)
    assert besoins.sans_action().exists()
    assert besoins.exclude(fiches__isnull=True).exists()


@pytest.mark.django_db
def test_demo_indicators_have_values_over_two_years(morlaix):
    years = {
        m.date.year
        for f in morlaix.fiches.all()
        for i in f.indicateurs.all()
        for m in i.mesures.all()
    }
    assert len(years) >= 2


@pytest.mark.django_db
def test_demo_codings_use_only_grid_codes(morlaix):
    g = grille()
    fiches = FicheAction.objects.filter(contrat=morlaix).select_related("codage")
    coded = [f.codage for f in fiches if hasattr(f, "codage")]
    assert len(coded) >= 20
    for codage in coded:
        for axe in ("determinants", "strategies", "thematiques", "publics"):
            assert not g.inconnus(axe, getattr(codage, axe))


@pytest.mark.django_db
def test_second_contract_is_a_first_generation_draft(poher):
    assert poher.generation == 1
    assert poher.statut == Contrat.Statut.ELABORATION
    assert not poher.publie
    assert 6 <= poher.fiches.count() <= 10


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing(morlaix):
    counts = (Contrat.objects.count(), FicheAction.objects.count())
    out = io.StringIO()
    call_command("charger_demo", stdout=out)
    assert "déjà présent" in out.getvalue()
    assert (Contrat.objects.count(), FicheAction.objects.count()) == counts
