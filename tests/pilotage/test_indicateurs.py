"""The one rule saying whether an indicator is late or off its trajectory."""

import datetime
from decimal import Decimal

import pytest

from clsante.programme.pilotage.indicateurs import EtatIndicateur, etat_indicateur

D = Decimal
JAN_2024 = datetime.date(2024, 1, 1)
JAN_2026 = datetime.date(2026, 1, 1)
JAN_2025 = datetime.date(2025, 1, 1)


def etat(**kwargs) -> EtatIndicateur:
    base = {
        "initiale": D(0),
        "cible": D(100),
        "echeance": JAN_2026,
        "derniere_date": JAN_2025,
        "derniere_valeur": D(50),
        "debut": JAN_2024,
        "aujourd_hui": datetime.date(2025, 6, 1),
    }
    return etat_indicateur(**(base | kwargs))


def test_value_ahead_of_the_line_from_baseline_to_target_is_on_trajectory():
    assert etat(derniere_valeur=D(55)) == EtatIndicateur.DANS_LA_TRAJECTOIRE


def test_value_below_the_line_from_baseline_to_target_is_off_trajectory():
    assert etat(derniere_valeur=D(30)) == EtatIndicateur.HORS_TRAJECTOIRE


def test_a_decreasing_target_is_off_trajectory_when_the_value_stays_too_high():
    kwargs = {"initiale": D(90), "cible": D(30)}
    assert etat(**kwargs, derniere_valeur=D(70)) == EtatIndicateur.HORS_TRAJECTOIRE
    assert etat(**kwargs, derniere_valeur=D(55)) == EtatIndicateur.DANS_LA_TRAJECTOIRE
    assert etat(**kwargs, derniere_valeur=D(25)) == EtatIndicateur.ATTEINT


def test_target_date_passed_without_reaching_the_target_is_late():
    assert etat(aujourd_hui=datetime.date(2026, 2, 1)) == EtatIndicateur.EN_RETARD


def test_target_date_passed_with_nothing_measured_is_late():
    kwargs = {"derniere_date": None, "derniere_valeur": None}
    assert etat(**kwargs, aujourd_hui=datetime.date(2026, 2, 1)) == EtatIndicateur.EN_RETARD
    assert etat(**kwargs) == EtatIndicateur.NON_MESURE


def test_a_reached_target_is_never_late():
    assert etat(derniere_valeur=D(100), aujourd_hui=datetime.date(2027, 1, 1)) == (
        EtatIndicateur.ATTEINT
    )


@pytest.mark.parametrize("manque", ["initiale", "debut", "echeance"])
def test_without_baseline_start_or_deadline_the_trajectory_is_not_computed(manque):
    assert etat(**{manque: None, "derniere_valeur": D(10)}) == EtatIndicateur.NON_CALCULABLE


def test_indicators_without_target_or_of_abandoned_fiches_are_not_judged():
    assert etat(cible=None) == EtatIndicateur.SANS_CIBLE
    assert etat(fiche_abandonnee=True, derniere_valeur=D(0)) == EtatIndicateur.SANS_OBJET


@pytest.mark.django_db
@pytest.mark.parametrize("jour", ["2024-06-30", "2026-01-01", "2030-01-01"])
def test_home_page_alerts_are_the_dashboards_alerts_in_the_same_order(morlaix, poher, jour):
    from clsante.programme.pilotage.indicateurs import alertes_indicateurs, indicateurs_suivis

    aujourd_hui = datetime.date.fromisoformat(jour)
    ids = [morlaix.pk, poher.pk]
    attendues = [
        (s.indicateur.pk, s.etat, s.derniere_valeur)
        for s in indicateurs_suivis(ids, aujourd_hui)
        if s.alerte
    ]
    alertes = alertes_indicateurs(ids, aujourd_hui)
    assert [(s.indicateur.pk, s.etat, s.derniere_valeur) for s in alertes] == attendues
    assert attendues  # the demo has late or off-trajectory indicators on these dates
