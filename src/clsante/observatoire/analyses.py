"""Cross-contract analytics: what the programmes of a territory address and how."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum

from clsante.grille.analyses import codages_valides
from clsante.grille.referentiel import grille
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction, Financement


@dataclass(frozen=True)
class Part:
    code: str
    libelle: str
    n: int
    part: float


@dataclass
class Profil:
    fiches: int
    fiches_codees: int
    thematiques: list[Part]
    determinants: list[Part]
    strategies: list[Part]
    approches: list[Part]


def _parts(counter: Counter, total: int, libelles: dict[str, str]) -> list[Part]:
    return [
        Part(code, lib, counter[code], counter[code] / total if total else 0.0)
        for code, lib in libelles.items()
    ]


def profil(fiches: QuerySet[FicheAction]) -> Profil:
    codages = codages_valides(fiches)
    g = grille()
    n = len(codages)

    def racines(axe: str) -> dict[str, str]:
        return {c.code: c.libelle for c in g.racines(axe)}

    return Profil(
        fiches=fiches.count(),
        fiches_codees=n,
        thematiques=_parts(
            Counter(t for c in codages for t in set(c.thematiques)), n, racines("thematiques")
        ),
        determinants=_parts(
            Counter(r for c in codages for r in {x.split(".")[0] for x in c.determinants}),
            n,
            racines("determinants"),
        ),
        strategies=_parts(
            Counter(r for c in codages for r in {x.split(".")[0] for x in c.strategies}),
            n,
            racines("strategies"),
        ),
        approches=_parts(
            Counter(c.approche for c in codages if c.approche), n, racines("approche")
        ),
    )


def secteurs_partenaires(fiches: QuerySet[FicheAction]) -> list[Part]:
    through = FicheAction.partenaires.through
    rows = (
        through.objects.filter(ficheaction__in=fiches)
        .values("organisation__secteur")
        .annotate(n=Count("pk"))
    )
    counts = Counter({r["organisation__secteur"]: r["n"] for r in rows})
    return _parts(counts, sum(counts.values()), dict(Organisation.Secteur.choices))


@dataclass(frozen=True)
class LigneFinancement:
    type_financeur: str
    sollicite: float
    obtenu: float


def financements_par_financeur(fiches: QuerySet[FicheAction]) -> list[LigneFinancement]:
    rows = (
        Financement.objects.filter(fiche__in=fiches)
        .values("financeur__type", "statut")
        .annotate(total=Sum("montant"))
    )
    par_type: dict[str, list[float]] = {}
    for r in rows:
        cell = par_type.setdefault(r["financeur__type"], [0.0, 0.0])
        cell[0 if r["statut"] == Financement.Statut.SOLLICITE else 1] += float(r["total"] or 0)
    labels = dict(Organisation.Type.choices)
    return sorted(
        (LigneFinancement(labels.get(t, t), s, o) for t, (s, o) in par_type.items()),
        key=lambda ligne: -(ligne.sollicite + ligne.obtenu),
    )


@dataclass(frozen=True)
class Comparaison:
    axe: str
    libelle: str
    contrat: float
    territoire: float


def comparer(du_contrat: Profil, du_territoire: Profil) -> list[Comparaison]:
    rows = []
    for axe, titre in (
        ("thematiques", "Thématique"),
        ("determinants", "Déterminant"),
        ("strategies", "Stratégie"),
        ("approches", "Approche"),
    ):
        autres = {p.code: p.part for p in getattr(du_territoire, axe)}
        for p in getattr(du_contrat, axe):
            if p.n or autres.get(p.code):
                rows.append(Comparaison(titre, p.libelle, p.part, autres.get(p.code, 0.0)))
    return rows
