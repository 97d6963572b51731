"""The background worker: one pass prepares the reminders and sends the outbox."""

import datetime

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
    assert morlaix.nom in corps  # each item names its contract
    notifications = Notification.objects.filter(destinataire__email=groupes[0].to[0])
    assert all(n.titre in corps for n in notifications)


@pytest.mark.django_db
def test_a_failed_producer_sends_no_mail_about_its_rolled_back_reminders(boite, settings, morlaix):
    settings.CLSANTE_RAPPELS = [
        "tests.notifications.producteurs_essai.produire_puis_echouer",
        "clsante.notifications.rappels.produire",
    ]
    from clsante.notifications.taches import preparer_rappels

    bilan = preparer_rappels(datetime.date.today())
    assert bilan.erreurs and "panne simulée" in bilan.erreurs[0]
    call_command("envoyer_courriels")
    assert mail.outbox, "the other producer's reminders are mailed"
    assert not any("producteur en panne" in m.body for m in mail.outbox)
    assert not Notification.objects.filter(titre__contains="producteur en panne").exists()


@pytest.mark.django_db
def test_reminders_and_their_mails_are_made_together_or_not_at_all(boite, monkeypatch, morlaix):
    from clsante.notifications import services
    from clsante.notifications.taches import preparer_rappels

    def en_panne(notifications):
        raise OSError("disque plein")

    with monkeypatch.context() as m:
        m.setattr(services, "_mettre_en_file", en_panne)
        with pytest.raises(OSError):
            preparer_rappels(datetime.date.today())
    assert not Notification.objects.exists()  # nothing kept that would block the next run
    preparer_rappels(datetime.date.today())
    assert Notification.objects.exists()
    assert Courriel.objects.filter(statut=Courriel.Statut.A_ENVOYER).exists()
