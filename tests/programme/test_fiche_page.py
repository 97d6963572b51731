"""The fiche page shows every list of the fiche, at a cost that does not grow with them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from clsante.comptes.models import Utilisateur
from clsante.organisations.models import Organisation
from clsante.programme.models import Etape, Financement, Indicateur, Mesure, NoteSuivi
from tests.personas import client_de

pytestmark = pytest.mark.django_db


def _remplir(fiche, n: int) -> None:
    """n rows in each of the fiche's lists."""
    auteur = Utilisateur.objects.get(username="coordinatrice.morlaix")
    autres = list(fiche.contrat.fiches.exclude(pk=fiche.pk).order_by("pk")[:n])
    fiche.fiches_liees.add(*autres)
    fiche.partenaires.add(*Organisation.objects.order_by("pk")[:n])
    fiche.communes.add(*fiche.contrat.communes.order_by("pk")[:n])
    for i in range(n):
        Etape.objects.create(
            fiche=fiche, libelle=f"Étape témoin {i}", date_prevue=datetime.date(2026, 1, i + 1)
        )
        NoteSuivi.objects.create(fiche=fiche, auteur=auteur, texte=f"Note témoin {i}")
        Financement.objects.create(
            fiche=fiche,
            financeur=Organisation.objects.order_by("pk")[i],
            annee=2020 + i,
            montant=1000 + i,
        )
        indicateur = Indicateur.objects.create(fiche=fiche, libelle=f"Indicateur témoin {i}")
        Mesure.objects.create(
            indicateur=indicateur, date=datetime.date(2026, 2, 1), valeur=Decimal(f"{i + 1}1.5")
        )


def _requetes_de_la_page(fiche, django_assert_max_num_queries) -> str:
    client = client_de("coordinatrice.morlaix")
    client.get(reverse("programme:fiche", args=[fiche.pk]))
    with django_assert_max_num_queries(16):
        response = client.get(reverse("programme:fiche", args=[fiche.pk]))
    assert response.status_code == 200
    return response.text


def test_the_fiche_page_shows_each_row_of_its_lists(morlaix, django_assert_max_num_queries):
    fiche = morlaix.fiches.order_by("pk").first()
    _remplir(fiche, 3)
    page = _requetes_de_la_page(fiche, django_assert_max_num_queries)
    for i in range(3):
        assert f"Étape témoin {i}" in page and f"Note témoin {i}" in page
        assert f"Indicateur témoin {i}" in page and f"{i + 1}1,5" in page
        assert f"{2020 + i}" in page
    for liee in fiche.fiches_liees.all():
        assert escape(liee.titre) in page
    for commune in fiche.communes.all():
        assert escape(commune.nom) in page
    assert str(Utilisateur.objects.get(username="coordinatrice.morlaix")) in page


def test_the_fiche_page_query_count_does_not_grow_with_its_lists(
    morlaix, django_assert_max_num_queries
):
    fiche = morlaix.fiches.order_by("pk")[1]
    _remplir(fiche, 6)
    _requetes_de_la_page(fiche, django_assert_max_num_queries)


def test_a_fiche_whose_porteur_changed_names_the_one_of_the_signed_contract(morlaix):
    fiche = morlaix.fiches.exclude(porteur=None).order_by("pk").first()
    initial = fiche.porteur
    fiche.porteur = Organisation.objects.exclude(pk=initial.pk).order_by("pk").first()
    fiche.porteur_initial = initial
    fiche.save()
    page = client_de("lecteur").get(reverse("programme:fiche", args=[fiche.pk])).text
    assert f"{escape(fiche.porteur.nom)} (porteur nommé au contrat : {escape(initial.nom)})" in page


def test_the_fiche_page_names_its_objectives_needs_partners_and_communes(morlaix):
    fiche = next(
        f
        for f in morlaix.fiches.order_by("pk")
        if f.objectifs.exists() and f.besoins.exists() and f.partenaires.exists()
    )
    page = client_de("lecteur").get(reverse("programme:fiche", args=[fiche.pk])).text
    for objectif in fiche.objectifs.all():
        assert escape(f"{objectif.get_niveau_display()} : {objectif.intitule}") in page
    for besoin in fiche.besoins.all():
        assert escape(str(besoin)) in page
    partenaires = ", ".join(escape(p.nom) for p in fiche.partenaires.all())
    assert f"<td>{partenaires}</td>" in page
