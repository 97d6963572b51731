"""Reminder producers on the demo data: the right notification for the right people, once."""

import datetime

import pytest
from django.core.management import call_command

from clsante.contrats.models import Contrat, Reunion
from clsante.notifications import rappels
from clsante.notifications.models import Notification, TypeNotification
from clsante.programme.models import Avenant, Etape, Indicateur, Mesure

JOUR = datetime.date(2026, 4, 15)  # no demo meeting in the fortnight after


def _destinataires(type: str, cle_debut: str) -> set[str]:
    return set(
        Notification.objects.filter(type=type, cle__startswith=cle_debut).values_list(
            "destinataire__username", flat=True
        )
    )


@pytest.mark.django_db
def test_a_late_step_reminds_the_coordinatrice_and_the_porteur_of_the_fiche(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")  # carried by porteur.demo's organisation
    etape = Etape.objects.create(
        fiche=fiche, libelle="Réunion des partenaires", date_prevue=JOUR - datetime.timedelta(3)
    )
    rappels.rappeler_etapes(JOUR)
    cle = f"etape-en-retard-{etape.pk}-"
    assert _destinataires(TypeNotification.ETAPE_EN_RETARD, cle) == {
        "coordinatrice.morlaix",
        "porteur.demo",
    }
    notification = Notification.objects.filter(cle__startswith=cle).first()
    assert "Réunion des partenaires" in notification.titre
    assert "12/04/2026" in notification.texte
    assert notification.lien == f"/fiches/{fiche.pk}/suivi/"
    total = Notification.objects.count()
    rappels.rappeler_etapes(JOUR)
    rappels.rappeler_etapes(JOUR + datetime.timedelta(1))
    assert Notification.objects.count() == total


@pytest.mark.django_db
def test_a_step_done_or_not_yet_due_is_not_reminded(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    faite = Etape.objects.create(
        fiche=fiche, libelle="Faite", date_prevue=JOUR, statut=Etape.Statut.REALISEE
    )
    future = Etape.objects.create(fiche=fiche, libelle="Future", date_prevue=JOUR)
    rappels.rappeler_etapes(JOUR)
    assert not Notification.objects.filter(
        cle__in=[f"etape-en-retard-{faite.pk}-{JOUR}", f"etape-en-retard-{future.pk}-{JOUR}"]
    ).exists()


@pytest.mark.django_db
def test_an_indicator_due_soon_then_overdue_is_reminded_before_and_after_its_date(morlaix):
    fiche = morlaix.fiches.get(numero="2.2")
    cible = JOUR + datetime.timedelta(10)
    indicateur = Indicateur.objects.create(
        fiche=fiche, libelle="Personnes accompagnées", date_cible=cible, cible=40, unite="personnes"
    )
    rappels.rappeler_indicateurs(JOUR)
    cle = f"indicateur-du-{indicateur.pk}-"
    assert _destinataires(TypeNotification.INDICATEUR_DU, cle) == {
        "coordinatrice.morlaix",
        "porteur.demo",
    }
    notification = Notification.objects.filter(cle__startswith=cle).first()
    assert "La cible est de 40 personnes." in notification.texte
    assert "est attendue pour le 25/04/2026" in notification.texte
    rappels.rappeler_indicateurs(JOUR + datetime.timedelta(1))
    assert Notification.objects.filter(cle__startswith=cle).count() == 2
    rappels.rappeler_indicateurs(cible + datetime.timedelta(1))
    depassee = Notification.objects.filter(cle__startswith=cle, cle__endswith="depassee")
    assert depassee.count() == 2
    assert "était attendue" in depassee.first().texte


@pytest.mark.django_db
def test_an_indicator_with_a_recent_value_is_not_reminded(morlaix):
    fiche = morlaix.fiches.get(numero="2.2")
    indicateur = Indicateur.objects.create(
        fiche=fiche, libelle="Ateliers", date_cible=JOUR + datetime.timedelta(10)
    )
    Mesure.objects.create(indicateur=indicateur, date=JOUR - datetime.timedelta(20), valeur=3)
    rappels.rappeler_indicateurs(JOUR)
    assert not Notification.objects.filter(cle__startswith=f"indicateur-du-{indicateur.pk}-")


@pytest.mark.django_db
def test_a_meeting_in_three_days_reminds_the_contracts_people_with_its_agenda(morlaix):
    instance = morlaix.instances.first()
    reunion = Reunion.objects.create(
        instance=instance,
        date=JOUR + datetime.timedelta(3),
        lieu="Mairie de Morlaix",
        ordre_du_jour="Point sur les paniers solidaires",
    )
    Reunion.objects.create(instance=instance, date=JOUR + datetime.timedelta(10))
    rappels.rappeler_reunions(JOUR)
    assert _destinataires(TypeNotification.REUNION_PROCHAINE, f"reunion-{reunion.pk}-") == {
        "coordinatrice.morlaix",
        "porteur.demo",
        "elu.morlaix",
        "referent.ars",  # the contract's named ARS referent
    }
    notification = Notification.objects.filter(cle__startswith=f"reunion-{reunion.pk}-").first()
    assert "Ordre du jour : Point sur les paniers solidaires" in notification.texte
    assert "18/04/2026" in notification.titre
    assert Notification.objects.filter(type=TypeNotification.REUNION_PROCHAINE).count() == 4
    rappels.rappeler_reunions(JOUR + datetime.timedelta(1))
    assert Notification.objects.filter(type=TypeNotification.REUNION_PROCHAINE).count() == 4


@pytest.mark.django_db
def test_a_pending_programme_change_reminds_the_ars_referent_only(morlaix):
    avenant = Avenant.objects.create(
        contrat=morlaix,
        numero_fiche="1.9",
        type=Avenant.Type.AJOUT,
        date=JOUR,
        motif="Besoin apparu en cours de contrat.",
    )
    rappels.rappeler_avenants(JOUR)
    cle = f"avenant-a-valider-{avenant.pk}"
    assert _destinataires(TypeNotification.AVENANT_A_VALIDER, cle) == {"referent.ars"}
    notification = Notification.objects.get(cle=cle)
    assert "Besoin apparu en cours de contrat." in notification.texte
    assert f"demandée le 15/04/2026 pour le {morlaix.nom}." in notification.texte
    assert notification.lien == f"/contrats/{morlaix.pk}/avenants/"
    rappels.rappeler_avenants(JOUR)
    assert Notification.objects.filter(cle=cle).count() == 1


@pytest.mark.django_db
def test_synthetic_and_expired_contracts_get_no_reminder(poher):
    etape = Etape.objects.create(
        fiche=poher.fiches.first(), libelle="En retard", date_prevue=JOUR - datetime.timedelta(3)
    )
    Contrat.objects.filter(pk=poher.pk).update(synthetique=True)
    rappels.produire(JOUR)
    assert not Notification.objects.filter(cle__startswith=f"etape-en-retard-{etape.pk}-")
    Contrat.objects.filter(pk=poher.pk).update(synthetique=False, statut=Contrat.Statut.ECHU)
    rappels.produire(JOUR)
    assert not Notification.objects.filter(cle__startswith=f"etape-en-retard-{etape.pk}-")


@pytest.mark.django_db
def test_the_command_runs_every_producer_twice_without_duplicates(morlaix, capsys):
    call_command("preparer_rappels", "--date", "2026-04-15")
    premier = Notification.objects.count()
    assert premier > 0  # the demo has late steps
    assert "Rappels du 15/04/2026" in capsys.readouterr().out
    call_command("preparer_rappels", "--date", "2026-04-15")
    assert Notification.objects.count() == premier
    assert "Total : 0 notification(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_broken_producer_is_reported_in_french_and_the_others_still_run(settings, morlaix):
    from django.core.management.base import CommandError

    settings.CLSANTE_RAPPELS = [
        "clsante.notifications.inexistant.produire",
        "clsante.notifications.rappels.produire",
    ]
    with pytest.raises(CommandError, match="1 producteur"):
        call_command("preparer_rappels", "--date", "2026-04-15")
    assert Notification.objects.exists()
