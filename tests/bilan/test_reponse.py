"""A porteur answers for a fiche: the answer goes into the fiche's own follow-up."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from clsante.bilan.models import ReponseBilan
from clsante.organisations.models import Organisation
from clsante.programme.models import Avenant, FicheAction, Mesure, NoteSuivi
from tests.personas import client_de


def _url(campagne, fiche: FicheAction) -> str:
    return reverse("bilan:repondre", args=[campagne.pk, fiche.pk])


def _donnees(fiche: FicheAction, **changes) -> dict:
    """A complete answer for ``fiche``: realised, a note, a value per indicator."""
    fiche.refresh_from_db()
    data = {
        "statut-statut": FicheAction.Statut.REALISEE,
        "statut-version_lue": fiche.version,
        "reponse-avancement": "Douze ateliers tenus, deux de plus qu'en 2025.",
        "reponse-difficultes": "Recrutement d'un animateur difficile au printemps.",
        "reponse-publics_atteints": "en_partie",
        "reponse-communes_atteintes": [c.pk for c in fiche.communes.all()],
    }
    for rang, indicateur in enumerate(fiche.indicateurs.all(), start=1):
        data[f"indicateurs-indicateur_{indicateur.pk}"] = str(10 * rang)
    for financement in fiche.financements.filter(annee=2026):
        data[f"financement-{financement.pk}-montant"] = "12000"
        data[f"financement-{financement.pk}-statut"] = "acquis"
        data[f"financement-{financement.pk}-version_lue"] = financement.version
    data.update(changes)
    return data


@pytest.mark.django_db
def test_porteur_answer_updates_the_fiche_itself(campagne, fiche_du_porteur):
    fiche = fiche_du_porteur
    financement = fiche.financements.get(annee=2026)
    client = client_de("porteur.demo")
    assert client.get(_url(campagne, fiche)).status_code == 200

    response = client.post(_url(campagne, fiche), _donnees(fiche), follow=True)

    assert response.redirect_chain[-1][0] == reverse("bilan:mes_fiches")
    assert f"Réponse enregistrée pour la fiche {fiche.numero}" in response.text
    fiche.refresh_from_db()
    assert fiche.statut == FicheAction.Statut.REALISEE
    assert fiche.history.first().history_user.username == "porteur.demo"
    note = fiche.notes.get(texte__startswith="Douze ateliers")
    assert note.auteur.username == "porteur.demo"
    for rang, indicateur in enumerate(fiche.indicateurs.all(), start=1):
        mesure = indicateur.mesures.get(date=timezone.localdate())
        assert mesure.valeur == Decimal(10 * rang)
        assert mesure.saisie_par.username == "porteur.demo"
        assert mesure.history.first().history_user.username == "porteur.demo"
    financement.refresh_from_db()
    assert (financement.montant, financement.statut) == (Decimal("12000"), "acquis")
    assert financement.history.first().history_user.username == "porteur.demo"
    reponse = ReponseBilan.objects.get(campagne=campagne, fiche=fiche)
    assert reponse.note == note
    assert reponse.publics_atteints == "en_partie"
    assert set(reponse.communes_atteintes.all()) == set(fiche.communes.all())
    assert "animateur" in reponse.difficultes
    # the fiche's follow-up tab shows what the porteur wrote
    suivi = client.get(reverse("programme:fiche_suivi", args=[fiche.pk])).text
    assert "Douze ateliers tenus" in suivi


@pytest.mark.django_db
def test_answering_again_updates_instead_of_duplicating(campagne, fiche_du_porteur):
    fiche = fiche_du_porteur
    client = client_de("porteur.demo")
    client.post(_url(campagne, fiche), _donnees(fiche))
    mesures, notes = Mesure.objects.count(), NoteSuivi.objects.count()
    indicateur = fiche.indicateurs.first()

    page = client.get(_url(campagne, fiche)).text
    assert "Vous avez déjà répondu" in page
    assert "Douze ateliers tenus" in page  # the form shows the answer given
    corrige = {
        f"indicateurs-indicateur_{indicateur.pk}": "11",
        "reponse-avancement": "Treize ateliers finalement.",
    }
    client.post(_url(campagne, fiche), _donnees(fiche, **corrige))

    assert Mesure.objects.count() == mesures
    assert NoteSuivi.objects.count() == notes
    assert ReponseBilan.objects.filter(campagne=campagne, fiche=fiche).count() == 1
    assert indicateur.mesures.get(date=timezone.localdate()).valeur == Decimal("11")
    assert fiche.notes.filter(texte="Treize ateliers finalement.").exists()


@pytest.mark.django_db
def test_a_financing_obtained_during_the_year_is_added(campagne, fiche_du_porteur):
    financeur = Organisation.objects.exclude(pk=fiche_du_porteur.porteur_id).first()
    data = _donnees(
        fiche_du_porteur,
        **{
            "financement-financeur": financeur.pk,
            "financement-montant": "2500",
            "financement-statut": "verse",
        },
    )
    client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    ajout = fiche_du_porteur.financements.get(financeur=financeur, annee=2026)
    assert (ajout.montant, ajout.statut) == (Decimal("2500"), "verse")


@pytest.mark.django_db
def test_bad_input_is_refused_in_french_and_nothing_is_lost(campagne, fiche_du_porteur):
    fiche = fiche_du_porteur
    indicateur = fiche.indicateurs.first()
    data = _donnees(
        fiche,
        **{
            "reponse-avancement": "",
            "reponse-publics_atteints": "",
            f"indicateurs-indicateur_{indicateur.pk}": "douze",
            "financement-montant": "300",
        },
    )
    response = client_de("porteur.demo").post(_url(campagne, fiche), data)
    assert response.status_code == 400
    text = response.text
    assert "La réponse n'a pas été enregistrée" in text
    assert escape("Décrivez où en est l'action cette année.") in text
    assert escape("Indiquez si l'action a atteint ses publics.") in text
    assert "Saisissez un nombre, par exemple 12 ou 12,5." in text
    assert "Choisissez le financeur de cette ligne." in text
    assert escape("Recrutement d'un animateur difficile") in text  # kept
    assert 'value="douze"' in text
    fiche.refresh_from_db()
    assert fiche.statut == FicheAction.Statut.EN_COURS
    assert not ReponseBilan.objects.exists()
    assert not indicateur.mesures.filter(date=timezone.localdate()).exists()


@pytest.mark.django_db
def test_abandoning_a_fiche_of_a_signed_contract_asks_a_motif(campagne, fiche_du_porteur):
    client = client_de("porteur.demo")
    data = _donnees(fiche_du_porteur, **{"statut-statut": "abandonnee"})
    response = client.post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 400
    assert not fiche_du_porteur.avenants.exists()

    data["statut-motif"] = "Le financement n'a pas été reconduit."
    client.post(_url(campagne, fiche_du_porteur), data)
    avenant = fiche_du_porteur.avenants.get()
    assert avenant.type == Avenant.Type.ABANDON
    assert avenant.demande_par.username == "porteur.demo"


@pytest.mark.django_db
def test_a_change_made_meanwhile_is_not_overwritten(campagne, fiche_du_porteur):
    data = _donnees(fiche_du_porteur)
    fiche_du_porteur.titre = "Titre changé par la coordination"
    fiche_du_porteur.save()
    response = client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 409
    assert escape("modifiée par quelqu'un d'autre") in response.text
    assert not ReponseBilan.objects.exists()
    assert not NoteSuivi.objects.filter(texte__startswith="Douze ateliers").exists()


@pytest.mark.django_db
def test_porteur_cannot_answer_for_another_organisation(campagne, morlaix):
    autre = morlaix.fiches.get(numero="1.2")
    client = client_de("porteur.demo")
    assert client.get(_url(campagne, autre)).status_code == 403
    response = client.post(_url(campagne, autre), _donnees(autre))
    assert response.status_code == 403
    assert "Seuls la coordination et le porteur de cette fiche" in response.text
    assert not ReponseBilan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["elu.morlaix", "referent.ars", "lecteur"])
def test_readers_cannot_answer(campagne, fiche_du_porteur, username):
    response = client_de(username).post(
        _url(campagne, fiche_du_porteur), _donnees(fiche_du_porteur)
    )
    assert response.status_code == 403
    assert not ReponseBilan.objects.exists()


@pytest.mark.django_db
def test_a_closed_campaign_takes_no_more_answers(campagne, fiche_du_porteur):
    campagne.close_le = timezone.now()
    campagne.save()
    response = client_de("porteur.demo").post(
        _url(campagne, fiche_du_porteur), _donnees(fiche_du_porteur)
    )
    assert response.status_code == 403
    assert "La campagne de bilan 2026 est close" in response.text
    assert not ReponseBilan.objects.exists()


@pytest.mark.django_db
def test_an_abandoned_fiche_is_not_asked_for(campagne, morlaix):
    abandonnee = morlaix.fiches.get(statut="abandonnee")
    response = client_de("coordinatrice.morlaix").get(_url(campagne, abandonnee))
    assert response.status_code == 404


@pytest.mark.django_db
def test_values_of_a_past_year_are_dated_on_31_december(morlaix, fiche_du_porteur):
    from clsante.bilan.models import CampagneBilan

    campagne = CampagneBilan.objects.create(
        contrat=morlaix, annee=2025, date_limite=timezone.localdate() + datetime.timedelta(days=5)
    )
    data = _donnees(fiche_du_porteur)
    client_de("coordinatrice.morlaix").post(_url(campagne, fiche_du_porteur), data)
    indicateur = fiche_du_porteur.indicateurs.first()
    assert indicateur.mesures.filter(date=datetime.date(2025, 12, 31)).exists()


@pytest.mark.django_db
def test_the_note_of_a_past_year_goes_into_that_year_annual_review(morlaix, fiche_du_porteur):
    from clsante.bilan.models import CampagneBilan
    from tests.documents.lecture import texte_docx

    campagne = CampagneBilan.objects.create(
        contrat=morlaix, annee=2025, date_limite=timezone.localdate() + datetime.timedelta(days=5)
    )
    data = _donnees(fiche_du_porteur, **{"reponse-avancement": "Bilan 2025 : neuf ateliers."})
    client = client_de("coordinatrice.morlaix")
    client.post(_url(campagne, fiche_du_porteur), data)

    note = fiche_du_porteur.notes.get(texte="Bilan 2025 : neuf ateliers.")
    assert note.date == datetime.date(2025, 12, 31)
    bilan = client.get(reverse("documents:bilan", args=[morlaix.pk, 2025, "docx"]))
    assert "Bilan 2025 : neuf ateliers." in texte_docx(bilan.content)
    suivant = client.get(reverse("documents:bilan", args=[morlaix.pk, 2026, "docx"]))
    assert "Bilan 2025 : neuf ateliers." not in texte_docx(suivant.content)


@pytest.mark.django_db
def test_an_indicator_value_may_be_typed_with_a_decimal_comma(campagne, fiche_du_porteur):
    indicateur = fiche_du_porteur.indicateurs.first()
    client = client_de("porteur.demo")
    champ = f"indicateurs-indicateur_{indicateur.pk}"

    response = client.post(
        _url(campagne, fiche_du_porteur), _donnees(fiche_du_porteur, **{champ: "12,5"})
    )

    assert response.status_code == 302
    assert indicateur.mesures.get(date=timezone.localdate()).valeur == Decimal("12.5")
    page = client.get(_url(campagne, fiche_du_porteur)).text
    assert f'name="{champ}" value="12,5"' in page  # shown back the French way


@pytest.mark.django_db
def test_thousands_separated_by_spaces_are_understood(campagne, fiche_du_porteur):
    indicateur = fiche_du_porteur.indicateurs.first()
    champ = f"indicateurs-indicateur_{indicateur.pk}"
    data = _donnees(fiche_du_porteur, **{champ: "1 200,75"})
    response = client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), data)
    assert response.status_code == 302
    assert indicateur.mesures.get(date=timezone.localdate()).valeur == Decimal("1200.75")


def _fil_ariane(page: str) -> str:
    debut = page.index('class="fr-breadcrumb__list"')
    return page[debut : page.index("</ol>", debut)]


@pytest.mark.django_db
def test_the_breadcrumb_leads_the_coordinatrice_back_to_the_campaign(campagne, fiche_du_porteur):
    page = client_de("coordinatrice.morlaix").get(_url(campagne, fiche_du_porteur)).text
    fil = _fil_ariane(page)
    suivi = reverse("bilan:campagne", args=[campagne.pk])
    assert f'href="{suivi}">Campagne 2026</a>' in fil
    assert fil.index("Bilan annuel") < fil.index("Campagne 2026") < fil.index("Fiche 1.4")


@pytest.mark.django_db
def test_the_breadcrumb_leads_a_porteur_to_his_own_list(campagne, fiche_du_porteur):
    client = client_de("porteur.demo")
    fil = _fil_ariane(client.get(_url(campagne, fiche_du_porteur)).text)
    suivi = reverse("bilan:campagne", args=[campagne.pk])
    assert suivi not in fil  # he may not follow the campaign (403)
    mes_fiches = reverse("bilan:mes_fiches") + f"#campagne-{campagne.pk}"
    assert f'href="{mes_fiches}">Campagne 2026</a>' in fil
    assert f'id="campagne-{campagne.pk}"' in client.get(reverse("bilan:mes_fiches")).text
