"""A porteur's answer for one fiche: several small forms filled and saved together.

The status reuses the follow-up tab's ``StatutForm`` (same amendment rules); the
financing lines are edited with their version number, like on the follow-up tab.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.bilan.models import CampagneBilan, ReponseBilan
from clsante.core.templatetags.humanize_fr import euros, nombre
from clsante.organisations.models import Organisation
from clsante.programme.forms_suivi import StatutForm
from clsante.programme.models import FicheAction, Financement, Indicateur, Mesure
from clsante.territoires.models import Commune


class ReponseForm(DsfrBaseForm, forms.ModelForm):
    avancement = forms.CharField(
        label="Où en est l'action ?",
        help_text="Ce qui a été fait cette année : il est ajouté aux notes de suivi de la fiche.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Décrivez où en est l'action cette année."},
    )
    publics_atteints = forms.ChoiceField(
        label="L'action a-t-elle atteint ses publics ?",
        choices=ReponseBilan.Publics.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Indiquez si l'action a atteint ses publics."},
    )

    class Meta:
        model = ReponseBilan
        fields = ["publics_atteints", "communes_atteintes", "difficultes"]
        widgets = {
            "communes_atteintes": forms.CheckboxSelectMultiple,
            "difficultes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "communes_atteintes": "Cochez les communes où l'action a touché des habitants.",
            "difficultes": "Facultatif : freins, retards, besoins d'appui.",
        }

    def __init__(self, *args, fiche: FicheAction, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        communes = fiche.communes.all()
        if not communes.exists():
            communes = Commune.objects.filter(contrats=fiche.contrat_id)
        self.fields["communes_atteintes"].queryset = communes.order_by("nom")
        if self.instance.note_id:
            self.fields["avancement"].initial = self.instance.note.texte


def _aide_indicateur(indicateur: Indicateur, derniere: Mesure | None) -> str:
    unite = f" {indicateur.unite}" if indicateur.unite else ""
    parts = []
    if indicateur.cible is not None:
        cible = f"Cible : {nombre(indicateur.cible)}{unite}"
        if indicateur.date_cible:
            cible += f" au {indicateur.date_cible:%d/%m/%Y}"
        parts.append(cible)
    if derniere is not None:
        parts.append(
            f"dernière valeur : {nombre(derniere.valeur)}{unite} le {derniere.date:%d/%m/%Y}"
        )
    else:
        parts.append("aucune valeur saisie jusqu'ici")
    return " — ".join(parts) + "."


class NombreField(forms.DecimalField):
    """A number typed the French way too: « 12,5 », « 1 200 »."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", ".")
            for espace in (" ", "\u00a0", "\u202f"):
                value = value.replace(espace, "")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):  # shown back with a decimal comma, without zeros
            return nombre(value).replace("\u202f", "")
        return value


class MontantField(NombreField):
    """An amount in euros, shown and typed the French way: « 15 000,00 »."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Saisissez un montant en euros, par exemple 15 000 ou 2 500,50.",
                "min_value": "Un montant ne peut pas être négatif.",
            },
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:,.2f}".replace(",", " ").replace(".", ",")
        return value


class IndicateursForm(DsfrBaseForm):
    """One optional value per indicator of the fiche."""

    def __init__(self, *args, indicateurs: list[Indicateur], valeurs: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for indicateur in indicateurs:
            unite = f" ({indicateur.unite})" if indicateur.unite else ""
            self.fields[f"indicateur_{indicateur.pk}"] = NombreField(
                label=f"{indicateur.libelle}{unite}",
                required=False,
                max_digits=14,
                decimal_places=2,
                initial=valeurs.get(indicateur.pk),
                help_text=_aide_indicateur(indicateur, indicateur.derniere_mesure()),
                error_messages={"invalid": "Saisissez un nombre, par exemple 12 ou 12,5."},
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )
        self.indicateurs = indicateurs

    def valeurs(self) -> list[tuple[Indicateur, object]]:
        return [(i, self.cleaned_data.get(f"indicateur_{i.pk}")) for i in self.indicateurs]


OBTENUS = {Financement.Statut.ACQUIS, Financement.Statut.VERSE}


class FinancementLigneForm(DsfrBaseForm, forms.ModelForm):
    """What a financing line of the year became: amount obtained and status.

    A line only requested holds the amount asked for: the « obtained » field starts empty
    (nothing is obtained yet) and, left empty, keeps the amount asked for.
    """

    montant = MontantField(label="Montant obtenu (€)", required=False)
    version_lue = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Financement
        fields = ["montant", "statut"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version_lue"].initial = self.instance.version
        if self.instance.statut not in OBTENUS:
            self.initial["montant"] = None
            # on the bound field: DsfrBaseForm has already built it
            self["montant"].help_text = (
                "À remplir quand le financement est acquis ou versé ; laissé vide, "
                f"le montant sollicité ({euros(self.instance.montant)}) est conservé."
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("montant") is None and "montant" not in self.errors:
            if cleaned.get("statut") in OBTENUS:
                self.add_error("montant", "Indiquez le montant obtenu.")
            else:
                cleaned["montant"] = self.instance.montant
        return cleaned


class NouveauFinancementForm(DsfrBaseForm, forms.ModelForm):
    """An optional financing line obtained during the year and not yet recorded."""

    montant = MontantField(label="Montant (€)", required=False)

    class Meta:
        model = Financement
        fields = ["financeur", "montant", "statut"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["financeur"].queryset = Organisation.objects.order_by("nom")
        self.fields["financeur"].empty_label = "Choisir un financeur"
        for champ in self.fields.values():
            champ.required = False
        self.fields["statut"].initial = Financement.Statut.ACQUIS

    @property
    def rempli(self) -> bool:
        return bool(self.cleaned_data.get("financeur") or self.cleaned_data.get("montant"))

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.rempli:
            return cleaned
        if not cleaned.get("financeur"):
            self.add_error("financeur", "Choisissez le financeur de cette ligne.")
        if cleaned.get("montant") is None and "montant" not in self.errors:
            self.add_error("montant", "Indiquez le montant obtenu.")
        if not cleaned.get("statut"):
            cleaned["statut"] = Financement.Statut.ACQUIS
        return cleaned

    def _post_clean(self) -> None:
        if self.rempli:  # an empty line is not a financing to validate
            super()._post_clean()


class Questionnaire:
    """The forms of one answer, validated and shown together."""

    def __init__(
        self,
        campagne: CampagneBilan,
        fiche: FicheAction,
        reponse: ReponseBilan | None,
        data=None,
    ) -> None:
        self.campagne, self.fiche = campagne, fiche
        self.reponse_existante = reponse
        instance = reponse or ReponseBilan(campagne=campagne, fiche=fiche)
        indicateurs = list(fiche.indicateurs.all())
        valeurs = {m.indicateur_id: m.valeur for m in reponse.mesures.all()} if reponse else {}
        self.statut = StatutForm(data, fiche=fiche, prefix="statut")
        self.reponse = ReponseForm(data, instance=instance, fiche=fiche, prefix="reponse")
        self.indicateurs = IndicateursForm(
            data, indicateurs=indicateurs, valeurs=valeurs, prefix="indicateurs"
        )
        self.financements = [
            (f, FinancementLigneForm(data, instance=f, prefix=f"financement-{f.pk}"))
            for f in fiche.financements.filter(annee=campagne.annee).select_related("financeur")
        ]
        self.nouveau_financement = NouveauFinancementForm(
            data, instance=Financement(fiche=fiche, annee=campagne.annee), prefix="financement"
        )

    def formulaires(self) -> list[forms.Form]:
        lignes = [form for _, form in self.financements]
        return [self.statut, self.reponse, self.indicateurs, *lignes, self.nouveau_financement]

    def is_valid(self) -> bool:
        valides = [form.is_valid() for form in self.formulaires()]  # every form's errors
        return all(valides)

    @property
    def erreurs(self) -> bool:
        return any(form.errors for form in self.formulaires())
