"""Forms of the governance pages: a meeting, its decisions, an instance's members."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.db.models import Q
from dsfr.forms import DsfrBaseForm

from clsante.contrats.gouvernance import organisations_membres
from clsante.contrats.models import Contrat, Decision, Instance, MembreInstance, Reunion
from clsante.organisations.models import Organisation

CHOIX_INVALIDE = "Ce choix n'est pas proposé pour cette instance."


class ReunionForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Reunion
        fields = ["date", "lieu", "ordre_du_jour", "compte_rendu", "presents", "autres_presents"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ordre_du_jour": forms.Textarea(attrs={"rows": 4}),
            "compte_rendu": forms.Textarea(attrs={"rows": 8}),
            "autres_presents": forms.Textarea(attrs={"rows": 2}),
            "presents": forms.CheckboxSelectMultiple,
        }
        labels = {"presents": "Organisations membres présentes"}
        help_texts = {
            "autres_presents": "Personnes présentes à titre individuel ou invitées, une par ligne.",
            "presents": "",
        }
        error_messages = {
            "date": {"required": "Indiquez la date de la réunion.", "invalid": "Date invalide."},
            "presents": {"invalid_choice": CHOIX_INVALIDE},
        }

    def __init__(self, *args, instance_gouvernance: Instance, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Members of the instance, plus any organisation already recorded as present.
        deja = self.instance.presents.all() if self.instance.pk else Organisation.objects.none()
        self.fields["presents"].queryset = Organisation.objects.filter(
            Q(pk__in=organisations_membres(instance_gouvernance)) | Q(pk__in=deja)
        ).order_by("nom")
        self.fields["presents"].error_messages["invalid_choice"] = CHOIX_INVALIDE
        self.instance.instance = instance_gouvernance


class DecisionForm(DsfrBaseForm, forms.ModelForm):
    fiches = forms.ModelMultipleChoiceField(
        label="Fiches actions concernées",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "La fiche %(value)s n'appartient pas à ce contrat."},
    )

    class Meta:
        model = Decision
        fields = ["texte"]
        widgets = {"texte": forms.Textarea(attrs={"rows": 2})}
        labels = {"texte": "Décision"}

    def __init__(self, *args, contrat: Contrat, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiches"].queryset = contrat.fiches.order_by("axe__numero", "numero")
        self.fields["fiches"].label_from_instance = lambda f: f"{f.numero} — {f.titre}"
        if self.instance.pk:
            self.initial.setdefault("fiches", list(self.instance.fiches.all()))

    def save(self, commit: bool = True) -> Decision:
        decision = super().save(commit=commit)
        if commit:
            decision.fiches.set(self.cleaned_data["fiches"])
        return decision


class BaseDecisionFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, contrat: Contrat, **kwargs) -> None:
        self.contrat = contrat
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict:
        return {**super().get_form_kwargs(index), "contrat": self.contrat}

    def clean(self) -> None:
        super().clean()
        # Django treats an unknown id as a new decision; a forged id should not pass silently.
        if any(form.instance.pk is None for form in self.initial_forms):
            raise forms.ValidationError(
                "Une des décisions envoyées n'appartient pas à cette réunion : "
                "rechargez la page et recommencez."
            )

    @property
    def empty_form(self) -> DecisionForm:
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            contrat=self.contrat,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form


DecisionFormSet = forms.inlineformset_factory(
    Reunion,
    Decision,
    form=DecisionForm,
    formset=BaseDecisionFormSet,
    fields=["texte"],
    extra=2,
    can_delete=True,
)


@transaction.atomic
def enregistrer_reunion(form: ReunionForm, decisions: forms.BaseInlineFormSet) -> Reunion:
    """Save a valid meeting form with its valid decisions formset."""
    reunion = form.save()
    decisions.instance = reunion
    decisions.save()
    return reunion


class MembreForm(DsfrBaseForm, forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=Organisation.objects.order_by("nom"),
        empty_label="— Aucune (personne à titre individuel) —",
        error_messages={"invalid_choice": "Cette organisation n'existe pas."},
    )

    class Meta:
        model = MembreInstance
        fields = ["organisation", "personne", "qualite", "habitant"]
        labels = {"personne": "Personne", "habitant": "Représentant(e) des habitants"}
        help_texts = {
            "personne": "Nom de la personne qui siège (facultatif pour une organisation).",
            "qualite": "Exemple : adjointe au maire chargée de la santé, habitante relais…",
        }

    def __init__(self, *args, instance_gouvernance: Instance, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.instance = instance_gouvernance

    def clean(self) -> dict:
        data = super().clean()
        organisation, personne = data.get("organisation"), data.get("personne", "").strip()
        if data.get("habitant") and not personne:
            self.add_error("personne", "Indiquez le nom du représentant des habitants.")
        elif not organisation and not personne:
            # On a field, so that the model's own check (same rule, terse wording) is skipped.
            self.add_error(
                "personne", "Choisissez une organisation ou indiquez le nom d'une personne."
            )
        return data
