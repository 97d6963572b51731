import pytest

from clsante.comptes.models import Utilisateur
from clsante.core.models import ConflitDeVersion
from clsante.programme.models import FicheAction


@pytest.mark.django_db
def test_a_change_to_a_fiche_is_kept_in_its_history_with_who_changed_it(morlaix):
    fiche = morlaix.fiches.first()
    coordinatrice = Utilisateur.objects.get(username="coordinatrice.morlaix")
    fiche._history_user = coordinatrice
    fiche.statut = FicheAction.Statut.REPORTEE
    fiche.save()
    latest = fiche.history.first()
    assert latest.history_user == coordinatrice
    assert latest.statut == "reportee"
    delta = latest.diff_against(latest.prev_record)
    assert "statut" in delta.changed_fields


@pytest.mark.django_db
def test_a_stale_save_is_refused_and_keeps_the_first_change(morlaix):
    fiche = morlaix.fiches.first()
    first, second = FicheAction.objects.get(pk=fiche.pk), FicheAction.objects.get(pk=fiche.pk)
    version_lue = first.version
    first.titre = "Titre enregistré en premier"
    first.enregistrer_si_version(version_lue)
    second.titre = "Titre arrivé trop tard"
    with pytest.raises(ConflitDeVersion, match="modifiée par quelqu'un d'autre"):
        second.enregistrer_si_version(version_lue)
    fiche.refresh_from_db()
    assert fiche.titre == "Titre enregistré en premier"
    assert fiche.version == version_lue + 1
