"""The programme of a contract as a table in the template's columns (XLSX, ODS, CSV + schema).

XLSX and ODS are for people: the template's layout (widths, drop-down lists, « Aide »
sheet), dates shown JJ/MM/AAAA, publics by their labels. The CSV is the open-data format
its Table Schema describes: commas, machine names, ISO dates, grid codes, and a BOM so a
French Excel shows its accents.

Re-importing an export changes nothing: every column is one the import reads back. A fiche
with more fundings than the table has funder columns (at most 6) loses the oldest ones from
the export; the import never deletes a funding, so they stay in CLSanté.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch
from django.http import HttpResponse

from clsante.core import tableaux
from clsante.core.tableaux import Colonne
from clsante.grille.referentiel import grille
from clsante.imports.champs import FINANCEMENTS_MAX, champs, nom_machine
from clsante.imports.modele import FINANCEMENTS_MODELE, colonnes, reponse
from clsante.imports.presentation import feuille_aide, feuille_donnees
from clsante.programme.models import Financement
from clsante.programme.pilotage.arbre import ordre_fiche

TYPES = {"axe_numero": "integer", "date_debut": "date", "date_fin": "date"}


def _nombre(valeur: Decimal | None) -> Any:
    if valeur is None:
        return None
    return int(valeur) if valeur == valeur.to_integral_value() else float(valeur)


def _financement(fiche, n: int, attribut: str) -> Any:
    financements = fiche.financements_tries
    if n > len(financements):
        return None
    f = financements[n - 1]
    return {
        "financeur": f.financeur.nom,
        "montant": _nombre(f.montant),
        "annee": f.annee,
        "statut_fin": f.get_statut_display(),
    }[attribut]


def _valeur(cle: str):
    if ":" in cle:
        attribut, n = cle.split(":")
        return lambda f: _financement(f, int(n), attribut)
    simples = {
        "axe_numero": lambda f: f.axe.numero,
        "axe_titre": lambda f: f.axe.titre,
        "objectifs": lambda f: "\n".join(
            f"{o.code} — {o.intitule}" if o.code else o.intitule for o in f.objectifs.all()
        ),
        "publics": lambda f: "; ".join(f.publics),
        "communes": lambda f: "; ".join(c.nom for c in f.communes.all()),
        "porteur": lambda f: f.porteur.nom if f.porteur else "",
        "partenaires": lambda f: "; ".join(o.nom for o in f.partenaires.all()),
        "statut": lambda f: f.get_statut_display(),
        "priorite": lambda f: f.get_priorite_display(),
        "participation": lambda f: f.get_participation_display(),
        "indicateurs": lambda f: "\n".join(i.libelle for i in f.indicateurs.all()),
    }
    return simples.get(cle) or (lambda f: getattr(f, cle))


def _type(cle: str) -> str:
    if cle.startswith("montant:"):
        return "number"
    if cle.startswith("annee:"):
        return "integer"
    return TYPES.get(cle, "string")


def _publics_en_libelles(fiche) -> str:
    publics = grille().axe("publics")
    return "; ".join(publics[c].libelle if c in publics else c for c in fiche.publics)


def colonnes_export(
    financements: int = FINANCEMENTS_MODELE, *, pour_tableur: bool = False
) -> list[Colonne]:
    """The export's columns; ``pour_tableur`` (XLSX, ODS): publics by their French labels,
    the CSV keeps the grid's codes, the machine format its Table Schema describes."""
    index = champs("programme")
    cols = [
        Colonne(nom_machine(c), index[c].titre, _type(c), _valeur(c), index[c].aide)
        for c in colonnes("programme", financements)
    ]
    if pour_tableur:
        cols = [replace(c, valeur=_publics_en_libelles) if c.nom == "publics" else c for c in cols]
    return cols


def fiches(contrat):
    qs = (
        contrat.fiches.select_related("axe", "porteur")
        .prefetch_related(
            "objectifs",
            "communes",
            "partenaires",
            "indicateurs",
            Prefetch(
                "financements",
                queryset=Financement.objects.select_related("financeur").order_by(
                    "annee", "financeur__nom", "pk"
                ),
                to_attr="financements_tries",
            ),
        )
        .order_by("axe__numero", "pk")
    )
    return sorted(qs, key=lambda f: (f.axe.numero, ordre_fiche(f)))


def nombre_financements(contrat) -> int:
    plus = contrat.fiches.annotate(n=Count("financements")).order_by("-n").values_list(
        "n", flat=True
    ).first()  # fmt: skip
    return min(max(FINANCEMENTS_MODELE, plus or 0), FINANCEMENTS_MAX)


def reponse_export(contrat, format_: str) -> HttpResponse:
    """The programme for machines (CSV + Table Schema) or for people (XLSX, ODS)."""
    n = nombre_financements(contrat)
    nom = f"programme-contrat-{contrat.pk}"
    if format_ == "schema":
        description = f"Programme du contrat « {contrat.nom} » : une ligne par fiche action."
        return tableaux.reponse_schema(nom, "Programme d'un contrat local de santé", description,
                                       colonnes_export(n))  # fmt: skip
    if format_ == "csv":
        return tableaux.reponse_csv(nom, colonnes_export(n), fiches(contrat), bom=True)
    cles = colonnes("programme", n)
    cols = colonnes_export(n, pour_tableur=True)
    lignes = [[c.valeur(f) for c in cols] for f in fiches(contrat)]
    feuilles = [feuille_donnees("programme", "Programme", cles, lignes),
                feuille_aide("programme", cles)]  # fmt: skip
    return reponse(nom, format_, feuilles)
