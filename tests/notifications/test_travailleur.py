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
