"""What the documents say: the annual review's figures, user text kept safe in every format."""

import datetime

import pytest

from clsante.programme.models import Financement
from tests.documents.conftest import url_bilan, url_fiche
from tests.documents.lecture import texte_docx, texte_odt, texte_pdf


def test_annual_review_totals_financing_by_funder_for_the_year(client_coordinatrice, morlaix):
    financements = Financement.objects.filter(fiche__contrat=morlaix, annee=2025)
    financeur = financements.first().financeur
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2025, "docx")).content)
    assert "Financements demandés et obtenus par financeur, 2025" in texte
    assert financeur.nom in texte
    assert "Obtenu (acquis ou versé)" in texte


def test_annual_review_lists_the_meetings_of_the_year_and_their_decisions(
    client_coordinatrice, morlaix
):
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2026, "docx")).content)
    assert "Comité de pilotage du 18 juin 2026" in texte
    assert "Maintien de la médiation en santé en 2027" in texte
    assert "Comité de pilotage du 26 juin 2025" not in texte


def test_annual_review_says_which_fiches_cover_the_whole_territory(client_coordinatrice, morlaix):
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2025, "docx")).content)
    assert "tout le territoire du contrat" in texte
    assert "Morlaix" in texte  # the commune targeted by the fiches of its priority areas


def test_annual_review_of_a_year_without_data_still_opens(client_coordinatrice, morlaix):
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2040, "docx")).content)
    assert "Aucune réunion d'instance n'est consignée en 2040." in texte
    assert "Aucun financement n'est inscrit pour 2040." in texte


@pytest.mark.parametrize("format", ["docx", "odt", "pdf"])
def test_user_text_with_markup_and_control_characters_is_kept_as_text(
    client_coordinatrice, fiche_mediation, format, tmp_path
):
    fiche_mediation.description = "Ateliers <b>gras</b> & « débats »\x0b\x01 en soirée"
    fiche_mediation.save()
    response = client_coordinatrice.get(url_fiche(fiche_mediation, format))
    assert response.status_code == 200
    if format == "docx":
        assert "Ateliers <b>gras</b> & « débats » en soirée" in texte_docx(response.content)
    elif format == "odt":
        assert "Ateliers <b>gras</b> & « débats » en soirée" in texte_odt(response.content)
    else:
        chemin = tmp_path / "fiche.pdf"
        chemin.write_bytes(response.content)
        assert "Ateliers <b>gras</b> & « débats » en soirée" in texte_pdf(chemin)


def test_annual_review_is_built_in_a_fixed_number_of_queries(
    client_coordinatrice, morlaix, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        response = client_coordinatrice.get(url_bilan(morlaix, 2025, "docx"))
    assert response.status_code == 200


def test_cover_says_when_the_document_was_generated(client_coordinatrice, fiche_mediation):
    texte = texte_docx(client_coordinatrice.get(url_fiche(fiche_mediation, "docx")).content)
    aujourd_hui = datetime.date.today()
    assert "Document généré par CLSanté le" in texte
    assert str(aujourd_hui.year) in texte


def test_annual_review_reports_what_the_porteurs_answered_in_the_campaign(
    client_coordinatrice, morlaix
):
    from django.utils import timezone

    from clsante.bilan.models import CampagneBilan
    from clsante.comptes.models import Utilisateur

    campagne = CampagneBilan.objects.create(
        contrat=morlaix,
        annee=2025,
        date_limite=datetime.date(2026, 1, 31),
        ouverte_par=Utilisateur.objects.get(username="coordinatrice.morlaix"),
    )
    fiche = morlaix.fiches.get(numero="1.4")
    reponse = campagne.reponses.create(
        fiche=fiche,
        repondu_le=timezone.now(),
        publics_atteints="en_partie",
        difficultes="Peu de bénévoles disponibles l'été.",
    )
    reponse.communes_atteintes.add(morlaix.communes.get(nom="Morlaix"))
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2025, "docx")).content)
    assert "Ce qu'en disent les porteurs" in texte
    assert "Peu de bénévoles disponibles l'été." in texte
    assert "En partie" in texte
    assert "Fiches sans réponse" in texte
    autre = campagne.fiches().exclude(pk=fiche.pk).first()
    assert autre.titre in texte


def test_annual_review_says_when_no_campaign_was_held(client_coordinatrice, morlaix):
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2025, "docx")).content)
    assert "Aucune campagne de bilan n'a été ouverte pour 2025." in texte


def test_the_porteurs_section_lists_fiche_1_10_after_fiche_1_2(client_coordinatrice, morlaix):
    from clsante.bilan.models import CampagneBilan

    CampagneBilan.objects.create(
        contrat=morlaix, annee=2025, date_limite=datetime.date(2026, 1, 31)
    )
    fiche = morlaix.fiches.get(numero="1.2")
    morlaix.fiches.create(
        axe=fiche.axe, numero="1.10", titre="Dixième action", porteur=fiche.porteur
    )
    texte = texte_docx(client_coordinatrice.get(url_bilan(morlaix, 2025, "docx")).content)
    sans_reponse = texte[texte.index("Fiches sans réponse") :]
    assert sans_reponse.index("1.2 — ") < sans_reponse.index("1.10 — Dixième action")
