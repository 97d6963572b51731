"""The progress of a campaign, one-click reminders and closing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

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
    assert "A tout renseigné" in response.text
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
    assert "1 porteur relancé" in response.text
    relances = Notification.objects.filter(type=TypeNotification.CAMPAGNE_RELANCE)
    assert [n.destinataire for n in relances] == [porteur_cpts]


@pytest.mark.django_db
def test_relancer_says_when_nobody_is_left(campagne, fiches_du_porteur):
    for fiche in fiches_du_porteur:
        repondue(campagne, fiche)
    response = client_de("coordinatrice.morlaix").post(_url(campagne, "relancer"), follow=True)
    assert "Personne à relancer" in response.text
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_each_click_reminds_again(campagne):
    client = client_de("coordinatrice.morlaix")
    client.post(_url(campagne, "relancer"))
    client.post(_url(campagne, "relancer"))
    assert Notification.objects.filter(type=TypeNotification.CAMPAGNE_RELANCE).count() == 2


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
