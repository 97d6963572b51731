"""The synthetic national dataset, generated small on the Finistère test geography."""

import io

import pytest
from django.core.management import call_command

from clsante.contrats.models import Contrat
from clsante.grille.models import CodageISTS
from clsante.grille.referentiel import MULTI_AXES, grille
from clsante.observatoire.modeles_actions import FAMILLES, MODELES
from clsante.observatoire.synthese import POOL, SUFFIXE
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction, Financement, Indicateur, Mesure

SYNTHETIQUES = {"contrat__synthetique": True}


def generer(**options) -> str:
    out = io.StringIO()
    options.setdefault("contrats", 5)
    call_command("generer_donnees_nationales", stdout=out, **options)
    return out.getvalue()


def instantane() -> list[tuple]:
    """What the generated data says, without database keys."""
    fiches = (
        FicheAction.objects.filter(**SYNTHETIQUES)
        .select_related("contrat", "porteur", "codage")
        .prefetch_related("partenaires", "communes", "financements", "indicateurs__mesures")
        .order_by("contrat__nom", "contrat__generation", "numero")
    )
    return [
        (
            f.contrat.nom,
            f.contrat.generation,
            f.contrat.statut,
            f.contrat.date_signature,
            f.numero,
            f.titre,
            f.statut,
            f.date_debut,
            f.porteur.nom if f.porteur else None,
            sorted(o.nom for o in f.partenaires.all()),
            sorted(c.insee for c in f.communes.all()),
            sorted((x.financeur_id is not None, x.montant, x.annee) for x in f.financements.all()),
            sorted((i.libelle, [m.valeur for m in i.mesures.all()]) for i in f.indicateurs.all()),
            (f.codage.approche, f.codage.determinants, f.codage.strategies),
        )
        for f in fiches
    ]


def test_every_template_uses_only_grid_codes():
    g = grille()
    for modele in MODELES:
        for axe in MULTI_AXES:
            assert not g.inconnus(axe, list(getattr(modele, axe))), modele.titre
    pool = {cle for cle, *_ in POOL} | {"porteuse"}
    for famille in FAMILLES:
        assert set(famille.porteurs) <= pool
        assert sum(m.famille == famille.cle for m in MODELES) >= 5


@pytest.mark.django_db
def test_generator_creates_synthetic_contracts_with_their_programme():
    out = generer()
    contrats = Contrat.objects.filter(synthetique=True)
    assert contrats.count() == 5
    assert all(c.nom.startswith("CLS synthétique — ") for c in contrats)
    assert all(c.porteuse.nom.endswith(SUFFIXE) for c in contrats)
    assert not contrats.filter(communes__isnull=True).exists()
    fiches = FicheAction.objects.filter(**SYNTHETIQUES)
    assert fiches.count() >= 20
    assert CodageISTS.objects.filter(fiche__in=fiches).count() == fiches.count()
    acteurs = set(fiches.values_list("porteur__nom", flat=True)) - {None}
    acteurs |= set(fiches.values_list("partenaires__nom", flat=True)) - {None}
    acteurs |= set(
        Financement.objects.filter(fiche__in=fiches).values_list("financeur__nom", flat=True)
    )
    assert all(nom.endswith(SUFFIXE) for nom in acteurs)
    assert "5/5 programmes écrits" in out


@pytest.mark.django_db
def test_generated_rows_pass_model_validation():
    generer()
    fiches = FicheAction.objects.filter(**SYNTHETIQUES)
    echantillon = [  # a sample: full_clean queries the database for each object
        *Contrat.objects.filter(synthetique=True),
        *fiches[:30],
        *CodageISTS.objects.filter(fiche__in=fiches)[:30],
        *Financement.objects.filter(fiche__in=fiches)[:30],
        *Indicateur.objects.filter(fiche__in=fiches)[:30],
        *Mesure.objects.filter(indicateur__fiche__in=fiches)[:30],
    ]
    for objet in echantillon:
        objet.full_clean()


@pytest.mark.django_db
def test_codings_use_only_grid_codes():
    generer()
    g = grille()
    codages = CodageISTS.objects.filter(fiche__contrat__synthetique=True)
    assert codages.exists()
    for codage in codages:
        for axe in MULTI_AXES:
            assert not g.inconnus(axe, getattr(codage, axe))
        assert g.existe("approche", codage.approche)
        assert codage.thematiques and codage.determinants and codage.strategies


@pytest.mark.django_db
def test_communes_of_a_fiche_are_within_its_contract():
    generer(contrats=12)
    liens = FicheAction.communes.through.objects.filter(ficheaction__contrat__synthetique=True)
    assert liens.exists()
    for lien in liens.select_related("ficheaction"):
        assert lien.ficheaction.contrat.communes.filter(pk=lien.commune_id).exists()


@pytest.mark.django_db
def test_synthetic_contracts_stay_off_real_contract_territories(morlaix, poher):
    generer(contrats=12)
    reelles = set(morlaix.communes.values_list("pk", flat=True))
    reelles |= set(poher.communes.values_list("pk", flat=True))
    synthetiques = Contrat.objects.filter(synthetique=True).values_list("communes", flat=True)
    assert not reelles & set(synthetiques)


@pytest.mark.django_db
def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    generer(graine=7)
    premier = instantane()
    generer(supprimer=True)
    generer(graine=7)
    assert instantane() == premier
    generer(supprimer=True)
    generer(graine=8)
    assert instantane() != premier


@pytest.mark.django_db
def test_supprimer_removes_only_synthetic_data(morlaix, poher):
    avant = (Contrat.objects.count(), FicheAction.objects.count(), Organisation.objects.count())
    generer()
    out = generer(supprimer=True)
    assert "Données synthétiques supprimées" in out
    apres = (Contrat.objects.count(), FicheAction.objects.count(), Organisation.objects.count())
    assert apres == avant
    assert not Organisation.objects.filter(nom__endswith=SUFFIXE).exists()
    assert Contrat.objects.filter(pk__in=[morlaix.pk, poher.pk]).count() == 2
    assert morlaix.fiches.count() > 20
    assert "Aucune donnée synthétique" in generer(supprimer=True)


@pytest.mark.django_db
def test_a_second_run_does_nothing():
    generer()
    comptes = (Contrat.objects.count(), FicheAction.objects.count())
    out = generer(contrats=3)
    assert "déjà présentes : rien n'a été fait" in out
    assert (Contrat.objects.count(), FicheAction.objects.count()) == comptes
