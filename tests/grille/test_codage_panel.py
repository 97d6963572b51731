import pytest
from django.urls import reverse

from clsante.grille.models import CodageISTS, SuggestionISTS
from clsante.grille.referentiel import grille
from tests.personas import client_de


@pytest.fixture
def fiche(morlaix):
    return morlaix.fiches.get(numero="2.5")


@pytest.mark.django_db
def test_opening_the_panel_gives_suggestions_with_confidence_and_words(fiche):
    response = client_de("coordinatrice.morlaix").get(reverse("grille:codage", args=[fiche.pk]))
    assert response.status_code == 200
    proposees = fiche.suggestions.filter(statut=SuggestionISTS.Statut.PROPOSEE)
    assert proposees.exists()
    g = grille()
    for s in proposees:
        assert g.existe(s.axe, s.code)
        assert 0 <= s.confiance <= 1
        assert s.version_modele
    with_words = proposees.exclude(indices=[]).first()
    assert with_words.indices[0] in response.text


@pytest.mark.django_db
def test_accepting_a_suggestion_adds_its_code_unvalidated_then_validation_counts_it(fiche):
    client = client_de("coordinatrice.morlaix")
    url = reverse("grille:codage", args=[fiche.pk])
    client.get(url)
    suggestion = fiche.suggestions.filter(statut="proposee").exclude(axe="approche").first()
    client.post(url, {"action": "accepter", "suggestion": suggestion.pk})
    codage = CodageISTS.objects.get(fiche=fiche)
    assert suggestion.code in getattr(codage, suggestion.axe)
    assert codage.valide is False
    client.post(url, {"action": "valider"})
    codage.refresh_from_db()
    assert codage.valide and codage.valide_par.username == "coordinatrice.morlaix"


@pytest.mark.django_db
def test_rejecting_a_suggestion_leaves_the_coding_alone(fiche):
    client = client_de("coordinatrice.morlaix")
    url = reverse("grille:codage", args=[fiche.pk])
    client.get(url)
    before = list(CodageISTS.objects.get(fiche=fiche).determinants)
    suggestion = fiche.suggestions.filter(statut="proposee", axe="determinants").first()
    client.post(url, {"action": "rejeter", "suggestion": suggestion.pk})
    suggestion.refresh_from_db()
    assert suggestion.statut == "rejetee"
    assert CodageISTS.objects.get(fiche=fiche).determinants == before


@pytest.mark.django_db
def test_manual_coding_only_accepts_grid_codes(fiche):
    client = client_de("coordinatrice.morlaix")
    url = reverse("grille:codage", args=[fiche.pk])
    client.post(url, {"action": "enregistrer", "thematiques": ["nutrition"], "approche": "cible"})
    assert CodageISTS.objects.get(fiche=fiche).thematiques == ["nutrition"]
    response = client.post(
        url, {"action": "enregistrer", "thematiques": ["inexistant"]}, follow=True
    )
    assert "Codage non enregistré" in response.text
    assert CodageISTS.objects.get(fiche=fiche).thematiques == ["nutrition"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["lecteur", "elu.morlaix", "porteur.demo"])
def test_readers_see_the_coding_but_cannot_change_it(fiche, username):
    client = client_de(username)
    url = reverse("grille:codage", args=[fiche.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "valider"}).status_code == 403


@pytest.mark.django_db
def test_ars_referent_can_code(fiche):
    client = client_de("referent.ars")
    url = reverse("grille:codage", args=[fiche.pk])
    client.post(url, {"action": "enregistrer", "publics": ["jeunes"]})
    assert CodageISTS.objects.get(fiche=fiche).publics == ["jeunes"]


@pytest.mark.django_db
def test_forged_suggestion_id_gives_404(fiche, poher):
    client = client_de("coordinatrice.morlaix")
    other = poher.fiches.first()
    foreign = SuggestionISTS.objects.create(
        fiche=other, axe="thematiques", code="nutrition", confiance=0.5, version_modele="x"
    )
    url = reverse("grille:codage", args=[fiche.pk])
    assert client.post(url, {"action": "accepter", "suggestion": foreign.pk}).status_code == 404
    assert client.post(url, {"action": "accepter", "suggestion": "abc"}).status_code == 404
