"""Long imports run after the request, and their page shows progress until done.

The background thread itself is started by ``transaction.on_commit``; a test with
``transaction=True`` would flush the demo data the whole session shares, so this test
takes the callback and runs the work it would run (``services.executer``) in place.
"""

from django.urls import reverse

from clsante.imports import services
from clsante.imports.models import Import
from tests.imports.conftest import csv_octets, derniere_import, televerser


def test_long_import_runs_in_background_with_a_progress_page(
    client_coordinatrice, contrat_vierge, settings, django_capture_on_commit_callbacks
):
    settings.CLSANTE_IMPORT_SEUIL_ARRIERE_PLAN = 20
    lignes = [["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre"]]
    lignes += [[1, "Prévention", f"1.{i}", f"Action {i}"] for i in range(1, 41)]
    televerser(client_coordinatrice, contrat_vierge, csv_octets(lignes), "long.csv")
    imp = derniere_import(contrat_vierge)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_coordinatrice.post(reverse("imports:appliquer", args=[imp.pk]))
    assert len(callbacks) == 1  # the thread starts once the request's transaction commits
    imp.refresh_from_db()
    assert imp.statut == Import.Statut.EN_COURS
    page = client_coordinatrice.get(reverse("imports:import", args=[imp.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "0 lignes traitées sur 40" in page and "<progress" in page
    assert contrat_vierge.fiches.count() == 0
    services.executer(imp)
    page = client_coordinatrice.get(reverse("imports:import", args=[imp.pk])).content.decode()
    assert "Import terminé" in page and "http-equiv" not in page
    assert contrat_vierge.fiches.count() == 40
