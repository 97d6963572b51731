"""Forms of the exchanges around a fiche: comments, and the ARS decision on an amendment."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.programme.models import Avenant, Commentaire


class CommentaireForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Commentaire
        fields = ["texte"]
        widgets = {"texte": forms.Textarea(attrs={"rows": 4})}
        labels = {"texte": "Votre commentaire"}
        error_messages = {
            "texte": {
                "required": "Écrivez votre commentaire avant de l'envoyer.",
                "max_length": "Un commentaire compte au plus %(limit_value)d caractères.",
            }
        }

    def clean_texte(self) -> str:
        texte = self.cleaned_data["texte"].strip()
        if not texte:
            raise forms.ValidationError("Écrivez votre commentaire avant de l'envoyer.")
        return texte


class DecisionAvenantForm(DsfrBaseForm):
    decision = forms.ChoiceField(
        label="Décision",
        choices=[(Avenant.Statut.VALIDE, "Valider"), (Avenant.Statut.REFUSE, "Refuser")],
        error_messages={"invalid_choice": "Choisissez de valider ou de refuser l'avenant."},
    )
