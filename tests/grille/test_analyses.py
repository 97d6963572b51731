import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from clsante.comptes.models import Utilisateur
from clsante.grille.alertes import alertes
from clsante.grille.analyses import codages_valides, figure1, figure2
from clsante.grille.models import CodageISTS
from clsante.territoires.models import Commune

CODAGES = [
    {
        "determinants": ["systeme_soins.accessibilite.geographique"],
        "strategies": ["reorientation_services.rapprochement.hors_structures"],
        "approche": "cible",
        "thematiques": ["acces_soins"],
    },
    {
        "determinants": ["systeme_soins.accessibilite", "conditions_vie.acces_ressources.logement"],
        "strategies": [
            "reorientation_services.rapprochement.accompagnement_social",
            "developpement_strategique.partenariats_intersectoriels.coordination",
        ],
        "approche": "universalisme_proportionne",
        "thematiques": ["acces_soins", "sante_environnement"],
    },
    {
        "determinants": [],
        "strategies": ["capacites_individuelles.education_sante"],
        "approche": "universel",
        "thematiques": ["nutrition"],
    },
]


@pytest.fixture
def trois_fiches(morlaix):
    CodageISTS.objects.filter(fiche__contrat=morlaix).update(valide=False)
    fiches = list(morlaix.fiches.order_by("numero")[:3])
    for fiche, codes in zip(fiches, CODAGES, strict=True):
        CodageISTS.objects.update_or_create(fiche=fiche, defaults={**codes, "valide": True})
    return morlaix.fiches.all()


@pytest.mark.django_db
def test_figure1_counts_fiches_per_theme_and_those_with_several(trois_fiches):
    fig = figure1(codages_valides(trois_fiches))
    par_code = {ligne.code: ligne for ligne in fig.lignes}
    assert fig.fiches_codees == 3
    assert par_code["acces_soins"].fiches == 2
    assert par_code["acces_soins"].part == pytest.approx(2 / 3)
    assert par_code["nutrition"].fiches == 1
    assert par_code["cancer"].fiches == 0
    assert fig.plus_d_un_theme == 1
    assert fig.total_mentions == 4


@pytest.mark.django_db
def test_figure2_splits_each_determinant_by_strategy_and_sub_strategy(trois_fiches):
    fig = figure2(codages_valides(trois_fiches))
    soins = next(d for d in fig.lignes if d.code == "systeme_soins")
    assert soins.actions == 2
    assert soins.part == pytest.approx(2 / 3)
    reorientation = next(s for s in soins.strategies if s.code == "reorientation_services")
    assert reorientation.actions == 2 and reorientation.part == 1.0
    sous = {code: n for code, _, n in reorientation.sous_strategies}
    assert sous["reorientation_services.rapprochement"] == 2
    vie = next(d for d in fig.lignes if d.code == "conditions_vie")
    dev = next(s for s in vie.strategies if s.code == "developpement_strategique")
    assert vie.actions == 1 and dev.actions == 1
    assert fig.non_specifie == 1


@pytest.mark.django_db
def test_alerts_report_their_figures_and_fiches(trois_fiches, morlaix):
    codages = codages_valides(trois_fiches)
    par_cle = {a.cle: a for a in alertes(trois_fiches, codages, morlaix.communes.all())}
    assert par_cle["approches"].alerte is False  # proportionate universalism is there
    assert len(par_cle["approches"].fiches) == 1
    assert par_cle["conditions_vie"].chiffre.startswith("33 % conditions de vie")
    principale = max(morlaix.communes.all(), key=lambda c: c.population)
    assert principale.nom in par_cle["concentration"].titre


@pytest.mark.django_db
def test_no_proportionate_universalism_raises_an_alert(trois_fiches):
    CodageISTS.objects.filter(approche="universalisme_proportionne").update(approche="cible")
    codages = codages_valides(trois_fiches)
    par_cle = {a.cle: a for a in alertes(trois_fiches, codages, Commune.objects.none())}
    assert par_cle["approches"].alerte is True


@pytest.mark.django_db
def test_unvalidated_codings_are_not_counted(trois_fiches):
    CodageISTS.objects.filter(fiche__in=trois_fiches).update(valide=False)
    assert figure1(codages_valides(trois_fiches)).fiches_codees == 0


@pytest.mark.django_db
def test_reading_page_renders_both_tables_for_a_contract_and_for_all(trois_fiches, morlaix):
    client = Client()
    client.force_login(Utilisateur.objects.get(username="referent.ars"))
    page = client.get(reverse("grille:lecture"), {"contrat": morlaix.pk}).text
    assert "Fiches actions par thématique" in page
    assert "Actions par déterminant visé et type d'intervention" in page
    assert "Points d'attention" in page
    assert client.get(reverse("grille:lecture")).status_code == 200
    export = client.get(reverse("grille:lecture"), {"contrat": morlaix.pk, "format": "csv"})
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")))}
    assert rows["acces_soins"]["fiches"] == "2"


@pytest.mark.django_db
def test_reading_of_a_foreign_draft_counts_nothing(poher):
    client = Client()
    client.force_login(Utilisateur.objects.get(username="coordinatrice.morlaix"))
    page = client.get(reverse("grille:lecture"), {"contrat": poher.pk}).text
    assert poher.nom not in page
    assert "Aucun contrat lisible dans cette sélection" in page
