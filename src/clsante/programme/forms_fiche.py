"""The fiche action form, in four steps (one form class a step).

Each step edits some fields of the fiche; all carry the version read (concurrency) and,
in a signed contract, a motif for the amendment the change may record.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.contrats.models import Besoin, Contrat
from clsante.grille.referentiel import grille
from clsante.organisations.models import Organisation
from clsante.programme.avenants import contrat_signe
from clsante.programme.models import FicheAction, Objectif
from clsante.programme.services_fiche import TEXTE_CONTRACTUEL, motif_requis, types_avenant

MOTIF_REQUIS = (
    "Indiquez le motif de l'avenant : le contrat est signé, ce changement sera soumis "
    "à la validation de l'ARS."
)


class FicheEtapeForm(DsfrBaseForm, forms.ModelForm):
    """Base of a step: version read, motif of the amendment, choices limited to the contract."""

    version_lue = forms.IntegerField(widget=forms.HiddenInput, required=False)
    motif = forms.CharField(
        label="Motif de l'avenant",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Le contrat est signé : créer une fiche, réécrire son texte contractuel (titre, "
            "objectifs, description, modalités, précisions sur les publics) ou l'abandonner "
            "crée un avenant soumis à l'ARS. Dites pourquoi."
        ),
    )

    def __init__(self, *args, contrat: Contrat, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.contrat = contrat
        fiche = self.instance
        # What the fiche said before this form touched it (ModelForm edits the instance).
        self.valeurs_initiales = {
            champ: getattr(fiche, champ) for champ in (*TEXTE_CONTRACTUEL, "statut")
        }
        if fiche.pk:
            self.fields["version_lue"].initial = fiche.version
            self.fields["version_lue"].required = True
        else:
            del self.fields["version_lue"]
        if not contrat_signe(contrat):
            del self.fields["motif"]
        self.types_avenant: list[str] = []

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.instance.pk:
            self.types_avenant = types_avenant(self.valeurs_initiales, cleaned)
            requis = motif_requis(self.instance, self.types_avenant)
        else:
            requis = "motif" in self.fields
        if requis and not (cleaned.get("motif") or "").strip():
            self.add_error("motif", MOTIF_REQUIS)
        return cleaned

    @property
    def version(self) -> int | None:
        return self.cleaned_data.get("version_lue")

    def m2m(self) -> dict:
        """The many-to-many values to set once the fiche is saved."""
        return {
            name: self.cleaned_data[name]
            for name, field in self.fields.items()
            if isinstance(field, forms.ModelMultipleChoiceField)
        }


class IdentiteForm(FicheEtapeForm):
    class Meta:
        model = FicheAction
        fields = [
            "axe",
            "numero",
            "titre",
            "objectifs",
            "statut",
            "priorite",
            "date_debut",
            "date_fin",
        ]
        widgets = {
            "date_debut": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_fin": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "objectifs": forms.CheckboxSelectMultiple,
        }
        labels = {"objectifs": "Objectifs du programme auxquels la fiche répond"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["axe"].queryset = self.contrat.axes.all()
        self.fields["axe"].empty_label = "Choisir un axe"
        objectifs = Objectif.objects.filter(axe__contrat=self.contrat).select_related("axe")
        self.fields["objectifs"].queryset = objectifs
        self.fields["objectifs"].label_from_instance = lambda o: (
            f"Axe {o.axe.numero} — {o.code} {o.intitule}".replace("  ", " ")
        )
        self.fields["objectifs"].help_text = "Seuls les objectifs de l'axe choisi sont acceptés."

    def clean_numero(self) -> str:
        numero = self.cleaned_data["numero"].strip()
        autres = self.contrat.fiches.filter(numero=numero).exclude(pk=self.instance.pk)
        if autres.exists():
            raise forms.ValidationError(f"Le contrat a déjà une fiche numérotée {numero}.")
        return numero

    def clean(self) -> dict:
        cleaned = super().clean()
        axe = cleaned.get("axe")
        objectifs = cleaned.get("objectifs")
        if axe and objectifs and any(o.axe_id != axe.pk for o in objectifs):
            self.add_error("objectifs", "Choisissez des objectifs de l'axe de la fiche.")
        return cleaned


class ContenuForm(FicheEtapeForm):
    class Meta:
        model = FicheAction
        fields = ["contexte", "besoins", "objectifs_texte", "description", "modalites"]
        widgets = {"besoins": forms.CheckboxSelectMultiple}
        labels = {"objectifs_texte": "Objectifs (texte de la fiche)"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["besoins"].queryset = Besoin.objects.filter(diagnostic__contrat=self.contrat)
        self.fields["besoins"].help_text = "Les besoins du diagnostic du contrat."


class PublicsForm(FicheEtapeForm):
    publics = forms.MultipleChoiceField(
        label="Publics cibles",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les publics de la grille ISTS.",
    )

    class Meta:
        model = FicheAction
        fields = ["publics", "publics_texte", "communes", "participation"]
        widgets = {"communes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["publics"].choices = grille().choix("publics")
        self.fields["communes"].queryset = self.contrat.communes.order_by("nom")
        self.fields["communes"].help_text = "Aucune commune cochée : tout le territoire du contrat."


class ActeursForm(FicheEtapeForm):
    class Meta:
        model = FicheAction
        fields = ["porteur", "partenaires"]
        widgets = {"partenaires": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["porteur"].queryset = Organisation.objects.all()
        self.fields["porteur"].empty_label = "À désigner"
        self.fields["partenaires"].queryset = Organisation.objects.all()

    def clean(self) -> dict:
        cleaned = super().clean()
        porteur, partenaires = cleaned.get("porteur"), cleaned.get("partenaires")
        if porteur and partenaires and porteur in partenaires:
            self.add_error("partenaires", "Le porteur ne peut pas être aussi partenaire.")
        return cleaned


@dataclass(frozen=True)
class Etape:
    numero: int
    titre: str
    form_class: type[FicheEtapeForm]


ETAPES = (
    Etape(1, "Identité de la fiche", IdentiteForm),
    Etape(2, "Contenu", ContenuForm),
    Etape(3, "Publics et territoire", PublicsForm),
    Etape(4, "Acteurs", ActeursForm),
)


def etape_demandee(valeur: str | None) -> Etape:
    """The step named by ``?etape=N``; the first one when absent or out of range."""
    try:
        numero = int(valeur or 1)
    except ValueError:
        numero = 1
    return ETAPES[min(max(numero, 1), len(ETAPES)) - 1]
