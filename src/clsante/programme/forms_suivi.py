"""Forms of the follow-up tab: status, milestones, indicator values, notes, financing."""

from __future__ import annotations

import datetime

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.organisations.models import Organisation
from clsante.programme.avenants import contrat_signe
from clsante.programme.forms_fiche import MOTIF_REQUIS
from clsante.programme.models import Etape, FicheAction, Financement, Mesure, NoteSuivi
from clsante.programme.services_fiche import motif_requis, types_avenant

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PAS_DANS_LE_FUTUR = "Une date de réalisation ne peut pas être dans le futur."


class StatutForm(DsfrBaseForm):
    statut = forms.ChoiceField(label="Statut de la fiche", choices=FicheAction.Statut.choices)
    motif = forms.CharField(
        label="Motif de l'abandon",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Le contrat est signé : abandonner la fiche crée un avenant soumis à l'ARS.",
    )
    version_lue = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, fiche: FicheAction, **kwargs) -> None:
        kwargs.setdefault("initial", {"statut": fiche.statut, "version_lue": fiche.version})
        super().__init__(*args, **kwargs)
        self.fiche = fiche
        self.types_avenant: list[str] = []
        if not contrat_signe(fiche.contrat):
            del self.fields["motif"]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.types_avenant = types_avenant({"statut": self.fiche.statut}, cleaned)
        motif = (cleaned.get("motif") or "").strip()
        if motif_requis(self.fiche, self.types_avenant) and not motif:
            self.add_error("motif", MOTIF_REQUIS)
        return cleaned


class EtapeSuiviForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Etape
        fields = ["statut", "date_realisation"]
        widgets = {"date_realisation": DATE}

    def clean_date_realisation(self) -> datetime.date | None:
        date = self.cleaned_data.get("date_realisation")
        if date and date > datetime.date.today():
            raise forms.ValidationError(PAS_DANS_LE_FUTUR)
        return date

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("statut") == Etape.Statut.REALISEE and not cleaned.get("date_realisation"):
            self.add_error(
                "date_realisation", "Indiquez la date à laquelle l'étape a été réalisée."
            )
        return cleaned


class MesureForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Mesure
        fields = ["indicateur", "date", "valeur", "commentaire"]
        widgets = {"date": DATE, "commentaire": forms.Textarea(attrs={"rows": 2})}
        labels = {"date": "Date de la mesure", "valeur": "Valeur mesurée"}

    def __init__(self, *args, fiche: FicheAction, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicateur"].queryset = fiche.indicateurs.all()
        self.fields["indicateur"].empty_label = "Choisir un indicateur"
        self.fields["date"].initial = datetime.date.today

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > datetime.date.today():
            raise forms.ValidationError("Une mesure ne peut pas être datée dans le futur.")
        return date


class NoteForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = NoteSuivi
        fields = ["date", "texte"]
        widgets = {"date": DATE, "texte": forms.Textarea(attrs={"rows": 4})}
        labels = {"texte": "Note"}
        error_messages = {"texte": {"required": "Écrivez la note avant de l'enregistrer."}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = datetime.date.today


class FinancementForm(DsfrBaseForm, forms.ModelForm):
    version_lue = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Financement
        fields = ["financeur", "montant", "annee", "statut"]
        widgets = {"montant": forms.NumberInput(attrs={"min": 0, "step": "0.01"})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["financeur"].queryset = Organisation.objects.all()
        self.fields["financeur"].empty_label = "Choisir un financeur"
        if self.instance.pk:
            self.fields["version_lue"].initial = self.instance.version
            self.fields["version_lue"].required = True
        else:
            del self.fields["version_lue"]
            self.fields["annee"].initial = datetime.date.today().year
