"""Columns of the observatory's tables, shared by the pages and the exports."""

from __future__ import annotations

from clsante.core.tableaux import Colonne
from clsante.core.texte import libelle_generation
from clsante.observatoire.couverture import Attributs


def inventaire(generations: list[int]) -> list[Colonne]:
    cols = [
        Colonne("code", "Code INSEE", "string", lambda ligne: ligne.code),
        Colonne("territoire", "Territoire", "string", lambda ligne: ligne.nom),
        Colonne(
            "signes_periode",
            "Contrats signés sur la période",
            "integer",
            lambda ligne: ligne.signes_periode,
        ),
        Colonne("actifs", "Contrats actifs à la date", "integer", lambda ligne: ligne.actifs),
        Colonne(
            "en_preparation",
            "Contrats en préparation",
            "integer",
            lambda ligne: ligne.en_preparation,
        ),
    ]
    for g in generations:
        cols.append(
            Colonne(
                f"signes_generation_{g}",
                f"dont {libelle_generation(g)}",
                "integer",
                lambda ligne, g=g: ligne.par_generation.get(g, 0),
            )
        )
    return cols


def couverture(attributs: Attributs | None) -> list[Colonne]:
    """With ``attributs=None``: every column (the published schema)."""
    cols = [
        Colonne("code", "Code INSEE", "string", lambda ligne: ligne.code),
        Colonne("territoire", "Territoire", "string", lambda ligne: ligne.nom),
        Colonne("population", "Population", "integer", lambda ligne: ligne.population),
        Colonne(
            "population_couverte",
            "Population couverte",
            "integer",
            lambda ligne: ligne.population_couverte,
        ),
        Colonne(
            "part_population_couverte",
            "Part de la population couverte",
            "number",
            lambda ligne: _arrondi(ligne.part_population),
        ),
        Colonne("communes", "Communes", "integer", lambda ligne: ligne.communes),
        Colonne(
            "communes_couvertes",
            "Communes couvertes",
            "integer",
            lambda ligne: ligne.communes_couvertes,
        ),
    ]
    optionnelles = [
        (
            "rural",
            "part_population_rurale_couverte",
            "Part de la population rurale couverte",
            "part_rurale",
        ),
        (
            "qpv",
            "part_population_qpv_couverte",
            "Part de la population des quartiers prioritaires couverte",
            "part_qpv",
        ),
        (
            "defavorisation",
            "part_population_defavorisee_couverte",
            "Part de la population des communes les plus défavorisées couverte",
            "part_defavorisee",
        ),
    ]
    for attribut, nom, titre, prop in optionnelles:
        if attributs is None or getattr(attributs, attribut):
            cols.append(
                Colonne(nom, titre, "number", lambda ligne, p=prop: _arrondi(getattr(ligne, p)))
            )
    return cols


def _arrondi(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def profils() -> list[Colonne]:
    return [
        Colonne("contrat", "Contrat", "string", lambda p: p.contrat.nom),
        Colonne("annee_signature", "Année de signature", "integer", lambda p: p.annee_signature),
        Colonne("duree_annees", "Durée (années)", "number", lambda p: p.duree_annees),
        Colonne("type_porteuse", "Type de porteuse", "string", lambda p: p.type_porteuse),
        Colonne("population", "Population", "integer", lambda p: p.population),
        Colonne("tranche_population", "Tranche de population", "string", lambda p: p.tranche),
        Colonne("generation", "Génération", "integer", lambda p: p.generation),
        Colonne("nature_territoire", "Nature du territoire", "string", lambda p: p.nature),
    ]


def comparaison() -> list[Colonne]:
    return [
        Colonne("axe", "Axe de la grille", "string", lambda c: c.axe),
        Colonne("libelle", "Code", "string", lambda c: c.libelle),
        Colonne(
            "part_contrat", "Part des fiches du contrat", "number", lambda c: round(c.contrat, 4)
        ),
        Colonne(
            "part_territoire",
            "Part des fiches du territoire",
            "number",
            lambda c: round(c.territoire, 4),
        ),
    ]
