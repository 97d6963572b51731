"""The upload form and the column-mapping form."""

from __future__ import annotations

from django import forms
from dsfr.forms import DsfrBaseForm
from openpyxl.utils import get_column_letter

from clsante.imports.champs import CHAMPS
from clsante.imports.correspondance import manquants
from clsante.imports.lecture import taille_max


class TeleversementForm(DsfrBaseForm):
    """The file field as DSFR's upload component (``fr-upload-group``): django-dsfr renders
    a file input like a text input unless the widget names the component's classes. The
    button's text (« Parcourir… ») comes from the browser."""

    fichier = forms.FileField(
        label="Fichier à importer",
        error_messages={"required": "Choisissez un fichier à importer."},
        widget=forms.FileInput(attrs={"class": "fr-upload", "accept": ".xlsx,.ods,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fichier"].widget.group_class = "fr-upload-group"
        mo = taille_max() // (1024 * 1024)
        aide = f"Formats acceptés : XLSX, ODS, CSV. Taille maximale : {mo} Mo."
        self.fields["fichier"].help_text = aide
        self["fichier"].help_text = aide  # the bound field was made by DsfrBaseForm


class CorrespondanceForm(DsfrBaseForm):
    """One select per source column ("Ignorer" or a CLSanté field), and the first data row."""

    premiere_ligne = forms.IntegerField(
        label="Première ligne de données",
        min_value=2,
        help_text="Numéro, dans le tableur, de la première ligne décrivant une fiche.",
    )

    def __init__(self, *args, type_: str, entetes: list[str], initial_map: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.type_ = type_
        self.nb = len(entetes)
        choix = [("", "Ignorer cette colonne")] + [(c.cle, c.titre) for c in CHAMPS[type_]]
        colonnes = initial_map.get("colonnes", [])
        self.fields["premiere_ligne"].initial = initial_map.get("premiere_ligne")
        for i, entete in enumerate(entetes):
            lettre = get_column_letter(i + 1)
            self.fields[f"col_{i}"] = forms.ChoiceField(
                label=f"Colonne {lettre} : « {entete} »" if entete else f"Colonne {lettre}",
                choices=choix,
                required=False,
                initial=colonnes[i] if i < len(colonnes) else "",
            )

    def colonnes(self) -> list[str]:
        return [self.cleaned_data.get(f"col_{i}", "") for i in range(self.nb)]

    def clean(self) -> dict:
        data = super().clean()
        choisis = [c for c in self.colonnes() if c]
        doublons = sorted({c for c in choisis if choisis.count(c) > 1})
        titres = {c.cle: c.titre for c in CHAMPS[self.type_]}
        for cle in doublons:
            self.add_error(None, f"Le champ « {titres[cle]} » est associé à plusieurs colonnes.")
        for message in manquants(self.type_, choisis):
            self.add_error(None, message)
        return data
