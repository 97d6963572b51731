"""The ISTS coder as a library: valid codes, empty texts, explanations, retraining, metrics."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from clsante.grille.coder import charger_codeur, entrainer, evaluer, exemples_livres
from clsante.grille.coder.donnees import valider_exemples
from clsante.grille.referentiel import MULTI_AXES, fermeture, grille

SCORE_PY = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "score.py"

FICHES = [
    {
        "id": 1,
        "titre": "Mois sans tabac au centre social",
        "texte": "Permanences d'une tabacologue et substituts nicotiniques gratuits pour fumeurs.",
    },
    {
        "id": 2,
        "titre": "Maison de santé pluriprofessionnelle",
        "texte": "La commune construit une maison de santé pour attirer des médecins généralistes.",
        "publics_texte": "Habitants du canton",
        "porteur_texte": "Commune",
    },
    {
        "id": 3,
        "titre": "Ateliers cuisine",
        "texte": "Ateliers de cuisine équilibrée pour les familles.",
        "axe": "Nutrition",
        "partenaires_texte": "Centre social",
    },
]


def assert_valid(coding: dict) -> None:
    g = grille()
    for axe in MULTI_AXES:
        assert isinstance(coding[axe], list)
        assert all(g.existe(axe, c) for c in coding[axe]), coding[axe]
    assert coding["approche"] is None or g.existe("approche", coding["approche"])


def test_shipped_coder_returns_one_valid_coding_per_fiche():
    codings = charger_codeur().coder(FICHES)
    assert [c["id"] for c in codings] == [1, 2, 3]
    for coding in codings:
        assert_valid(coding)
        assert coding["approche"] in {"cible", "universel", "universalisme_proportionne"}
        assert coding["determinants"] and coding["thematiques"] and coding["publics"]


def test_shipped_coder_finds_the_obvious_codes():
    tabac, msp, cuisine = charger_codeur().coder(FICHES)
    assert "modes_vie.comportements.tabac" in fermeture(tabac["determinants"])
    assert tabac["thematiques"] == ["addictions"]
    assert "systeme_soins.accessibilite.geographique" in msp["determinants"]
    assert "acces_soins" in msp["thematiques"]
    assert "nutrition" in cuisine["thematiques"]


def test_empty_text_gets_an_empty_coding_not_a_guess():
    (coding,) = charger_codeur().coder([{"id": "x", "titre": "Sans texte", "texte": "  "}])
    assert coding == {
        "id": "x",
        "determinants": [],
        "strategies": [],
        "approche": None,
        "thematiques": [],
        "publics": [],
    }


def test_labels_are_never_read():
    fiche = dict(FICHES[0])
    with_labels = {**fiche, "labels": {"determinants": ["nimporte.quoi"], "approche": "cible"}}
    codeur = charger_codeur()
    assert codeur.coder([with_labels]) == codeur.coder([fiche])


def test_suggestion_carries_version_confidence_and_evidence_words():
    (suggestion,) = charger_codeur().suggerer([FICHES[0]])
    assert suggestion.version == charger_codeur().version
    tabac = [c for c in suggestion.determinants if c.code.endswith("tabac")][0]
    assert 0.5 <= tabac.confiance <= 1
    assert any("tabac" in mot.lower() for mot in tabac.indices)
    assert all(mot in FICHES[0]["titre"] + FICHES[0]["texte"] for mot in tabac.indices)
    details = suggestion.en_dict()
    assert details["version"] == suggestion.version
    assert details["details"]["approche"]["code"] == suggestion.approche.code


def test_retraining_changes_the_version_and_learns_a_new_example():
    base = exemples_livres()[:60]
    nouveaux = [
        {
            "titre": f"Brigade zorglub {i}",
            "texte": f"Les brigades zorglub visitent les hameaux {i}.",
            "labels": {
                "determinants": ["socio_economique.revenu"],
                "strategies": ["capacites_individuelles"],
                "approche": "cible",
                "thematiques": ["tuberculose"],
                "publics": ["elus"],
            },
        }
        for i in range(3)
    ]
    avant = entrainer(base, avec_exemples_livres=False)
    apres = entrainer(base + nouveaux, avec_exemples_livres=False)
    assert avant.version != apres.version
    fiche = {
        "id": "z",
        "titre": "Brigade zorglub",
        "texte": "Une brigade zorglub passe au village.",
    }
    (coding,) = apres.coder([fiche])
    assert "socio_economique.revenu" in coding["determinants"]
    assert coding["thematiques"] == ["tuberculose"]
    assert "tuberculose" not in avant.coder([fiche])[0]["thematiques"]


def test_training_refuses_unknown_codes_with_a_french_message():
    with pytest.raises(ValueError, match="code inconnu « modes_vie.chocolat »"):
        valider_exemples([{"texte": "x", "labels": {"determinants": ["modes_vie.chocolat"]}}])


def test_shipped_examples_cover_every_grid_code():
    vus = {
        (a, c) for ex in exemples_livres() for a in MULTI_AXES for c in fermeture(ex["labels"][a])
    }
    vus |= {("approche", ex["labels"]["approche"]) for ex in exemples_livres()}
    g = grille()
    manquants = [(a, c) for a in (*MULTI_AXES, "approche") for c in g.axe(a) if (a, c) not in vus]
    assert not manquants
    assert len(exemples_livres()) >= 300


def random_coding(rng: random.Random) -> dict:
    g = grille()
    out = {a: rng.sample(sorted(g.axe(a)), rng.randint(0, 3)) for a in MULTI_AXES}
    out["approche"] = rng.choice([*g.axe("approche"), None])
    return out


@pytest.mark.skipif(
    not SCORE_PY.exists() and not os.environ.get("CI"), reason="score.py du juge absent"
)
def test_metrics_equal_the_judge_script(tmp_path):
    rng = random.Random(4)
    gold = {f"f{i}": random_coding(rng) for i in range(40)}
    pred = {i: random_coding(rng) for i in list(gold)[:-3]}  # three fiches missing
    (tmp_path / "gold.jsonl").write_text(
        "".join(json.dumps({"id": i, "labels": c}) + "\n" for i, c in gold.items())
    )
    (tmp_path / "pred.jsonl").write_text(
        "".join(json.dumps({"id": i, **c}) + "\n" for i, c in pred.items())
    )
    out = subprocess.run(
        [
            sys.executable,
            str(SCORE_PY),
            str(tmp_path / "gold.jsonl"),
            str(tmp_path / "pred.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert evaluer(gold, pred).en_dict() == json.loads(out)
