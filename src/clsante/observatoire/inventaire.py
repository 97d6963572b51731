"""Inventory of contracts by region and department (seed 001, Table 1)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet, Sum

from clsante.contrats.models import Contrat
from clsante.observatoire.perimetre import Perimetre
from clsante.territoires.models import Departement, Region


@dataclass
class LigneInventaire:
    code: str
    nom: str
    signes_periode: int = 0
    actifs: int = 0
    en_preparation: int = 0
    par_generation: Counter = field(default_factory=Counter)
    colonnes_generation: list[int] = field(default_factory=list)


def departement_principal(contrats: QuerySet[Contrat]) -> dict[int, int]:
    """Each contract's department: the one holding most of its population."""
    through = Contrat.communes.through
    rows = (
        through.objects.filter(contrat__in=contrats)
        .values("contrat_id", "commune__departement_id")
        .annotate(pop=Sum("commune__population"))
    )
    best: dict[int, tuple[int, int]] = {}
    for row in rows:
        current = best.get(row["contrat_id"])
        if current is None or row["pop"] > current[1]:
            best[row["contrat_id"]] = (row["commune__departement_id"], row["pop"] or 0)
    return {contrat_id: dept for contrat_id, (dept, _) in best.items()}


def inventaire(
    contrats: QuerySet[Contrat],
    perimetre: Perimetre,
    debut: datetime.date,
    fin: datetime.date,
    date_activite: datetime.date,
) -> list[LigneInventaire]:
    contrats = perimetre.contrats(contrats)
    actifs = set(contrats.actifs_au(date_activite).values_list("pk", flat=True))
    depts = departement_principal(contrats)
    lignes = _lignes(perimetre)
    cle_de = _cle_de_ligne(perimetre)
    en_preparation = set(Contrat.Statut.values[:3])
    for c in contrats.values("pk", "date_signature", "generation", "statut", "region_id"):
        ligne = lignes.get(cle_de(c, depts))
        if ligne is None:
            continue
        if c["date_signature"] and debut <= c["date_signature"] <= fin:
            ligne.signes_periode += 1
            ligne.par_generation[c["generation"]] += 1
        ligne.actifs += c["pk"] in actifs
        ligne.en_preparation += c["statut"] in en_preparation
    return sorted(lignes.values(), key=lambda ligne: ligne.code)


def _lignes(perimetre: Perimetre) -> dict[int, LigneInventaire]:
    if perimetre.niveau_detail == "region":
        return {r.pk: LigneInventaire(r.code, r.nom) for r in Region.objects.all()}
    depts = Departement.objects.filter(region=perimetre.region)
    if perimetre.departement:
        depts = depts.filter(pk=perimetre.departement.pk)
    return {d.pk: LigneInventaire(d.code, d.nom) for d in depts}


def _cle_de_ligne(perimetre: Perimetre):
    if perimetre.niveau_detail == "region":
        return lambda c, depts: c["region_id"]
    return lambda c, depts: depts.get(c["pk"])


def total(lignes: list[LigneInventaire]) -> LigneInventaire:
    out = LigneInventaire("", "Total")
    for ligne in lignes:
        out.signes_periode += ligne.signes_periode
        out.actifs += ligne.actifs
        out.en_preparation += ligne.en_preparation
        out.par_generation.update(ligne.par_generation)
    return out


def generations(lignes: list[LigneInventaire]) -> list[int]:
    """The generations present, and each line's counts for them, in that order."""
    gens = sorted({g for ligne in lignes for g in ligne.par_generation})
    for ligne in lignes:
        ligne.colonnes_generation = [ligne.par_generation.get(g, 0) for g in gens]
    return gens
