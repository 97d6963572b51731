"""Uploaded files do not stay on the server: applied, failed, abandoned, old, or deleted with
their contract; an import stopped by a server restart says so and can be run again."""

import datetime
import io
import os
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from clsante.imports import services
from clsante.imports.models import Import
from tests.imports.conftest import appliquer, csv_octets, derniere_import, televerser

PROGRAMME = csv_octets(
    [["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre"]]
    + [[1, "Prévention", f"1.{i}", f"Action {i}"] for i in range(1, 41)]
)


def _fichier(imp: Import) -> Path:
    assert imp.fichier, "the import keeps its upload while it waits"
    chemin = Path(imp.fichier.path)
    assert chemin.exists()
    return chemin


def test_abandon_is_a_post_that_deletes_the_upload(client_coordinatrice, contrat_vierge):
    page = televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "programme.csv")
    imp = derniere_import(contrat_vierge)
    chemin = _fichier(imp)
    url = reverse("imports:abandonner", args=[imp.pk])
    assert f'formaction="{url}"' in page.content.decode()
    assert client_coordinatrice.get(url).status_code == 405
    page = client_coordinatrice.post(url, follow=True).content.decode()
    assert "Import abandonné : le fichier « programme.csv » a été supprimé." in page
    assert "Abandonné" in page  # the history of the contract's imports
    assert not chemin.exists()
    assert contrat_vierge.fiches.count() == 0
    assert client_coordinatrice.post(reverse("imports:appliquer", args=[imp.pk])).status_code == 302
    assert contrat_vierge.fiches.count() == 0


def test_applied_import_deletes_its_upload(client_coordinatrice, contrat_vierge):
    televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "programme.csv")
    chemin = _fichier(derniere_import(contrat_vierge))
    appliquer(client_coordinatrice, derniere_import(contrat_vierge))
    assert not chemin.exists()


def test_old_uploads_are_purged_by_the_command_and_on_the_next_upload(
    client_coordinatrice, contrat_vierge
):
    televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "ancien.csv")
    ancien = derniere_import(contrat_vierge)
    chemin = _fichier(ancien)
    Import.objects.filter(pk=ancien.pk).update(cree_le=timezone.now() - datetime.timedelta(days=8))
    sortie = io.StringIO()
    call_command("purger_imports", stdout=sortie)
    assert "1 fichier(s) d'import supprimé(s)." in sortie.getvalue()
    assert not chemin.exists()
    page = client_coordinatrice.get(reverse("imports:import", args=[ancien.pk])).content.decode()
    assert "Abandonné" in page and "Importer</button>" not in page

    televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "encore.csv")
    encore = derniere_import(contrat_vierge)
    chemin = _fichier(encore)
    Import.objects.filter(pk=encore.pk).update(cree_le=timezone.now() - datetime.timedelta(days=8))
    televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "nouveau.csv")
    assert not chemin.exists()
    assert _fichier(derniere_import(contrat_vierge)).name == "nouveau.csv"


def test_deleting_a_contract_deletes_its_uploads(
    client_coordinatrice, contrat_vierge, django_capture_on_commit_callbacks
):
    televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "programme.csv")
    chemin = _fichier(derniere_import(contrat_vierge))
    with django_capture_on_commit_callbacks(execute=True):
        contrat_vierge.delete()
    assert not chemin.exists()


def test_import_stopped_by_a_restart_is_shown_interrupted_and_can_be_run_again(
    client_coordinatrice, contrat_vierge, settings, django_capture_on_commit_callbacks
):
    settings.CLSANTE_IMPORT_SEUIL_ARRIERE_PLAN = 20
    televerser(client_coordinatrice, contrat_vierge, PROGRAMME, "long.csv")
    imp = derniere_import(contrat_vierge)
    with django_capture_on_commit_callbacks(execute=False):  # the thread never runs
        client_coordinatrice.post(reverse("imports:appliquer", args=[imp.pk]))
    imp.refresh_from_db()
    assert imp.statut == Import.Statut.EN_COURS and imp.demarre_le
    url = reverse("imports:import", args=[imp.pk])
    assert "lignes traitées sur 40" in client_coordinatrice.get(url).content.decode()
    il_y_a = timezone.now() - datetime.timedelta(minutes=31)
    Import.objects.filter(pk=imp.pk).update(demarre_le=il_y_a)
    progression = services.fichier_progression(imp)
    os.utime(progression, (il_y_a.timestamp(), il_y_a.timestamp()))
    page = client_coordinatrice.get(url).content.decode()
    assert "L&#x27;import a été interrompu (redémarrage du serveur)" in page
    assert "Relancer l'import</button>" in page
    assert "http-equiv" not in page
    settings.CLSANTE_IMPORT_SEUIL_ARRIERE_PLAN = 200
    page = appliquer(client_coordinatrice, imp).content.decode()
    assert "Import terminé : 40 fiches créées, 0 modifiée, 0 inchangée." in page
    assert contrat_vierge.fiches.count() == 40
