"""The contract page's badges and counts read well."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.personas import client_de


@pytest.mark.django_db
def test_the_generation_badge_reads_well_in_capitals(morlaix):
    page = client_de("lecteur").get(reverse("contrats:detail", args=[morlaix.pk])).text
    assert '<p class="fr-badge fr-badge--no-icon">Génération 2</p>' in page
    assert "<sup>e</sup> génération</p>" not in page


@pytest.mark.django_db
def test_fiche_counts_by_status_agree_in_number(morlaix):
    morlaix.fiches.filter(statut="reportee").update(statut="prevue")  # 3 prévues, 1 abandonnée
    page = client_de("lecteur").get(reverse("contrats:detail", args=[morlaix.pk])).text
    en_cours = morlaix.fiches.filter(statut="en_cours").count()
    realisees = morlaix.fiches.filter(statut="realisee").count()
    assert (
        f"Fiches actions : 1 abandonnée, {en_cours} en cours, 3 prévues, {realisees} réalisées."
        in page
    )


@pytest.mark.django_db
def test_the_programme_lists_each_fiche_with_its_status_and_porteur(
    morlaix, django_assert_max_num_queries
):
    """The list reads only the fiches' short fields: nothing is fetched fiche by fiche."""
    fiche = morlaix.fiches.exclude(porteur=None).select_related("porteur").first()
    fiche.hors_programmation = True
    fiche.save()
    client = client_de("lecteur")
    with django_assert_max_num_queries(17):
        page = client.get(reverse("contrats:detail", args=[morlaix.pk])).text
    assert f"Fiche {fiche.numero} — {fiche.titre}</a>" in page
    assert f"Porteur : {fiche.porteur.nom}" in page
    assert "Hors programmation initiale" in page
    assert page.count("Porteur : ") == morlaix.fiches.exclude(porteur=None).count()


@pytest.mark.django_db
def test_the_programme_list_escapes_what_people_typed_and_links_each_fiche(morlaix):
    fiche = morlaix.fiches.order_by("pk").first()
    fiche.titre = 'Ateliers <script>alert("x")</script> & santé'
    fiche.save()
    page = client_de("lecteur").get(reverse("contrats:detail", args=[morlaix.pk])).text
    lien = reverse("programme:fiche", args=[fiche.pk])
    assert (
        f'<a href="{lien}">Fiche {fiche.numero} — Ateliers &lt;script&gt;alert(&quot;x&quot;)'
        "&lt;/script&gt; &amp; santé</a>"
    ) in page
    assert "<script>alert" not in page
    assert page.count('<span class="fr-badge fr-badge--sm fr-badge--no-icon">') == (
        morlaix.fiches.count()
    )


@pytest.mark.django_db
def test_needs_of_the_diagnosis_are_listed_in_their_numbers_order(morlaix):
    diagnostic = morlaix.diagnostics.first()
    codes = list(diagnostic.besoins.values_list("code", flat=True))
    assert len(codes) >= 10, "the demo's diagnosis has ten needs or more"
    page = client_de("lecteur").get(reverse("contrats:detail", args=[morlaix.pk])).text
    positions = [page.index(f"<td>{code} — ") for code in codes]
    assert positions == sorted(positions)
    assert codes.index("B2") < codes.index("B10")


@pytest.mark.django_db
def test_the_diagnosis_shows_its_indicators_and_each_need_with_the_fiches_answering_it(morlaix):
    diagnostic = morlaix.diagnostics.order_by("-date").first()
    besoins = list(diagnostic.besoins.all())
    fiche = morlaix.fiches.order_by("pk").first()
    fiche.besoins.set(besoins[:1])
    sans_action = [b for b in besoins if not b.fiches.exists()]
    page = client_de("lecteur").get(reverse("contrats:detail", args=[morlaix.pk])).text
    for indicateur in diagnostic.indicateurs.all():
        assert escape(indicateur.libelle) in page
    positions = [page.index(f"<td>{b.code} — {escape(b.libelle)}</td>") for b in besoins]
    assert positions == sorted(positions)
    lien = f'<a href="{reverse("programme:fiche", args=[fiche.pk])}">{fiche.numero}</a>'
    assert lien in page[positions[0] : positions[1] if len(positions) > 1 else None]
    assert page.count("Sans action</span>") == len(sans_action) > 0
