"""The preferences form: one row per type, two checkboxes (in the app, by e-mail)."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.notifications.models import DEFAUTS, PreferenceNotification, TypeNotification


def _champ(type: str, canal: str) -> str:
    return f"{type}__{canal}"


class PreferencesForm(DsfrBaseForm):
    """Fields are named `<type>__application` and `<type>__courriel`."""

    def __init__(self, *args, utilisateur, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.utilisateur = utilisateur
        actuelles = {
            p.type: (p.dans_application, p.par_courriel)
            for p in PreferenceNotification.objects.filter(utilisateur=utilisateur)
        }
        for type in TypeNotification.values:
            application, courriel = actuelles.get(type, DEFAUTS[type])
            self.fields[_champ(type, "application")] = forms.BooleanField(
                label="Dans l'application", required=False, initial=application
            )
            self.fields[_champ(type, "courriel")] = forms.BooleanField(
                label="Par courriel", required=False, initial=courriel
            )

    def lignes(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """(label of the type, in-app field, e-mail field) for the template's table."""
        return [
            (libelle, self[_champ(type, "application")], self[_champ(type, "courriel")])
            for type, libelle in TypeNotification.choices
        ]

    def save(self) -> None:
        for type in TypeNotification.values:
            PreferenceNotification.objects.update_or_create(
                utilisateur=self.utilisateur,
                type=type,
                defaults={
                    "dans_application": self.cleaned_data[_champ(type, "application")],
                    "par_courriel": self.cleaned_data[_champ(type, "courriel")],
                },
            )
