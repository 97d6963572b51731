import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from clsante.grille.models import CodageISTS
from clsante.programme.models import FicheAction, Financement
from clsante.territoires.models import Commune


@pytest.fixture
def fiche(morlaix) -> FicheAction:
    return morlaix.fiches.order_by("numero").first()


@pytest.mark.django_db
def test_fiche_refuses_a_commune_outside_its_contract(fiche):
    brest = Commune.objects.get(insee="29019")
    with pytest.raises(ValidationError) as exc, transaction.atomic():
        fiche.communes.add(brest)
    assert "hors du territoire du contrat : Brest" in str(exc.value)
    assert not fiche.communes.filter(pk=brest.pk).exists()


@pytest.mark.django_db
def test_fiche_accepts_a_commune_of_its_territory(fiche):
    fiche.communes.add(Commune.objects.get(insee="29151"))
    assert fiche.communes.filter(insee="29151").exists()


@pytest.mark.django_db
def test_negative_financing_is_refused_with_a_french_message(fiche):
    financement = Financement(fiche=fiche, financeur=fiche.porteur, montant=-10, annee=2025)
    with pytest.raises(ValidationError, match="ne peut pas être négatif"):
        financement.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        financement.save()


@pytest.mark.django_db
def test_end_date_before_start_date_is_refused(fiche):
    fiche.date_debut = datetime.date(2025, 6, 1)
    fiche.date_fin = datetime.date(2025, 1, 1)
    with pytest.raises(ValidationError, match="ne peut pas précéder la date de début"):
        fiche.full_clean()


@pytest.mark.django_db
def test_contract_end_before_start_is_refused(morlaix):
    morlaix.date_fin = morlaix.date_debut - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="ne peut pas précéder"):
        morlaix.full_clean()


@pytest.mark.django_db
def test_unknown_grid_code_is_refused(fiche):
    codage, _ = CodageISTS.objects.get_or_create(fiche=fiche)
    codage.determinants = ["modes_vie.comportements.tabac", "modes_vie.inexistant"]
    with pytest.raises(ValidationError) as exc:
        codage.save()
    assert "Code(s) inconnu(s)" in str(exc.value)
    assert "modes_vie.inexistant" in str(exc.value)


@pytest.mark.django_db
def test_unknown_public_code_on_a_fiche_is_refused(fiche):
    fiche.publics = ["jeunes", "martiens"]
    with pytest.raises(ValidationError, match="martiens"):
        fiche.save()


@pytest.mark.django_db
def test_valid_grid_codes_are_kept_exactly(fiche):
    codage, _ = CodageISTS.objects.get_or_create(fiche=fiche)
    codage.determinants = ["systeme_soins.accessibilite.financiere"]
    codage.approche = "universalisme_proportionne"
    codage.save()
    codage.refresh_from_db()
    assert codage.determinants == ["systeme_soins.accessibilite.financiere"]
    assert codage.libelles("approche") == [
        "Universalisme proportionné (toute la population, avec une intensité accrue pour les "
        "plus vulnérables)"
    ]
