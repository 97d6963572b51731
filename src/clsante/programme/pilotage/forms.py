"""Filters of the programme table (GET form): choices come from the contract's own data."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.programme.models import FicheAction

TOUS = [("", "Tous")]


class FiltresProgramme(DsfrBaseForm):
    axe = forms.ChoiceField(label="Axe", required=False)
    statut = forms.ChoiceField(
        label="Statut", required=False, choices=TOUS + FicheAction.Statut.choices
    )
    theme = forms.ChoiceField(label="Thème de santé", required=False)
    porteur = forms.ChoiceField(label="Porteur", required=False)
    public = forms.ChoiceField(label="Public", required=False)
    commune = forms.ChoiceField(
        label="Commune",
        required=False,
        help_text="Les fiches sans commune précisée agissent sur tout le territoire.",
    )
    hors_programmation = forms.ChoiceField(
        label="Programmation",
        required=False,
        choices=[
            ("", "Toutes les fiches"),
            ("non", "Programmation initiale"),
            ("oui", "Hors programmation initiale"),
        ],
    )

    def __init__(self, *args, choix: dict[str, list[tuple[str, str]]], **kwargs) -> None:
        """``choix`` gives the (value, label) pairs of axe, theme, porteur, public, commune."""
        super().__init__(*args, **kwargs)
        for nom, valeurs in choix.items():
            self.fields[nom].choices = TOUS + valeurs

    def filtres_valides(self) -> dict[str, str]:
        """The filters with a known value; unknown ones are dropped (the form shows why)."""
        self.is_valid()
        return {nom: valeur for nom, valeur in self.cleaned_data.items() if valeur}
