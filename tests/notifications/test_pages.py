"""A person's notifications list, opening one, marking read, preferences, header count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clsante.notifications.models import (
    Courriel,
    Notification,
    PreferenceNotification,
    TypeNotification,
)
from clsante.notifications.services import notifier
from tests.personas import client_de

LISTE = reverse("notifications:liste")
PREFERENCES = reverse("notifications:preferences")


def _notification(personne, titre="Étape en retard : Recrutement", lien="/fiches/4/suivi/"):
    notifier([personne], TypeNotification.ETAPE_EN_RETARD, titre, "Texte du rappel.", lien=lien)
    return Notification.objects.filter(destinataire=personne).first()


@pytest.mark.django_db
def test_the_list_shows_my_notifications_newest_first_with_unread_ones_marked(gens):
    porteur = gens["porteur.demo"]
    _notification(porteur, "Première notification")
    _notification(porteur, "Seconde notification")
    _notification(gens["elu.morlaix"], "Notification de l'élu")
    page = client_de("porteur.demo").get(LISTE).text
    assert page.index("Seconde notification") < page.index("Première notification")
    assert "Notification de l'élu" not in page
    assert "2 notifications non lues." in page
    assert page.count("Non lue</span>") == 2
    assert "Tout marquer comme lu" in page


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_goes_to_its_page(gens):
    notification = _notification(gens["porteur.demo"])
    client = client_de("porteur.demo")
    response = client.get(reverse("notifications:ouvrir", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/fiches/4/suivi/"
    notification.refresh_from_db()
    assert notification.lue
    assert "Aucune notification non lue." in client.get(LISTE).text


@pytest.mark.django_db
@pytest.mark.parametrize("lien", ["//pirate.example/", "https://pirate.example/", "/\\pirate"])
def test_opening_never_redirects_outside_the_site(gens, lien):
    notification = _notification(gens["porteur.demo"], lien=lien)
    response = client_de("porteur.demo").get(
        reverse("notifications:ouvrir", args=[notification.pk])
    )
    assert response["Location"] == LISTE


@pytest.mark.django_db
def test_nobody_can_open_another_persons_notification(gens):
    notification = _notification(gens["porteur.demo"])
    response = client_de("elu.morlaix").get(reverse("notifications:ouvrir", args=[notification.pk]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert not notification.lue


@pytest.mark.django_db
def test_mark_all_read_only_marks_mine(gens):
    _notification(gens["porteur.demo"])
    _notification(gens["porteur.demo"], "Autre")
    autre = _notification(gens["elu.morlaix"])
    client = client_de("porteur.demo")
    response = client.post(reverse("notifications:tout_lire"), follow=True)
    assert "2 notification(s) marquée(s) comme lue(s)." in response.text
    assert not Notification.objects.filter(destinataire=gens["porteur.demo"], lue_le=None)
    autre.refresh_from_db()
    assert not autre.lue
    assert client.get(reverse("notifications:tout_lire")).status_code == 405


@pytest.mark.django_db
def test_the_header_shows_the_unread_count_with_one_query(gens):
    _notification(gens["porteur.demo"])
    _notification(gens["porteur.demo"], "Autre")
    client = client_de("porteur.demo")
    with CaptureQueriesContext(connection) as requetes:
        page = client.get(PREFERENCES).text
    assert "Notifications <span" in page and ">2<span" in page and "non lues" in page
    sur_notifications = [q for q in requetes if "notifications_notification" in q["sql"]]
    assert len(sur_notifications) == 1
    client.post(reverse("notifications:tout_lire"))
    page = client.get(PREFERENCES).text
    assert "Notifications</a>" in page


@pytest.mark.django_db
def test_anonymous_visitors_see_no_notifications_link(client):
    page = client.get(reverse("core:mentions")).text
    assert "Notifications" not in page


@pytest.mark.django_db
def test_preferences_form_saves_each_types_two_choices(gens):
    client = client_de("elu.morlaix")
    page = client.get(PREFERENCES).text
    assert "Étape en retard" in page and "Résumé hebdomadaire" in page
    assert page.count('type="checkbox"') == 2 * len(TypeNotification.values)
    donnees = {f"{t}__application": "on" for t in TypeNotification.values}
    donnees |= {f"{t}__courriel": "on" for t in TypeNotification.values}
    del donnees["resume_hebdomadaire__courriel"]
    del donnees["etape_en_retard__application"]
    response = client.post(PREFERENCES, donnees, follow=True)
    assert "Vos préférences de notification ont été enregistrées." in response.text
    elu = gens["elu.morlaix"]
    resume = PreferenceNotification.objects.get(utilisateur=elu, type="resume_hebdomadaire")
    assert resume.dans_application and not resume.par_courriel
    notifier([elu], TypeNotification.RESUME_HEBDOMADAIRE, "Résumé", "…")
    assert not Courriel.objects.exists()
    notifier([elu], TypeNotification.ETAPE_EN_RETARD, "Étape", "…")
    assert not Notification.objects.visibles().filter(destinataire=elu, titre="Étape").exists()
    assert Courriel.objects.count() == 1


@pytest.mark.django_db
def test_preferences_tell_a_person_without_email_that_mails_cannot_reach_them(gens):
    lecteur = gens["lecteur"]
    lecteur.email = ""
    lecteur.save()
    page = client_de("lecteur").get(PREFERENCES).text
    assert "Aucune adresse électronique" in page


@pytest.mark.django_db
def test_the_list_links_to_the_preferences(gens):
    assert PREFERENCES in client_de("lecteur").get(LISTE).text


@pytest.mark.django_db
def test_the_header_count_is_read_once_then_follows_every_change(gens):
    """Kept in the shared cache: the next pages run no count query, and the badge follows
    a new notification, one opened, all marked read and one deleted."""
    porteur = gens["porteur.demo"]
    premiere = _notification(porteur)
    client = client_de("porteur.demo")
    client.get(PREFERENCES)
    with CaptureQueriesContext(connection) as requetes:
        page = client.get(PREFERENCES).text
    assert ">1<span" in page
    assert not [q for q in requetes if "notifications_notification" in q["sql"]]
    _notification(porteur, "Autre")
    assert ">2<span" in client.get(PREFERENCES).text
    client.get(reverse("notifications:ouvrir", args=[premiere.pk]))
    assert ">1<span" in client.get(PREFERENCES).text
    troisieme = _notification(porteur, "Troisième")
    assert ">2<span" in client.get(PREFERENCES).text
    troisieme.delete()
    assert ">1<span" in client.get(PREFERENCES).text
    client.post(reverse("notifications:tout_lire"))
    assert "Notifications</a>" in client.get(PREFERENCES).text
