import datetime

from django import forms
from dsfr.forms import DsfrBaseForm

from clsante.contrats.models import Contrat
from clsante.core.texte import cle_de_tri, libelle_generation
from clsante.territoires.models import Departement, Region

TOUS = [("", "Tous")]


class FiltreObservatoireForm(DsfrBaseForm):
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)
    debut = forms.IntegerField(
        label="Signés à partir de (année)", required=False, min_value=2009, max_value=2100
    )
    fin = forms.IntegerField(
        label="Signés jusqu'en (année)", required=False, min_value=2009, max_value=2100
    )
    date = forms.DateField(
        label="Actifs à la date du",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Saisissez une date valide (jj/mm/aaaa)."},
    )
    generation = forms.TypedChoiceField(
        label="Génération",
        required=False,
        coerce=int,
        empty_value=None,
        choices=TOUS + [(g, libelle_generation(g)) for g in range(1, 5)],
    )
    type_porteuse = forms.ChoiceField(
        label="Type de porteuse", required=False, choices=TOUS + Contrat.TypePorteuse.choices
    )
    statut = forms.ChoiceField(
        label="Statut", required=False, choices=TOUS + Contrat.Statut.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In French alphabetical order: « Île-de-France » among the I, not after « Pays ».
        regions = sorted(Region.objects.all(), key=lambda r: cle_de_tri(r.nom))
        # Regions have two-digit codes; overseas collectivities (975…989) have no ARS.
        self.fields["region"].choices = [
            ("", "Toute la France"),
            ("Régions", [(r.code, r.nom) for r in regions if len(r.code) == 2]),
            ("Collectivités d'outre-mer", [(r.code, r.nom) for r in regions if len(r.code) > 2]),
        ]
        # Under their region, so that one finds a department where one looks for it.
        par_region: dict[str, list] = {}
        for d in Departement.objects.order_by("code"):
            par_region.setdefault(d.region_id, []).append((d.code, f"{d.code} — {d.nom}"))
        self.fields["departement"].choices = TOUS + [
            (r.nom, par_region[r.pk]) for r in regions if r.pk in par_region
        ]

    def valeurs(self) -> dict:
        """Cleaned values with defaults; invalid fields fall back to their default."""
        data = (
            self.cleaned_data
            if self.is_valid()
            else {
                k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors
            }
        )
        today = datetime.date.today()
        debut = data.get("debut") or today.year - 5
        fin = data.get("fin") or today.year
        return {
            "debut": datetime.date(min(debut, fin), 1, 1),
            "fin": datetime.date(max(debut, fin), 12, 31),
            "date": data.get("date") or today,
            "generation": data.get("generation"),
            "type_porteuse": data.get("type_porteuse") or None,
            "statut": data.get("statut") or None,
        }
