"""The programme as a filterable table: which fiches match the chosen filters.

A contract holds tens of fiches, so they are loaded once and filtered in Python: the grid
codes live in JSON lists, and "a code implies its ancestors" is simpler to say here than in
SQL that would differ between SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from clsante.contrats.models import Contrat
from clsante.grille.referentiel import fermeture, grille
from clsante.programme.models import FicheAction
from clsante.programme.pilotage.arbre import ordre_fiche
from clsante.territoires.models import Commune


@dataclass
class LigneFiche:
    fiche: FicheAction
    communes: list[Commune]
    themes_codes: list[str]
    themes: set[str]  # the codes and their ancestors, for filtering
    publics: set[str]

    @property
    def themes_libelles(self) -> list[str]:
        return [grille().libelle("thematiques", c) for c in self.themes_codes]

    @property
    def commune_ids(self) -> set[str]:
        return {str(c.pk) for c in self.communes}


def lignes_programme(contrat: Contrat) -> list[LigneFiche]:
    """Every fiche of the contract with what the filters need (three queries)."""
    fiches = (
        FicheAction.objects.filter(contrat=contrat)
        .select_related("axe", "porteur", "codage")
        .prefetch_related("communes")
    )
    lignes = []
    for fiche in sorted(fiches, key=lambda f: (f.axe.numero, ordre_fiche(f))):
        codage = getattr(fiche, "codage", None)
        themes = list(codage.thematiques) if codage else []
        lignes.append(
            LigneFiche(
                fiche=fiche,
                communes=list(fiche.communes.all()),
                themes_codes=themes,
                themes=fermeture(themes),
                publics=fermeture(fiche.publics),
            )
        )
    return lignes


def choix_filtres(contrat: Contrat, lignes: list[LigneFiche]) -> dict[str, list[tuple[str, str]]]:
    """Filter choices drawn from what the contract actually holds (one query, communes)."""
    g = grille()
    axes = {ligne.fiche.axe for ligne in lignes}
    porteurs = {ligne.fiche.porteur for ligne in lignes if ligne.fiche.porteur}
    themes = set().union(*(ligne.themes for ligne in lignes))
    publics = set().union(*(ligne.publics for ligne in lignes))
    return {
        "axe": [(str(a.pk), str(a)) for a in sorted(axes, key=lambda a: a.numero)],
        "theme": [(c, libelle) for c, libelle in g.choix("thematiques") if c in themes],
        "porteur": [(str(o.pk), o.nom) for o in sorted(porteurs, key=lambda o: o.nom)],
        "public": [(c, libelle) for c, libelle in g.choix("publics") if c in publics],
        "commune": [(str(pk), nom) for pk, nom in contrat.communes.values_list("pk", "nom")],
    }


def filtrer(lignes: list[LigneFiche], filtres: dict[str, str]) -> list[LigneFiche]:
    """The lines matching every filter (a fiche with no commune matches every commune)."""

    def garde(ligne: LigneFiche) -> bool:
        f = ligne.fiche
        if "axe" in filtres and str(f.axe_id) != filtres["axe"]:
            return False
        if "statut" in filtres and f.statut != filtres["statut"]:
            return False
        if "theme" in filtres and filtres["theme"] not in ligne.themes:
            return False
        if "porteur" in filtres and str(f.porteur_id) != filtres["porteur"]:
            return False
        if "public" in filtres and filtres["public"] not in ligne.publics:
            return False
        if "commune" in filtres and ligne.communes and filtres["commune"] not in ligne.commune_ids:
            return False
        return not (
            "hors_programmation" in filtres
            and f.hors_programmation != (filtres["hors_programmation"] == "oui")
        )

    return [ligne for ligne in lignes if garde(ligne)]
