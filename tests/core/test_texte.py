"""French counts in messages and documents: « 1 porteur », « 3 porteurs », « 0 fiche »."""

import pytest

from clsante.core.texte import libelle_generation, pluriel


@pytest.mark.parametrize(
    ("n", "mots", "attendu"),
    [
        (0, ("porteur",), "0 porteur"),
        (1, ("porteur",), "1 porteur"),
        (3, ("porteur",), "3 porteurs"),
        (2, ("en cours",), "2 en cours"),
        (1, ("fiche créée", "fiches créées"), "1 fiche créée"),
        (4, ("fiche créée", "fiches créées"), "4 fiches créées"),
    ],
)
def test_a_count_agrees_with_its_words(n, mots, attendu):
    assert pluriel(n, *mots) == attendu


def test_generations_read_as_french_ordinals():
    assert libelle_generation(1) == "1re génération"
    assert libelle_generation(2) == "2e génération"
