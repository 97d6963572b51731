"""Opening a campaign: the year to review, the deadline, a word to the porteurs."""

from __future__ import annotations

import datetime

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.bilan.models import CampagneBilan, annee_de_bilan_par_defaut
from clsante.contrats.models import Contrat

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DELAI_PAR_DEFAUT = datetime.timedelta(days=30)


class CampagneForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = CampagneBilan
        fields = ["annee", "date_limite", "message"]
        widgets = {"date_limite": DATE, "message": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "annee": "L'année dont les porteurs font le bilan.",
            "date_limite": "Des rappels partent 7 jours avant, le jour même et 3 jours après.",
            "message": "Facultatif : il accompagne l'invitation envoyée aux porteurs.",
        }
        error_messages = {
            "annee": {"required": "Indiquez l'année du bilan."},
            "date_limite": {
                "required": "Indiquez la date limite de réponse.",
                "invalid": "Saisissez une date valide, par exemple 31/01/2027.",
            },
        }

    def __init__(self, *args, contrat: Contrat, today: datetime.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.contrat = contrat
        self.today = today
        if not self.instance.pk:  # the new instance's empty values would hide the defaults
            self.initial["annee"] = self.initial.get("annee") or annee_de_bilan_par_defaut(today)
            self.initial["date_limite"] = self.initial.get("date_limite") or (
                today + DELAI_PAR_DEFAUT
            )

    def clean_annee(self) -> int:
        annee = self.cleaned_data["annee"]
        if annee > self.today.year:
            raise forms.ValidationError(
                f"L'année {annee} n'a pas encore commencé : on ne peut pas en faire le bilan."
            )
        return annee

    def clean_date_limite(self) -> datetime.date:
        date_limite = self.cleaned_data["date_limite"]
        if date_limite < self.today:
            raise forms.ValidationError("La date limite ne peut pas être dans le passé.")
        return date_limite

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("annee") is not None:
            empechement = CampagneBilan(contrat=self.contrat, annee=cleaned["annee"]).empechement()
            if empechement:
                raise forms.ValidationError(empechement)
        return cleaned
