"""``clsante entrainer_codeur``: retraining on validated codings, and the model in use."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from clsante.grille.coder import charger_codeur, donnees
from clsante.grille.coder_django import (
    charger_codeur_en_service,
    exemples_valides,
    fiche_en_entree,
    modele_en_service,
)
from clsante.grille.models import CodageISTS
from clsante.programme.models import FicheAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(tmp_path, monkeypatch):
    """Models go to a temporary DATA_DIR; a small base of shipped examples keeps it fast."""
    petite_base = donnees.exemples_livres()[:40]
    monkeypatch.setattr(donnees, "exemples_livres", lambda: [dict(e) for e in petite_base])
    with override_settings(DATA_DIR=tmp_path):
        yield tmp_path


def entrainer() -> str:
    out = StringIO()
    call_command("entrainer_codeur", stdout=out)
    return out.getvalue()


def test_validating_a_coding_and_retraining_puts_a_new_version_in_use(dossier):
    livre = charger_codeur().version
    assert modele_en_service() is None
    assert charger_codeur_en_service().version == livre

    message = entrainer()
    premiere = charger_codeur_en_service().version
    assert premiere != livre
    assert "codage(s) validé(s) lu(s)" in message and premiere in message
    assert modele_en_service() == dossier / "modeles" / f"{premiere}.json"

    fiche = FicheAction.objects.filter(codage__isnull=True).first() or (
        FicheAction.objects.filter(codage__valide=False).first()
    )
    CodageISTS.objects.update_or_create(
        fiche=fiche,
        defaults={
            "determinants": ["modes_vie.comportements.tabac"],
            "strategies": ["capacites_individuelles.information"],
            "approche": "universel",
            "thematiques": ["addictions"],
            "publics": ["population_generale"],
            "valide": True,
        },
    )
    assert f"fiche-{fiche.pk}" in {e["id"] for e in exemples_valides()}
    entrainer()
    seconde = charger_codeur_en_service().version
    assert seconde not in (premiere, livre)
    assert (dossier / "modeles" / f"{premiere}.json").exists()  # old versions are kept
    (suggestion,) = charger_codeur_en_service().suggerer([fiche_en_entree(fiche)])
    assert suggestion.version == seconde

    out = StringIO()
    call_command("entrainer_codeur", "--modele-livre", stdout=out)
    assert charger_codeur_en_service().version == livre and livre in out.getvalue()


def test_the_fiche_fields_become_the_coder_input(db):
    fiche = FicheAction.objects.exclude(description="").select_related("axe").first()
    entree = fiche_en_entree(fiche)
    assert entree["titre"] == fiche.titre and entree["axe"] == fiche.axe.titre
    assert fiche.description.strip() in entree["texte"]
    assert "labels" not in entree


def test_without_validated_coding_nothing_is_trained(dossier):
    CodageISTS.objects.update(valide=False)
    with pytest.raises(CommandError, match="Aucun codage validé"):
        entrainer()
    assert modele_en_service() is None
