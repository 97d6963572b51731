"""Automatic reminders before and after the deadline, sent once each."""

import datetime

import pytest

from clsante.bilan import rappels
from clsante.notifications.models import Notification, TypeNotification
from tests.bilan.conftest import repondue


def _echeances():
    return Notification.objects.filter(type=TypeNotification.CAMPAGNE_ECHEANCE)


@pytest.fixture
def limite(campagne) -> datetime.date:
    return campagne.date_limite


@pytest.mark.django_db
def test_nothing_is_sent_long_before_the_deadline(campagne, limite):
    assert rappels.produire(limite - datetime.timedelta(days=10)) == 0
    assert not _echeances().exists()


@pytest.mark.django_db
def test_a_week_before_the_deadline_pending_porteurs_are_reminded(campagne, limite):
    assert rappels.produire(limite - datetime.timedelta(days=7)) == 1
    rappel = _echeances().get()
    assert rappel.destinataire.username == "porteur.demo"
    assert rappel.titre.startswith("Bilan annuel 2026 : réponse attendue le")


@pytest.mark.django_db
def test_running_twice_the_same_day_sends_nothing_more(campagne, limite):
    jour = limite - datetime.timedelta(days=7)
    rappels.produire(jour)
    assert rappels.produire(jour) == 0
    assert rappels.produire(jour + datetime.timedelta(days=1)) == 0  # same stage
    assert _echeances().count() == 1


@pytest.mark.django_db
def test_on_the_day_and_after_the_deadline_new_reminders_go(campagne, limite):
    rappels.produire(limite - datetime.timedelta(days=7))
    assert rappels.produire(limite) == 1
    assert rappels.produire(limite + datetime.timedelta(days=3)) == 1
    dernier = _echeances().order_by("-pk").first()
    assert dernier.titre == "Bilan annuel 2026 : la date limite est dépassée"
    assert _echeances().count() == 3


@pytest.mark.django_db
def test_porteurs_who_answered_everything_are_left_alone(
    campagne, limite, fiches_du_porteur, porteur_cpts
):
    for fiche in fiches_du_porteur:
        repondue(campagne, fiche)
    assert rappels.produire(limite) == 1
    assert _echeances().get().destinataire == porteur_cpts


@pytest.mark.django_db
def test_closed_campaigns_send_no_reminder(campagne, limite):
    from django.utils import timezone

    campagne.close_le = timezone.now()
    campagne.save()
    assert rappels.produire(limite) == 0


@pytest.mark.django_db
def test_a_reminder_due_on_the_opening_day_does_not_double_the_invitation(morlaix):
    from django.utils import timezone

    from clsante.bilan.models import CampagneBilan

    today = timezone.localdate()
    CampagneBilan.objects.create(
        contrat=morlaix, annee=2026, date_limite=today + datetime.timedelta(days=3)
    )
    assert rappels.produire(today) == 0


@pytest.mark.django_db
def test_each_reminder_says_where_the_deadline_stands(campagne, limite):
    jours = {
        -7: ("réponse attendue le", "L'échéance de la campagne de bilan approche."),
        0: (
            "réponse attendue aujourd'hui",
            "C'est aujourd'hui la date limite de la campagne de bilan.",
        ),
        3: ("la date limite est dépassée", "La date limite de la campagne de bilan est passée."),
    }
    textes = set()
    for jour, (titre, debut) in jours.items():
        rappels.produire(limite + datetime.timedelta(days=jour))
        rappel = _echeances().order_by("-pk").first()
        assert titre in rappel.titre
        assert rappel.texte.startswith(debut)
        textes.add(rappel.texte)
    assert len(textes) == 3
