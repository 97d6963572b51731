"""Forms of the actors' directory: its filters and the contact persons of an organisation."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.contrats.annuaire import Role
from clsante.contrats.models import Contrat
from clsante.organisations.models import Contact, Organisation

TOUS = [("", "Tous")]


class FiltreAnnuaireForm(DsfrBaseForm):
    """GET filters; an unknown value is reported and that filter is ignored."""

    secteur = forms.ChoiceField(
        label="Secteur", required=False, choices=TOUS + Organisation.Secteur.choices
    )
    type = forms.ChoiceField(
        label="Type d'organisation", required=False, choices=TOUS + Organisation.Type.choices
    )
    role = forms.ChoiceField(
        label="Rôle dans le contrat", required=False, choices=TOUS + Role.CHOICES
    )
    fiche = forms.ModelChoiceField(
        label="Fiche action",
        required=False,
        queryset=None,
        empty_label="Toutes",
        error_messages={"invalid_choice": "Cette fiche n'appartient pas au contrat."},
    )

    def __init__(self, *args, contrat: Contrat, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiche"].queryset = contrat.fiches.order_by("axe__numero", "numero")
        self.fields["fiche"].label_from_instance = lambda f: f"{f.numero} — {f.titre}"

    def filtres(self) -> dict:
        """The valid filters (the form must have been validated)."""
        return {k: v for k, v in self.cleaned_data.items() if v} if self.is_bound else {}


class ContactForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["prenom", "nom", "fonction", "email", "telephone"]
        error_messages = {
            "prenom": {"required": "Indiquez le prénom."},
            "nom": {"required": "Indiquez le nom."},
            "email": {"invalid": "Saisissez une adresse de courriel valide (nom@domaine.fr)."},
        }
        help_texts = {
            "email": "Format attendu : nom@domaine.fr",
            "telephone": "Exemple : 02 98 00 10 01",
        }

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("email") or data.get("telephone")) and not self.errors:
            raise forms.ValidationError(
                "Indiquez au moins un moyen de joindre ce contact : courriel ou téléphone."
            )
        return data

    def clean_telephone(self) -> str:
        telephone = " ".join(self.cleaned_data.get("telephone", "").split())
        chiffres = [c for c in telephone if c.isdigit()]
        if telephone and not 6 <= len(chiffres) <= 15:
            raise forms.ValidationError(
                "Le numéro de téléphone doit compter entre 6 et 15 chiffres."
            )
        return telephone
