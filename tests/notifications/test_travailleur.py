"""The background worker: one pass prepares the reminders and sends the outbox."""

import pytest
from django.core import mail
from django.core.management import call_command

from clsante.notifications.models import Courriel, Notification


@pytest.mark.django_db
def test_one_pass_of_the_worker_prepares_reminders_and_sends_their_mails(boite, morlaix, capsys):
    call_command("travailleur", "--une-fois")
    assert Notification.objects.exists()  # the demo has late steps today
    assert mail.outbox
    assert not Courriel.objects.filter(statut=Courriel.Statut.A_ENVOYER).exists()
    sortie = capsys.readouterr().out
    assert "Rappels préparés" in sortie and "courriel(s) envoyé(s)" in sortie


@pytest.mark.django_db
def test_each_person_gets_one_mail_for_all_the_days_reminders(boite, morlaix):
    call_command("preparer_rappels")
    call_command("envoyer_courriels")
    adresses = [m.to[0] for m in mail.outbox]
    assert len(adresses) == len(set(adresses))
    groupes = [m for m in mail.outbox if "rappels vous concernent" in m.subject]
    assert groupes, "the demo gives the coordinatrice several reminders the same day"
    corps = groupes[0].body
    assert "1. " in corps and "2. " in corps
    notifications = Notification.objects.filter(destinataire__email=groupes[0].to[0])
    assert all(n.titre in corps for n in notifications)
