"""The weekly digest: once per ISO week and person, only when something changed."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from clsante.notifications.models import Notification, TypeNotification
from clsante.notifications.resume import produire_resumes
from clsante.programme.models import Avenant, Commentaire, FicheAction, Mesure, NoteSuivi


def _demain() -> datetime.date:
    """The digest covers the 7 days before the day it runs: today's changes are in it."""
    return timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def semaine_calme(db):
    """The demo was loaded a month ago: only what a test does happened this week."""
    il_y_a_un_mois = timezone.now() - datetime.timedelta(days=30)
    FicheAction.history.update(history_date=il_y_a_un_mois)
    Mesure.history.update(history_date=il_y_a_un_mois)
    Commentaire.objects.update(cree_le=il_y_a_un_mois)
    NoteSuivi.objects.update(date=il_y_a_un_mois.date())
    Avenant.objects.update(date=il_y_a_un_mois.date(), valide_le=None)


def _resumes() -> dict[str, Notification]:
    return {
        n.destinataire.username: n
        for n in Notification.objects.filter(type=TypeNotification.RESUME_HEBDOMADAIRE)
    }


@pytest.mark.django_db
def test_the_digest_summarises_the_weeks_changes_for_the_contracts_people(
    morlaix, gens, semaine_calme
):
    fiche = morlaix.fiches.get(numero="2.2")
    fiche.titre = "Titre changé cette semaine"
    fiche.save()
    indicateur = fiche.indicateurs.first() or fiche.indicateurs.create(libelle="Ateliers")
    Mesure.objects.create(indicateur=indicateur, date=timezone.localdate(), valeur=5)
    NoteSuivi.objects.create(fiche=fiche, texte="Bon démarrage.")
    Commentaire.objects.create(fiche=fiche, auteur=gens["elu.morlaix"], texte="Bravo.")
    Commentaire.objects.create(fiche=fiche, auteur=gens["porteur.demo"], texte="Merci.")
    jour = _demain()
    assert produire_resumes(jour) >= 4
    resumes = _resumes()
    assert {"coordinatrice.morlaix", "porteur.demo", "elu.morlaix", "referent.ars"} <= set(resumes)
    assert "coordinatrice.poher" not in resumes  # nothing changed in Poher
    texte = resumes["elu.morlaix"].texte
    assert "Contrat local de santé de Morlaix" in texte
    assert "1 fiche modifiée (2.2)" in texte
    assert "1 valeur d'indicateur saisie" in texte
    assert "1 note de suivi" in texte
    assert "2 commentaires" in texte
    annee, semaine, _ = jour.isocalendar()
    assert resumes["elu.morlaix"].cle == f"resume-{annee}-{semaine:02d}"
    assert resumes["elu.morlaix"].lien == f"/contrats/{morlaix.pk}/"
    assert produire_resumes(jour) == 0  # once per week


@pytest.mark.django_db
def test_no_digest_when_nothing_changed(morlaix, semaine_calme):
    produire_resumes(_demain())
    assert not _resumes()


@pytest.mark.django_db
def test_the_digest_runs_on_mondays_or_when_asked(morlaix, semaine_calme):
    fiche = morlaix.fiches.get(numero="2.2")
    NoteSuivi.objects.create(fiche=fiche, texte="Note de la semaine.")
    jour = _demain()
    if jour.weekday() == 0:
        jour += datetime.timedelta(days=1)
    call_command("preparer_rappels", "--date", jour.isoformat())
    assert not _resumes()
    call_command("preparer_rappels", "--date", jour.isoformat(), "--resume")
    texte = _resumes()["coordinatrice.morlaix"].texte
    assert texte == "Contrat local de santé de Morlaix Communauté 2023-2028 :\n- 1 note de suivi"
