"""Opening a campaign from the « Bilan annuel » tab: who may, what is checked, who is told."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from clsante.bilan.models import CampagneBilan, annee_de_bilan_par_defaut
from clsante.notifications.models import Notification, TypeNotification
from tests.personas import client_de


def _url(contrat) -> str:
    return reverse("bilan:contrat", args=[contrat.pk])


def _donnees(**changes) -> dict:
    data = {
        "annee": "2026",
        "date_limite": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "message": "Merci de compléter vos fiches avant le comité de pilotage.",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_coordinatrice_opens_a_campaign_and_porteurs_are_invited(morlaix):
    response = client_de("coordinatrice.morlaix").post(_url(morlaix), _donnees(), follow=True)
    assert response.status_code == 200
    sans_compte = len(_structures_porteuses(morlaix)) - 1  # only porteur.demo's has one
    assert (
        escape(
            "Campagne de bilan 2026 ouverte : 1 personne invitée à répondre ; "
            f"{sans_compte} structures porteuses n'ont pas de compte dans CLSanté : "
            "leurs fiches sont à renseigner par la coordination."
        )
        in response.text
    )
    campagne = CampagneBilan.objects.get(contrat=morlaix, annee=2026)
    assert campagne.ouverte_par.username == "coordinatrice.morlaix"
    invitation = Notification.objects.get(type=TypeNotification.CAMPAGNE_OUVERTE)
    assert invitation.destinataire.username == "porteur.demo"
    assert invitation.lien == reverse("bilan:mes_fiches")
    assert "comité de pilotage" in invitation.texte
    assert invitation.courriels.get().adresse == "porteur.demo@example.org"


def _structures_porteuses(contrat) -> set[int]:
    fiches = contrat.fiches.exclude(statut="abandonnee").filter(porteur__isnull=False)
    return set(fiches.values_list("porteur", flat=True))


@pytest.mark.django_db
def test_with_every_porteur_on_board_the_opening_message_says_only_who_is_invited(morlaix):
    from clsante.comptes.models import Utilisateur
    from clsante.contrats.models import Habilitation
    from clsante.organisations.models import Organisation

    porteur_demo = Utilisateur.objects.get(username="porteur.demo").organisation_id
    for rang, organisation in enumerate(
        Organisation.objects.filter(pk__in=_structures_porteuses(morlaix) - {porteur_demo})
    ):
        user = Utilisateur.objects.create_user(f"porteur.{rang}", organisation=organisation)
        Habilitation.objects.create(
            contrat=morlaix, utilisateur=user, role=Habilitation.Role.PORTEUR
        )
    response = client_de("coordinatrice.morlaix").post(_url(morlaix), _donnees(), follow=True)
    personnes = len(_structures_porteuses(morlaix))
    assert (
        f"Campagne de bilan 2026 ouverte : {personnes} personnes invitées à répondre."
        in response.text
    )
    assert "pas de compte" not in response.text


@pytest.mark.django_db
def test_the_form_is_hidden_while_a_campaign_is_open(morlaix, campagne):
    client = client_de("coordinatrice.morlaix")
    page = client.get(_url(morlaix)).text
    assert "Ouvrir la campagne" not in page
    assert (
        "La campagne de bilan 2026 est en cours : vous pourrez ouvrir une nouvelle campagne "
        "une fois celle-ci clôturée"
    ) in page
    assert reverse("bilan:campagne", args=[campagne.pk]) in page

    client.post(reverse("bilan:cloturer", args=[campagne.pk]))
    page = client.get(_url(morlaix)).text
    assert "Ouvrir la campagne" in page
    assert "est en cours" not in page


@pytest.mark.django_db
def test_the_form_proposes_the_year_and_a_deadline_a_month_ahead(morlaix):
    response = client_de("coordinatrice.morlaix").get(_url(morlaix))
    assert response.status_code == 200
    assert "Ouvrir une campagne" in response.text
    today = timezone.localdate()
    annee = today.year - 1 if today.month <= 3 else today.year
    assert f'value="{annee}"' in response.text
    assert (today + datetime.timedelta(days=30)).isoformat() in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_limite": "2020-01-31"}, "La date limite ne peut pas être dans le passé."),
        ({"annee": "2099"}, "L'année 2099 n'a pas encore commencé"),
        ({"date_limite": ""}, "Indiquez la date limite de réponse."),
    ],
)
def test_a_wrong_campaign_is_refused_in_french_and_kept(morlaix, changes, message):
    data = _donnees(**changes)
    response = client_de("coordinatrice.morlaix").post(_url(morlaix), data)
    assert response.status_code == 400
    assert escape(message) in response.text
    assert "La campagne n'a pas été ouverte" in response.text
    assert "comité de pilotage" in response.text  # what was typed is still there
    assert not CampagneBilan.objects.filter(contrat=morlaix).exists()


@pytest.mark.django_db
def test_a_second_campaign_for_the_same_year_is_refused(morlaix, campagne):
    campagne.close_le = timezone.now()
    campagne.save()
    response = client_de("coordinatrice.morlaix").post(_url(morlaix), _donnees())
    assert response.status_code == 400
    assert "Une campagne de bilan existe déjà pour 2026 sur ce contrat." in response.text


@pytest.mark.django_db
def test_a_campaign_cannot_be_opened_while_another_is_open(morlaix, campagne):
    response = client_de("coordinatrice.morlaix").post(_url(morlaix), _donnees(annee="2025"))
    assert response.status_code == 400
    assert escape("La campagne de bilan 2026 est encore ouverte") in response.text
    assert morlaix.campagnes_bilan.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "lecteur", "referent.ars"])
def test_only_the_coordination_opens_a_campaign(morlaix, username):
    response = client_de(username).post(_url(morlaix), _donnees())
    assert response.status_code == 403
    assert not CampagneBilan.objects.filter(contrat=morlaix).exists()
    assert "Ouvrir la campagne" not in client_de(username).get(_url(morlaix)).text


@pytest.mark.django_db
def test_people_of_morlaix_do_not_see_the_draft_contract_of_poher(poher):
    for username in ("coordinatrice.morlaix", "porteur.demo", "elu.morlaix"):
        assert client_de(username).get(_url(poher)).status_code == 404
        assert client_de(username).post(_url(poher), _donnees()).status_code == 404
    assert not CampagneBilan.objects.filter(contrat=poher).exists()


@pytest.mark.django_db
def test_the_tab_lists_campaigns_with_their_progress(morlaix, campagne):
    response = client_de("elu.morlaix").get(_url(morlaix))
    assert response.status_code == 200
    assert 'aria-current="page">Bilan annuel' in response.text
    assert "Bilan 2026" in response.text
    demandees = morlaix.fiches.exclude(statut="abandonnee").count()
    assert f"0 fiche sur {demandees} renseignée" in response.text
    assert reverse("bilan:campagne", args=[campagne.pk]) in response.text


@pytest.mark.django_db
def test_a_porteur_finds_his_fiches_from_the_tab(morlaix, campagne):
    response = client_de("porteur.demo").get(_url(morlaix))
    assert "Bilan 2026" in response.text
    assert reverse("bilan:mes_fiches") in response.text
    assert reverse("bilan:campagne", args=[campagne.pk]) not in response.text


@pytest.mark.parametrize(
    ("jour", "annee"),
    [
        (datetime.date(2027, 1, 15), 2026),
        (datetime.date(2027, 3, 31), 2026),
        (datetime.date(2027, 4, 1), 2027),
        (datetime.date(2026, 11, 24), 2026),
    ],
)
def test_the_year_to_review_is_the_one_just_ended_in_the_first_quarter(jour, annee):
    assert annee_de_bilan_par_defaut(jour) == annee


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["coordinatrice.morlaix", "elu.morlaix", "porteur.demo"])
def test_the_tab_offers_the_review_of_the_default_year_before_any_campaign(morlaix, username):
    annee = annee_de_bilan_par_defaut(timezone.localdate())
    page = client_de(username).get(_url(morlaix)).text
    assert "Aucune campagne de bilan n'a encore été ouverte" in page
    for format in ("pdf", "docx", "odt"):
        assert reverse("documents:bilan", args=[morlaix.pk, annee, format]) in page
    assert f"Bilan annuel {annee} en PDF" in page


@pytest.mark.django_db
def test_the_tab_offers_no_review_to_a_public_reader(morlaix):
    page = client_de("lecteur").get(_url(morlaix)).text
    assert f"/contrats/{morlaix.pk}/bilan-" not in page
    assert "Bilan annuel 20" not in page


@pytest.mark.django_db
def test_the_review_of_the_campaign_year_is_offered_once(morlaix, campagne):
    page = client_de("coordinatrice.morlaix").get(_url(morlaix)).text
    url = reverse("documents:bilan", args=[morlaix.pk, campagne.annee, "pdf"])
    assert page.count(url) == 1
