from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.grille.referentiel import AXE_LIBELLES, MULTI_AXES, grille


class CodageForm(DsfrBaseForm):
    """A person's coding on the five axes, as trees of the grid's exact codes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        g = grille()
        for axe in MULTI_AXES:
            self.fields[axe] = forms.MultipleChoiceField(
                label=AXE_LIBELLES[axe],
                choices=g.choix(axe),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        self.fields["approche"] = forms.ChoiceField(
            label=AXE_LIBELLES["approche"],
            choices=[("", "Non précisée"), *g.choix("approche")],
            required=False,
            widget=forms.RadioSelect,
        )
