"""The progress of a campaign, one-click reminders and closing."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from clsante.notifications.models import Notification, TypeNotification
from tests.bilan.conftest import repondue
from tests.personas import client_de


def _url(campagne, nom: str = "campagne") -> str:
    return reverse(f"bilan:{nom}", args=[campagne.pk])


@pytest.mark.django_db
def test_progress_counts_answered_and_pending_fiches(campagne, fiches_du_porteur, morlaix):
    for fiche in fiches_du_porteur:
        repondue(campagne, fiche)
    demandees = morlaix.fiches.exclude(statut="abandonnee").count()
    response = client_de("coordinatrice.morlaix").get(_url(campagne))
    assert response.status_code == 200
    assert f"{len(fiches_du_porteur)} / {demandees}" in response.text
    assert "Association Solidarités Trégor-Léon" in response.text
    assert "Tout renseigné" in response.text
    assert "Relancer les porteurs qui n'ont pas répondu" in response.text
    assert "En retard" not in response.text


@pytest.mark.django_db
def test_fiches_without_answer_are_late_after_the_deadline(campagne):
    campagne.date_limite = timezone.localdate() - datetime.timedelta(days=1)
    campagne.save()
    response = client_de("elu.morlaix").get(_url(campagne))
    assert response.status_code == 200
    assert "En retard" in response.text
    assert "Relancer les porteurs" not in response.text  # the elected official only reads


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["porteur.demo", "lecteur"])
def test_porteurs_and_readers_do_not_follow_the_campaign(campagne, username):
    response = client_de(username).get(_url(campagne))
    assert response.status_code == 403


@pytest.mark.django_db
def test_relancer_reminds_only_the_porteurs_with_pending_fiches(
    campagne, fiches_du_porteur, porteur_cpts
):
    for fiche in fiches_du_porteur:
        repondue(campagne, fiche)
    response = client_de("coordinatrice.morlaix").post(_url(campagne, "relancer"), follow=True)
    assert "1 personne relancée" in response.text
    relances = Notification.objects.filter(type=TypeNotification.CAMPAGNE_RELANCE)
    assert [n.destinataire for n in relances] == [porteur_cpts]


@pytest.mark.django_db
def test_relancer_says_when_nobody_is_left(campagne, fiches_du_porteur):
    for fiche in fiches_du_porteur:
        repondue(campagne, fiche)
    response = client_de("coordinatrice.morlaix").post(_url(campagne, "relancer"), follow=True)
    assert "Personne à relancer" in response.text
    assert not Notification.objects.exists()


def _relances():
    return Notification.objects.filter(type=TypeNotification.CAMPAGNE_RELANCE)


@pytest.mark.django_db
def test_a_second_click_does_not_remind_the_same_people_twice(campagne):
    client = client_de("coordinatrice.morlaix")
    client.post(_url(campagne, "relancer"), follow=True)
    response = client.post(_url(campagne, "relancer"), follow=True)
    assert (
        escape(
            "Personne n'a été relancé : la personne qui n'a pas répondu l'a été dans les "
            "dernières 24 heures"
        )
        in response.text
    )
    assert _relances().count() == 1
    assert _relances().get().courriels.count() == 1  # one mail, not two


@pytest.mark.django_db
def test_people_reminded_more_than_a_day_ago_are_reminded_again(campagne):
    client = client_de("coordinatrice.morlaix")
    client.post(_url(campagne, "relancer"), follow=True)
    hier = timezone.now() - datetime.timedelta(hours=25)
    _relances().update(cree_le=hier, cle=f"campagne-{campagne.pk}-relance-{hier:%Y-%m-%d}")
    response = client.post(_url(campagne, "relancer"), follow=True)
    assert "1 personne relancée" in response.text
    assert _relances().count() == 2


@pytest.mark.django_db
def test_a_porteur_just_invited_is_not_reminded_but_the_others_are(campagne, porteur_cpts):
    from clsante.comptes.models import Utilisateur
    from clsante.notifications.services import notifier

    porteur = Utilisateur.objects.get(username="porteur.demo")
    notifier(
        [porteur],
        TypeNotification.CAMPAGNE_OUVERTE,
        "Invitation",
        "",
        cle=(f"campagne-{campagne.pk}-ouverture"),
    )
    response = client_de("coordinatrice.morlaix").post(_url(campagne, "relancer"), follow=True)
    assert (
        escape(
            "1 personne relancée (dans l'application et par courriel, selon les préférences "
            "de chacun) ; "
            "1 autre l'a été dans les dernières 24 heures."
        )
        in response.text
    )
    assert [n.destinataire for n in _relances()] == [porteur_cpts]


@pytest.mark.django_db
def test_a_reminder_of_another_campaign_does_not_count(campagne, poher):
    from clsante.bilan.models import CampagneBilan

    autre = CampagneBilan.objects.create(
        contrat=poher, annee=2026, date_limite=timezone.localdate()
    )
    client_de("coordinatrice.morlaix").post(_url(campagne, "relancer"))
    _relances().update(cle=f"campagne-{autre.pk}-relance-{timezone.localdate():%Y-%m-%d}")
    response = client_de("coordinatrice.morlaix").post(_url(campagne, "relancer"), follow=True)
    assert "1 personne relancée" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("nom", ["relancer", "cloturer"])
@pytest.mark.parametrize("username", ["porteur.demo", "elu.morlaix", "referent.ars"])
def test_only_the_coordination_reminds_and_closes(campagne, nom, username):
    assert client_de(username).post(_url(campagne, nom)).status_code == 403
    campagne.refresh_from_db()
    assert campagne.ouverte
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_closing_stops_answers_and_reminders(campagne, fiche_du_porteur):
    client = client_de("coordinatrice.morlaix")
    response = client.post(_url(campagne, "cloturer"), follow=True)
    assert "Campagne de bilan 2026 close" in response.text
    campagne.refresh_from_db()
    assert not campagne.ouverte
    assert "Relancer les porteurs" not in response.text
    repondre = reverse("bilan:repondre", args=[campagne.pk, fiche_du_porteur.pk])
    assert client_de("porteur.demo").get(repondre).status_code == 403
    response = client.post(_url(campagne, "relancer"), follow=True)
    assert "Cette campagne est close" in response.text
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_campaign_of_a_draft_contract_is_invisible_to_other_contracts(poher):
    from clsante.bilan.models import CampagneBilan

    campagne = CampagneBilan.objects.create(
        contrat=poher, annee=2026, date_limite=timezone.localdate()
    )
    for username in ("coordinatrice.morlaix", "porteur.demo", "elu.morlaix"):
        client = client_de(username)
        assert client.get(_url(campagne)).status_code == 404
        assert client.post(_url(campagne, "relancer")).status_code == 404
    assert client_de("coordinatrice.poher").get(_url(campagne)).status_code == 200


@pytest.mark.django_db
def test_progress_page_queries_do_not_grow_with_answers(
    campagne, fiches_du_porteur, django_assert_max_num_queries
):
    client = client_de("elu.morlaix")
    for fiche in fiches_du_porteur:
        repondue(campagne, fiche)
    with django_assert_max_num_queries(12):
        assert client.get(_url(campagne)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "colonnes"), [("elu.morlaix", 3), ("coordinatrice.morlaix", 4)]
)
def test_the_empty_table_row_spans_exactly_the_table_columns(campagne, morlaix, username, colonnes):
    morlaix.fiches.update(porteur=None)
    page = client_de(username).get(_url(campagne)).text
    tableau = page[page.index("État des réponses par fiche action") :]
    tableau = tableau[: tableau.index("</table>")]
    assert tableau.count('<th scope="col">') == colonnes
    assert f'<td colspan="{colonnes}">Aucune fiche action en cours' in tableau


def _porteurs(page: str) -> list[str]:
    """The organisations of the « Porteurs » table, in the order shown."""
    tableau = page[page.index("Réponses par organisation porteuse") :]
    tableau = tableau[: tableau.index("</table>")]
    return re.findall(r'<th scope="row">(.*?)</th>', tableau)


@pytest.mark.django_db
def test_porteurs_are_sorted_like_a_french_index(campagne):
    page = client_de("coordinatrice.morlaix").get(_url(campagne)).text
    noms = [unescape(nom) for nom in _porteurs(page)]
    assert noms.index("Centre social et culturel des Hauts de Morlaix") < noms.index(
        "CPAM du Finistère"
    )
    assert noms.index("Maison de santé pluriprofessionnelle de Plougonven") < noms.index(
        "MSA d'Armorique"
    )
    assert noms.index("Association d'aide et de soins à domicile du Pays de Morlaix") < (
        noms.index("Association Solidarités Trégor-Léon")
    )


def _ligne_porteur(page: str, nom: str) -> str:
    debut = page.index(f'<th scope="row">{nom}</th>')
    return page[debut : page.index("</tr>", debut)]


@pytest.mark.django_db
def test_a_porteur_state_says_how_many_fiches_are_answered(campagne, fiches_du_porteur):
    client = client_de("coordinatrice.morlaix")
    nom = "Association Solidarités Trégor-Léon"
    assert "Aucune réponse" in _ligne_porteur(client.get(_url(campagne)).text, nom)
    repondue(campagne, fiches_du_porteur[0])
    ligne = _ligne_porteur(client.get(_url(campagne)).text, nom)
    assert f"1/{len(fiches_du_porteur)} renseignées" in ligne
    assert "N&#x27;a pas tout renseigné" not in ligne
    for fiche in fiches_du_porteur[1:]:
        repondue(campagne, fiche)
    assert "Tout renseigné" in _ligne_porteur(client.get(_url(campagne)).text, nom)


@pytest.mark.django_db
def test_a_closed_campaign_can_be_reopened_by_the_coordination(campagne, fiche_du_porteur):
    client = client_de("coordinatrice.morlaix")
    client.post(_url(campagne, "cloturer"))
    assert client_de("porteur.demo").post(_url(campagne, "rouvrir")).status_code == 403
    response = client.post(_url(campagne, "rouvrir"), follow=True)
    assert "Campagne de bilan 2026 rouverte" in response.text
    campagne.refresh_from_db()
    assert campagne.ouverte
    repondre = reverse("bilan:repondre", args=[campagne.pk, fiche_du_porteur.pk])
    assert client_de("porteur.demo").get(repondre).status_code == 200


@pytest.mark.django_db
def test_a_campaign_is_not_reopened_while_another_one_is_open(campagne, morlaix):
    from clsante.bilan.models import CampagneBilan

    client = client_de("coordinatrice.morlaix")
    client.post(_url(campagne, "cloturer"))
    CampagneBilan.objects.create(
        contrat=morlaix, annee=2025, date_limite=campagne.date_limite, ouverte_par=None
    )
    response = client.post(_url(campagne, "rouvrir"), follow=True)
    assert escape("La campagne de bilan 2025 est ouverte") in response.text
    campagne.refresh_from_db()
    assert not campagne.ouverte
