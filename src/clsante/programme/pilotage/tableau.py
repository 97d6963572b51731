"""Aggregations of the contract dashboard, each shaped for one chart and its table."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from clsante.contrats.models import Contrat
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction, Financement
from clsante.programme.pilotage.graphiques import (
    STATUTS_FICHE,
    Segment,
    largeur,
    maximum,
    segments_statuts,
)
from clsante.programme.pilotage.indicateurs import (
    EtatIndicateur,
    IndicateurSuivi,
    indicateurs_suivis,
)

OBTENU = (Financement.Statut.ACQUIS, Financement.Statut.VERSE)


# Progress by axis


@dataclass
class AvancementAxe:
    libelle: str
    comptes: dict[str, int]
    segments: list[Segment]

    @property
    def total(self) -> int:
        return sum(self.comptes.values())

    def compte(self, statut: str) -> int:
        return self.comptes.get(statut, 0)

    @property
    def ligne(self) -> list[int]:
        """Counts in the order of the table's columns."""
        return [self.compte(cle) for cle, _ in STATUTS_FICHE]


def avancement_par_axe(contrat: Contrat) -> list[AvancementAxe]:
    comptes: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        FicheAction.objects.filter(contrat=contrat)
        .values("axe_id", "statut")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        comptes[row["axe_id"]][row["statut"]] = row["n"]
    return [
        AvancementAxe(str(axe), comptes[axe.pk], segments_statuts(comptes[axe.pk]))
        for axe in contrat.axes.order_by("numero")
    ]


# Indicators


@dataclass
class BilanIndicateurs:
    suivis: list[IndicateurSuivi]
    segments: list[Segment]

    @property
    def alertes(self) -> int:
        return sum(1 for s in self.suivis if s.alerte)


def bilan_indicateurs(contrat: Contrat, aujourd_hui: datetime.date) -> BilanIndicateurs:
    suivis = indicateurs_suivis([contrat.pk], aujourd_hui)
    comptes = Counter(s.etat for s in suivis)
    total = len(suivis)
    segments = [
        Segment(etat.value, etat.label, comptes[etat], largeur(comptes[etat], total))
        for etat in EtatIndicateur
        if comptes[etat]
    ]
    return BilanIndicateurs(suivis, segments)


# Financing


@dataclass
class LigneFinancement:
    libelle: str
    sollicite: Decimal = Decimal(0)
    obtenu: Decimal = Decimal(0)
    largeur_sollicite: str = "0"
    largeur_obtenu: str = "0"

    @property
    def total(self) -> Decimal:
        return self.sollicite + self.obtenu


def _financements(contrat: Contrat, cle: str) -> list[LigneFinancement]:
    lignes: dict[str, LigneFinancement] = {}
    rows = (
        Financement.objects.filter(fiche__contrat=contrat)
        .values(cle, "statut")
        .annotate(montant=Sum("montant"))
        .order_by()
    )
    for row in rows:
        libelle = str(row[cle])
        ligne = lignes.setdefault(libelle, LigneFinancement(libelle))
        if row["statut"] in OBTENU:
            ligne.obtenu += row["montant"]
        else:
            ligne.sollicite += row["montant"]
    echelle = maximum(v for ligne in lignes.values() for v in (ligne.sollicite, ligne.obtenu))
    for ligne in lignes.values():
        ligne.largeur_sollicite = largeur(ligne.sollicite, echelle)
        ligne.largeur_obtenu = largeur(ligne.obtenu, echelle)
    return list(lignes.values())


def financements_par_financeur(contrat: Contrat) -> list[LigneFinancement]:
    """Requested (sollicité) and obtained (acquis + versé) per funder, largest first."""
    return sorted(_financements(contrat, "financeur__nom"), key=lambda ligne: -ligne.total)


def financements_par_annee(contrat: Contrat) -> list[LigneFinancement]:
    return sorted(_financements(contrat, "annee"), key=lambda ligne: ligne.libelle)


# Partners by sector


@dataclass
class LigneSecteur:
    libelle: str
    porteurs: int
    partenaires: int
    organisations: int
    largeur: str


def acteurs_par_secteur(contrat: Contrat) -> list[LigneSecteur]:
    """Organisations carrying or joining the contract's fiches, by sector of activity."""
    porteurs = set(
        Organisation.objects.filter(fiches_portees__contrat=contrat).values_list("pk", "secteur")
    )
    partenaires = set(
        Organisation.objects.filter(fiches_partenaires__contrat=contrat).values_list(
            "pk", "secteur"
        )
    )
    n_porteurs = Counter(secteur for _, secteur in porteurs)
    n_partenaires = Counter(secteur for _, secteur in partenaires)
    n_tous = Counter(secteur for _, secteur in porteurs | partenaires)
    echelle = maximum(n_tous.values())
    return [
        LigneSecteur(
            libelle, n_porteurs[cle], n_partenaires[cle], n_tous[cle], largeur(n_tous[cle], echelle)
        )
        for cle, libelle in sorted(
            Organisation.Secteur.choices, key=lambda choix: -n_tous[choix[0]]
        )
        if n_tous[cle]
    ]


# Actions per commune


@dataclass
class LigneCommune:
    nom: str
    population: int
    ciblees: int
    territoire: int
    largeur: str = "0"

    @property
    def actions(self) -> int:
        return self.ciblees + self.territoire

    @property
    def pour_mille(self) -> Decimal | None:
        if not self.population:
            return None
        return (Decimal(self.actions) * 1000 / self.population).quantize(Decimal("0.1"))


@dataclass
class ActionsCommunes:
    lignes: list[LigneCommune] = field(default_factory=list)
    territoire: int = 0

    @property
    def sans_action_ciblee(self) -> list[LigneCommune]:
        return [ligne for ligne in self.lignes if not ligne.ciblees]


def actions_par_commune(contrat: Contrat) -> ActionsCommunes:
    """Fiches acting on each commune per 1,000 inhabitants, least covered first.

    A fiche with no commune acts on the whole territory and counts for every commune;
    abandoned fiches act nowhere.
    """
    fiches = FicheAction.objects.filter(contrat=contrat).exclude(
        statut=FicheAction.Statut.ABANDONNEE
    )
    territoire = fiches.filter(communes__isnull=True).count()
    ciblees = Counter(
        FicheAction.communes.through.objects.filter(ficheaction__in=fiches).values_list(
            "commune_id", flat=True
        )
    )
    lignes = [
        LigneCommune(nom, population, ciblees[pk], territoire)
        for pk, nom, population in contrat.communes.values_list("pk", "nom", "population")
    ]
    lignes.sort(key=lambda ligne: (ligne.pour_mille is None, ligne.pour_mille or 0, ligne.nom))
    echelle = maximum(ligne.pour_mille or 0 for ligne in lignes)
    for ligne in lignes:
        ligne.largeur = largeur(ligne.pour_mille or 0, echelle)
    return ActionsCommunes(lignes, territoire)
