"""Decoding rules of the ISTS coder: relative floor on roots, stated publics."""

from clsante.grille.coder.decodage import (
    Seuils,
    decoder,
    decoder_arbre,
    publics_nommes,
)


def test_a_weak_second_root_is_dropped_next_to_a_strong_one():
    probas = {"modes_vie": 0.98, "modes_vie.comportements": 0.97, "systeme_soins": 0.6}
    sans = decoder_arbre("determinants", probas, Seuils(0.55, 0.4, 3))
    avec = decoder_arbre("determinants", probas, Seuils(0.55, 0.4, 3, relatif=0.7))
    assert {c.split(".")[0] for c in sans} == {"modes_vie", "systeme_soins"}
    assert avec == ["modes_vie.comportements"]


def test_two_comparable_roots_are_both_kept():
    probas = {"modes_vie": 0.8, "systeme_soins": 0.7}
    codes = decoder_arbre("determinants", probas, Seuils(0.55, 0.4, 3, relatif=0.7))
    assert set(codes) == {"modes_vie", "systeme_soins"}


def test_unambiguous_stated_publics_are_added():
    assert {"enfants", "jeunes"} <= publics_nommes("Enfants et adolescents de la vallée")
    probas = {"jeunes": 0.9, "enfants": 0.2, "population_generale": 0.1}
    seuils = Seuils(0.4, 0.0, 4, au_moins_un=False)
    assert decoder("publics", probas, seuils) == ["jeunes"]
    codes = decoder("publics", probas, seuils, "Enfants et adolescents de la vallée")
    assert set(codes) == {"enfants", "jeunes"}


def test_a_public_the_model_rules_out_is_not_forced():
    probas = {"population_generale": 0.9, "femmes": 0.01}
    seuils = Seuils(0.4, 0.0, 4, au_moins_un=False)
    assert decoder("publics", probas, seuils, "Femmes et hommes du territoire") == [
        "population_generale"
    ]


def test_population_generale_stated_with_another_public_keeps_both():
    probas = {"jeunes": 0.9, "population_generale": 0.3}
    seuils = Seuils(0.4, 0.0, 4, au_moins_un=False)
    codes = decoder("publics", probas, seuils, "Population générale ; jeunes")
    assert set(codes) == {"jeunes", "population_generale"}


def test_no_stated_publics_changes_nothing():
    probas = {"precaires": 0.7, "qpv": 0.2}
    seuils = Seuils(0.4, 0.0, 4, au_moins_un=False)
    assert decoder("publics", probas, seuils, None) == decoder("publics", probas, seuils, "")
