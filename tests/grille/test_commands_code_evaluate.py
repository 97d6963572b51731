"""``clsante code`` and ``clsante evaluate`` as a user runs them."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from clsante.grille.referentiel import MULTI_AXES, grille

SCORE_PY = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "score.py"

FICHES = [
    {
        "id": "a1",
        "titre": "Dépistage du cancer du sein",
        "texte": "Une journée Octobre rose informe les habitantes sur la mammographie.",
        "labels": {
            "determinants": ["modes_vie.utilisation_services.recours_prevention"],
            "strategies": ["capacites_individuelles.information"],
            "approche": "universel",
            "thematiques": ["cancer"],
            "publics": ["femmes"],
        },
    },
    {
        "id": "a2",
        "titre": "Médiation santé",
        "publics_texte": "Habitants des quartiers prioritaires",
        "texte": "Une médiatrice accompagne les habitants vers les soins et vers leurs droits.",
        "labels": {
            "determinants": ["systeme_soins.accessibilite.administrative"],
            "strategies": ["reorientation_services.rapprochement.accompagnement_social"],
            "approche": "cible",
            "thematiques": ["acces_soins"],
            "publics": ["qpv"],
        },
    },
    {
        "id": "a3",
        "titre": "Ateliers cuisine",
        "axe": "Nutrition",
        "texte": "Des ateliers de cuisine équilibrée sont proposés aux familles au centre social.",
        "labels": {
            "determinants": ["modes_vie.comportements.alimentation"],
            "strategies": ["capacites_individuelles.education_sante"],
            "approche": "universel",
            "thematiques": ["nutrition"],
            "publics": ["parents"],
        },
    },
]


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text(
        "".join(
            x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) + "\n" for x in lines
        ),
        encoding="utf-8",
    )
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_code_writes_one_valid_line_per_fiche(tmp_path):
    entree = write_jsonl(tmp_path / "in.jsonl", FICHES)
    call_command("code", str(entree), output=str(tmp_path / "out.jsonl"), stderr=StringIO())
    lignes = read_jsonl(tmp_path / "out.jsonl")
    assert [x["id"] for x in lignes] == ["a1", "a2", "a3"]
    g = grille()
    for ligne in lignes:
        assert set(ligne) == {"id", *MULTI_AXES, "approche"}
        assert all(g.existe(a, c) for a in MULTI_AXES for c in ligne[a])
        assert g.existe("approche", ligne["approche"])


def test_code_never_reads_labels(tmp_path):
    sans = [{k: v for k, v in f.items() if k != "labels"} for f in FICHES]
    faux = [{**f, "labels": {"determinants": ["inconnu"], "approche": "cible"}} for f in sans]
    call_command(
        "code",
        str(write_jsonl(tmp_path / "a.jsonl", sans)),
        output=str(tmp_path / "a.out"),
        stderr=StringIO(),
    )
    call_command(
        "code",
        str(write_jsonl(tmp_path / "b.jsonl", faux)),
        output=str(tmp_path / "b.out"),
        stderr=StringIO(),
    )
    assert read_jsonl(tmp_path / "a.out") == read_jsonl(tmp_path / "b.out")


def test_code_reports_malformed_line_codes_the_others_and_fails(tmp_path):
    entree = write_jsonl(tmp_path / "in.jsonl", [FICHES[0], "{pas du json\n", FICHES[1]])
    err = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("code", str(entree), output=str(tmp_path / "out.jsonl"), stderr=err)
    assert exc.value.returncode != 0
    assert "Ligne 2" in err.getvalue()
    assert [x["id"] for x in read_jsonl(tmp_path / "out.jsonl")] == ["a1", "a2"]


def test_code_gives_an_empty_coding_to_an_empty_text(tmp_path):
    entree = write_jsonl(tmp_path / "in.jsonl", [{"id": 7, "titre": "Rien", "texte": ""}])
    call_command("code", str(entree), output=str(tmp_path / "out.jsonl"), stderr=StringIO())
    assert read_jsonl(tmp_path / "out.jsonl") == [
        {
            "id": 7,
            "determinants": [],
            "strategies": [],
            "approche": None,
            "thematiques": [],
            "publics": [],
        }
    ]


def test_code_command_exits_non_zero_from_the_shell(tmp_path):
    entree = write_jsonl(tmp_path / "in.jsonl", [FICHES[2], "oups\n"])
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from clsante.cli import main; main()",
            "code",
            str(entree),
            "--output",
            str(tmp_path / "out.jsonl"),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "Ligne 2" in run.stderr
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 1


def test_evaluate_prints_per_axis_figures(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", FICHES)
    out = StringIO()
    call_command("evaluate", str(gold), stdout=out, stderr=StringIO())
    texte = out.getvalue()
    for axe in MULTI_AXES:
        assert axe in texte
    assert "microF1 top=" in texte and "approche accuracy=" in texte
    assert "Kappa de Cohen" in texte


@pytest.mark.skipif(
    not SCORE_PY.exists() and not os.environ.get("CI"), reason="score.py du juge absent"
)
def test_evaluate_figures_equal_the_judge_script(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", FICHES)
    out = StringIO()
    call_command(
        "evaluate",
        str(gold),
        json=True,
        predictions=str(tmp_path / "pred.jsonl"),
        stdout=out,
        stderr=StringIO(),
    )
    juge = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold), str(tmp_path / "pred.jsonl"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out.getvalue()) == json.loads(juge)


def test_evaluate_reports_an_unknown_gold_code_with_its_line(tmp_path):
    mauvais = {**FICHES[1], "labels": {**FICHES[1]["labels"], "thematiques": ["astrologie"]}}
    gold = write_jsonl(tmp_path / "gold.jsonl", [FICHES[0], mauvais])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("evaluate", str(gold), stdout=StringIO(), stderr=err)
    assert "Ligne 2" in err.getvalue() and "astrologie" in err.getvalue()
