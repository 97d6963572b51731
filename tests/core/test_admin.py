import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.models import HistoricalChanges


@pytest.mark.django_db
def test_every_model_has_a_working_admin_page(client_admin):
    from django.apps import apps

    ours = [m for m in apps.get_models() if m.__module__.startswith("clsante.")]
    registered = admin.site._registry
    for model in ours:
        if issubclass(model, HistoricalChanges) or model.__name__.startswith("Historical"):
            continue
        assert model in registered, f"{model.__name__} n'est pas dans l'administration"
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client_admin.get(url).status_code == 200, url


@pytest.mark.django_db
def test_history_of_a_fiche_is_readable_in_the_admin(client_admin, morlaix):
    fiche = morlaix.fiches.first()
    url = reverse("admin:programme_ficheaction_history", args=[fiche.pk])
    response = client_admin.get(url)
    assert response.status_code == 200
    assert fiche.titre in response.text
