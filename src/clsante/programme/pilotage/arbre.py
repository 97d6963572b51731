"""The programme as a tree: axes → objectives (general → specific → operational) → fiches."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from clsante.contrats.models import Contrat
from clsante.programme.models import Axe, FicheAction, Objectif


@dataclass
class NoeudObjectif:
    objectif: Objectif
    fiches: list[FicheAction] = field(default_factory=list)
    enfants: list[NoeudObjectif] = field(default_factory=list)

    def tout_fiches(self) -> set[int]:
        """Pks of the fiches attached here or anywhere below."""
        pks = {f.pk for f in self.fiches}
        for enfant in self.enfants:
            pks |= enfant.tout_fiches()
        return pks


@dataclass
class BrancheAxe:
    axe: Axe
    objectifs: list[NoeudObjectif] = field(default_factory=list)
    sans_objectif: list[FicheAction] = field(default_factory=list)
    nb_fiches: int = 0


def _elaguer(noeud: NoeudObjectif) -> None:
    """List a fiche under its most precise objective only, not again under the parents."""
    for enfant in noeud.enfants:
        _elaguer(enfant)
    dessous = set().union(*(e.tout_fiches() for e in noeud.enfants))
    noeud.fiches = [f for f in noeud.fiches if f.pk not in dessous]


def arbre_programme(contrat: Contrat) -> list[BrancheAxe]:
    """Axes in order with their objective tree and fiches, in four queries."""
    axes = list(contrat.axes.order_by("numero"))
    objectifs = list(Objectif.objects.filter(axe__contrat=contrat).order_by("code", "pk"))
    fiches = list(
        FicheAction.objects.filter(contrat=contrat)
        .select_related("porteur")
        .order_by("axe__numero", "numero")
    )
    liens = FicheAction.objectifs.through.objects.filter(ficheaction__contrat=contrat)

    fiches_par_pk = {f.pk: f for f in fiches}
    fiches_par_objectif: dict[int, list[FicheAction]] = defaultdict(list)
    rattachees: set[int] = set()
    for fiche_id, objectif_id in liens.values_list("ficheaction_id", "objectif_id"):
        fiches_par_objectif[objectif_id].append(fiches_par_pk[fiche_id])
        rattachees.add(fiche_id)

    noeuds = {
        o.pk: NoeudObjectif(o, sorted(fiches_par_objectif[o.pk], key=ordre_fiche))
        for o in objectifs
    }
    branches = {a.pk: BrancheAxe(a) for a in axes}
    for o in objectifs:
        parent = noeuds.get(o.parent_id)
        if parent is not None and parent.objectif.axe_id == o.axe_id:
            parent.enfants.append(noeuds[o.pk])
        else:
            branches[o.axe_id].objectifs.append(noeuds[o.pk])
    for branche in branches.values():
        for racine in branche.objectifs:
            _elaguer(racine)
    for fiche in fiches:
        branches[fiche.axe_id].nb_fiches += 1
        if fiche.pk not in rattachees:
            branches[fiche.axe_id].sans_objectif.append(fiche)
    return list(branches.values())


def ordre_fiche(fiche: FicheAction) -> tuple:
    """Fiche numbers like "1.10" sort after "1.9"."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in fiche.numero.split("."))
