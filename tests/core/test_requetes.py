"""Queries compiled once give the rows their queryset gives, whatever the ids."""

import datetime

import pytest
from django.db.models import Prefetch
from django.urls import reverse

from clsante.contrats.models import Contrat, Habilitation
from clsante.core.requetes import RequeteFigee, rattacher
from clsante.programme.models import Etape, FicheAction, Mesure
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def _fiches_avec_relations(pk):
    return FicheAction.objects.select_related("contrat", "axe", "porteur").filter(pk=pk)


def test_model_rows_with_their_relations_match_the_querysets(morlaix, poher):
    requete = RequeteFigee(_fiches_avec_relations)
    for fiche in [*morlaix.fiches.all(), *poher.fiches.all()]:
        (lue,) = requete.lignes(fiche.pk)
        attendue = _fiches_avec_relations(fiche.pk).get()
        assert (lue.pk, lue.titre, lue.date_debut, lue.statut, lue.publics) == (
            attendue.pk,
            attendue.titre,
            attendue.date_debut,
            attendue.statut,
            attendue.publics,
        )
        assert (lue.contrat.nom, lue.axe.titre) == (attendue.contrat.nom, attendue.axe.titre)
        assert getattr(lue.porteur, "nom", None) == getattr(attendue.porteur, "nom", None)


def test_values_lists_and_dates_come_back_converted(morlaix):
    fiche = morlaix.fiches.order_by("pk").first()
    Etape.objects.create(fiche=fiche, libelle="B", date_prevue=datetime.date(2026, 3, 2))
    Etape.objects.create(fiche=fiche, libelle="A", date_prevue=datetime.date(2026, 1, 5))

    def etapes(pk):
        return Etape.objects.filter(fiche_id=pk).order_by("date_prevue", "pk")

    assert RequeteFigee(lambda pk: etapes(pk).values_list("libelle", "date_prevue")).lignes(
        fiche.pk
    ) == list(etapes(fiche.pk).values_list("libelle", "date_prevue"))
    dates = RequeteFigee(lambda pk: etapes(pk).values_list("date_prevue", flat=True))
    lues = dates.lignes(fiche.pk)
    assert lues == list(etapes(fiche.pk).values_list("date_prevue", flat=True))
    assert datetime.date(2026, 1, 5) in lues and all(isinstance(d, datetime.date) for d in lues)


def test_each_call_reads_its_own_ids_and_prefetches_still_run(morlaix, poher):
    def avec_mesures(pk):
        return (
            FicheAction.objects.filter(contrat_id=pk)
            .order_by("pk")
            .prefetch_related(Prefetch("indicateurs__mesures", queryset=Mesure.objects.all()))
        )

    requete = RequeteFigee(avec_mesures)
    for contrat in (morlaix, poher, morlaix):
        lues = requete.lignes(contrat.pk)
        assert [f.pk for f in lues] == list(
            contrat.fiches.order_by("pk").values_list("pk", flat=True)
        )
        assert [m.pk for f in lues for i in f.indicateurs.all() for m in i.mesures.all()] == [
            m.pk
            for f in avec_mesures(contrat.pk)
            for i in f.indicateurs.all()
            for m in i.mesures.all()
        ]


def test_two_ids_each_in_its_place(morlaix, poher):
    def roles(contrat, utilisateur):
        return Habilitation.objects.filter(
            contrat_id=contrat, utilisateur_id=utilisateur
        ).values_list("role", flat=True)

    requete = RequeteFigee(roles)
    for habilitation in Habilitation.objects.all():
        attendus = set(roles(habilitation.contrat_id, habilitation.utilisateur_id))
        assert set(requete.lignes(habilitation.contrat_id, habilitation.utilisateur_id)) == (
            attendus
        )
        assert habilitation.role in attendus
    autre = poher if habilitation.contrat_id == morlaix.pk else morlaix
    assert set(requete.lignes(autre.pk, habilitation.utilisateur_id)) == set(
        roles(autre.pk, habilitation.utilisateur_id)
    )


def test_an_id_used_twice_is_filled_in_twice(morlaix, poher):
    def fiches_de_ses_axes(pk):
        return FicheAction.objects.filter(contrat_id=pk, axe__contrat_id=pk).order_by("pk")

    requete = RequeteFigee(fiches_de_ses_axes)
    assert [f.pk for f in requete.lignes(poher.pk)] == list(
        poher.fiches.order_by("pk").values_list("pk", flat=True)
    )


def test_ids_beyond_a_64_bit_column_match_nothing_instead_of_failing():
    requete = RequeteFigee(lambda pk: Contrat.objects.filter(pk=pk))
    assert requete.lignes(2**63) == [] and requete.lignes(-(2**63) - 1) == []
    assert requete.lignes(2**63 - 1) == []


def test_a_huge_id_in_an_address_is_a_404_not_a_server_error():
    client = client_de("referent.ars")
    for nom in ("contrats:detail", "programme:fiche"):
        url = reverse(nom, args=[1]).replace("/1/", "/99999999999999999999999/")
        assert client.get(url).status_code == 404


def test_an_id_that_does_not_reach_the_sql_as_such_is_refused():
    requete = RequeteFigee(lambda pk: Contrat.objects.filter(nom=str(pk)))
    with pytest.raises(ValueError):
        requete.lignes(1)


def test_ids_must_be_integers():
    requete = RequeteFigee(lambda pk: Contrat.objects.filter(pk=pk))
    with pytest.raises(TypeError):
        requete.lignes("1")


def test_children_whose_parent_was_not_read_are_left_out(morlaix):
    axes = list(morlaix.axes.order_by("numero"))
    fiches = list(FicheAction.objects.filter(contrat=morlaix).order_by("numero"))
    rattacher(axes[1:], fiches, lambda fiche: fiche.axe_id, "liste")
    assert not hasattr(axes[0], "liste")
    for axe in axes[1:]:
        assert axe.liste == [f for f in fiches if f.axe_id == axe.pk]


def test_a_row_added_between_a_pages_two_queries_does_not_break_it(morlaix, monkeypatch):
    """The page reads the parents, then their children: a child whose parent came in
    between is left out until the next visit."""
    from clsante.contrats import views as vues_contrat
    from clsante.programme import views as vues_fiche

    for module, nom in ((vues_contrat, "_BESOINS_DIAGNOSTIC"), (vues_fiche, "_INDICATEURS")):
        requete = getattr(module, nom)
        monkeypatch.setattr(
            requete, "lignes", lambda *ids, r=requete: r.__class__.lignes(r, *ids)[1:]
        )
    fiche = morlaix.fiches.filter(indicateurs__mesures__isnull=False).order_by("pk").first()
    assert morlaix.fiches.filter(besoins__isnull=False).exists()
    client = client_de("referent.ars")
    assert client.get(reverse("contrats:detail", args=[morlaix.pk])).status_code == 200
    assert client.get(reverse("programme:fiche", args=[fiche.pk])).status_code == 200
