"""notifier(): one notification per person, following preferences, never twice per key."""

import pytest

from clsante.notifications.models import (
    Courriel,
    Notification,
    PreferenceNotification,
    TypeNotification,
)
from clsante.notifications.services import notifier

ETAPE = TypeNotification.ETAPE_EN_RETARD


def _notifier(personnes, cle="", **kwargs) -> int:
    return notifier(
        personnes, ETAPE, "Étape en retard : test", "Texte du rappel.", lien="/", cle=cle, **kwargs
    )


@pytest.mark.django_db
def test_by_default_a_person_gets_the_notification_in_the_app_and_by_email(gens, morlaix):
    coordinatrice = gens["coordinatrice.morlaix"]
    assert _notifier([coordinatrice], contrat=morlaix) == 1
    notification = Notification.objects.get(destinataire=coordinatrice)
    assert notification.dans_application and notification.contrat == morlaix
    courriel = Courriel.objects.get(destinataire=coordinatrice)
    assert courriel.adresse == "coordinatrice.morlaix@example.org"
    assert courriel.statut == Courriel.Statut.A_ENVOYER
    assert "Étape en retard : test" in courriel.sujet


@pytest.mark.django_db
def test_the_same_key_is_never_sent_twice_to_a_person(gens):
    personnes = [gens["coordinatrice.morlaix"], gens["elu.morlaix"]]
    assert _notifier(personnes[:1], cle="etape-1") == 1
    assert _notifier(personnes, cle="etape-1") == 1  # only the elu is new
    assert Notification.objects.filter(cle="etape-1").count() == 2
    assert Courriel.objects.count() == 2


@pytest.mark.django_db
def test_a_person_listed_twice_is_notified_once(gens):
    assert _notifier([gens["elu.morlaix"], gens["elu.morlaix"]]) == 1


@pytest.mark.django_db
def test_a_person_who_turned_email_off_gets_it_only_in_the_app(gens):
    elu = gens["elu.morlaix"]
    PreferenceNotification.objects.create(utilisateur=elu, type=ETAPE, par_courriel=False)
    assert _notifier([elu]) == 1
    assert Notification.objects.visibles().filter(destinataire=elu).count() == 1
    assert not Courriel.objects.exists()


@pytest.mark.django_db
def test_a_person_who_wants_only_emails_gets_a_mail_and_nothing_in_the_list(gens):
    elu = gens["elu.morlaix"]
    PreferenceNotification.objects.create(utilisateur=elu, type=ETAPE, dans_application=False)
    assert _notifier([elu], cle="k") == 1
    assert not Notification.objects.visibles().filter(destinataire=elu).exists()
    assert Courriel.objects.filter(destinataire=elu).count() == 1
    assert _notifier([elu], cle="k") == 0  # still never twice


@pytest.mark.django_db
def test_a_person_who_turned_both_off_gets_nothing(gens):
    elu = gens["elu.morlaix"]
    PreferenceNotification.objects.create(
        utilisateur=elu, type=ETAPE, dans_application=False, par_courriel=False
    )
    assert _notifier([elu]) == 0
    assert not Notification.objects.exists() and not Courriel.objects.exists()


@pytest.mark.django_db
def test_preferences_are_per_type(gens):
    elu = gens["elu.morlaix"]
    PreferenceNotification.objects.create(utilisateur=elu, type=ETAPE, par_courriel=False)
    notifier([elu], TypeNotification.REUNION_PROCHAINE, "Réunion", "Ordre du jour")
    assert Courriel.objects.filter(destinataire=elu, sujet__contains="Réunion").exists()


@pytest.mark.django_db
def test_a_person_without_email_address_gets_it_in_the_app_only(gens):
    elu = gens["elu.morlaix"]
    elu.email = ""
    elu.save()
    assert _notifier([elu]) == 1
    assert Notification.objects.filter(destinataire=elu).exists()
    assert not Courriel.objects.exists()


@pytest.mark.django_db
def test_inactive_accounts_are_not_notified(gens):
    elu = gens["elu.morlaix"]
    elu.is_active = False
    elu.save()
    assert _notifier([elu]) == 0


@pytest.mark.django_db
def test_the_mail_is_in_french_with_the_absolute_link_and_how_to_change_preferences(boite, gens):
    notifier(
        [gens["porteur.demo"]],
        ETAPE,
        "Étape en retard : Recrutement",
        "L'étape « Recrutement » n'est pas réalisée.",
        lien="/fiches/4/suivi/",
    )
    corps = Courriel.objects.get().corps
    assert "Bonjour" in corps
    assert "L'étape « Recrutement » n'est pas réalisée." in corps  # not HTML-escaped
    assert "https://clsante.example.org/fiches/4/suivi/" in corps
    assert "https://clsante.example.org/notifications/preferences/" in corps
