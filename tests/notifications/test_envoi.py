"""The outbox: sent through settings.EMAIL_BACKEND, retried on failure, never lost."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from clsante.notifications.envoi import envoyer_courriels
from clsante.notifications.models import TENTATIVES_MAX, Courriel, TypeNotification
from clsante.notifications.services import notifier

INJOIGNABLE = "tests.notifications.backends.ServeurInjoignable"


def _mettre_en_file(gens) -> Courriel:
    notifier(
        [gens["elu.morlaix"]],
        TypeNotification.REUNION_PROCHAINE,
        "Réunion le 12/03/2026 : Comité de pilotage",
        "Ordre du jour : bilan annuel.",
        lien="/contrats/2/",
    )
    return Courriel.objects.get()


def _echeance_passee(courriel: Courriel) -> None:
    """Time passes: the retry is now due."""
    Courriel.objects.filter(pk=courriel.pk).update(
        prochain_essai=timezone.now() - datetime.timedelta(seconds=1)
    )


@pytest.mark.django_db
def test_queued_mails_are_sent_once(boite, gens):
    courriel = _mettre_en_file(gens)
    assert str(envoyer_courriels()).startswith("1 courriel(s) envoyé(s)")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["elu.morlaix@example.org"]
    assert "Comité de pilotage" in message.subject
    assert "https://clsante.example.org/contrats/2/" in message.body
    courriel.refresh_from_db()
    assert courriel.statut == Courriel.Statut.ENVOYE and courriel.envoye_le
    envoyer_courriels()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_failed_send_is_retried_later_with_the_error_kept(settings, gens):
    settings.EMAIL_BACKEND = INJOIGNABLE
    courriel = _mettre_en_file(gens)
    bilan = envoyer_courriels()
    assert (bilan.envoyes, bilan.reportes, bilan.echecs) == (0, 1, 0)
    courriel.refresh_from_db()
    assert courriel.statut == Courriel.Statut.A_ENVOYER
    assert courriel.tentatives == 1
    assert "serveur SMTP injoignable" in courriel.derniere_erreur
    assert courriel.prochain_essai > timezone.now() + datetime.timedelta(minutes=4)
    assert envoyer_courriels().reportes == 0  # not due yet


@pytest.mark.django_db
def test_after_the_last_attempt_the_mail_is_marked_failed_and_kept(settings, gens):
    settings.EMAIL_BACKEND = INJOIGNABLE
    courriel = _mettre_en_file(gens)
    delais = []
    for _ in range(TENTATIVES_MAX):
        _echeance_passee(courriel)
        avant = timezone.now()
        envoyer_courriels()
        courriel.refresh_from_db()
        delais.append(courriel.prochain_essai - avant)
    assert courriel.statut == Courriel.Statut.ECHEC
    assert courriel.tentatives == TENTATIVES_MAX
    assert "ConnectionRefusedError" in courriel.derniere_erreur
    assert delais[0] < delais[1] < delais[2] < delais[3]  # growing backoff
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _echeance_passee(courriel)
    envoyer_courriels()
    assert mail.outbox == []  # a failed mail waits for a person, it is not resent alone
    assert Courriel.objects.filter(pk=courriel.pk).exists()


@pytest.mark.django_db
def test_the_command_reports_counts_in_french(settings, gens, capsys):
    settings.EMAIL_BACKEND = INJOIGNABLE
    courriel = _mettre_en_file(gens)
    Courriel.objects.filter(pk=courriel.pk).update(tentatives=TENTATIVES_MAX - 1)
    call_command("envoyer_courriels")
    sortie = capsys.readouterr()
    assert "0 courriel(s) envoyé(s), 0 reporté(s) après une erreur, 1 en échec définitif." in (
        sortie.out
    )
    assert "1 courriel(s) en échec définitif au total" in sortie.err


@pytest.mark.django_db
def test_failed_mails_are_listed_in_the_admin(client_admin, settings, gens):
    settings.EMAIL_BACKEND = INJOIGNABLE
    _mettre_en_file(gens)
    envoyer_courriels()
    page = client_admin.get("/admin/notifications/courriel/?statut=a_envoyer").text
    assert "elu.morlaix@example.org" in page
    assert "Comité de pilotage" in page
