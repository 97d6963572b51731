"""The plan of the synthetic national dataset: real territories and lineages of contracts.

Territories are drawn from the real geography, away from what real contracts cover: first
whole EPCI (some reduced to their main communes, some grouped by department as a PETR or a
Pays), then free communes. Each territory gets a lineage of one to three successive
contracts (generation, precedent), dated backwards from the most recent one.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from clsante.contrats.models import Contrat
from clsante.observatoire.synthese_programme import DATE_REFERENCE, STATUTS_NON_SIGNES, choisir
from clsante.territoires.models import EPCI, Commune, Departement, Region

TERRITOIRES = {"epci": 78, "commune": 12, "multi": 10}
TYPES_MULTI = {
    Contrat.TypePorteuse.PETR: 45,
    Contrat.TypePorteuse.PAYS: 35,
    Contrat.TypePorteuse.SYNDICAT_MIXTE: 20,
}
PREFIXES_MULTI = {
    Contrat.TypePorteuse.PETR: "PETR",
    Contrat.TypePorteuse.PAYS: "Pays",
    Contrat.TypePorteuse.SYNDICAT_MIXTE: "Syndicat mixte",
}
GENERATIONS = {1: 62, 2: 28, 3: 10}
C = Contrat.Statut
STATUTS_DERNIER = {
    C.MISE_EN_OEUVRE: 72,
    C.ELABORATION: 9,
    C.EVALUATION: 7,
    C.ECHU: 5,
    C.DIAGNOSTIC: 5,
    C.PRE_CONTRACTUALISATION: 2,
}
PREMIERE_SIGNATURE = 2012
PUBLICATION = {C.MISE_EN_OEUVRE: 0.9, C.EVALUATION: 0.9, C.ECHU: 0.7, C.ELABORATION: 0.2}


class GeographieAbsente(Exception):
    message = "La géographie n'est pas chargée : lancez d'abord « clsante charger_geographie »."


# Geography ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CommuneGeo:
    id: int
    insee: str
    nom: str
    population: int
    departement_id: int
    region_id: int


@dataclass
class EpciGeo:
    id: int
    siren: str
    nom: str
    communes: list[CommuneGeo]  # largest first
    departement_id: int = 0  # where most of its communes are

    def __post_init__(self) -> None:
        self.departement_id = Counter(c.departement_id for c in self.communes).most_common(1)[0][0]


@dataclass
class Geographie:
    communes: list[CommuneGeo]
    epcis: list[EpciGeo]
    departements: dict[int, tuple[str, str, int]]  # id → (code, name, region id)
    regions: dict[int, str]
    villes: dict[int, list[CommuneGeo]]  # department id → its three largest communes


def charger_geographie() -> Geographie:
    communes_epci: dict[int, list[CommuneGeo]] = defaultdict(list)
    par_departement: dict[int, list[CommuneGeo]] = defaultdict(list)
    rows = Commune.objects.order_by("insee").values_list(
        "id", "insee", "nom", "population", "departement_id", "region_id", "epci_id"
    )
    communes = []
    for *valeurs, epci_id in rows:
        commune = CommuneGeo(*valeurs)
        communes.append(commune)
        par_departement[commune.departement_id].append(commune)
        if epci_id:
            communes_epci[epci_id].append(commune)
    if not par_departement:
        raise GeographieAbsente(GeographieAbsente.message)
    par_taille = lambda c: (-c.population, c.insee)  # noqa: E731
    epcis = [
        EpciGeo(pk, siren, nom, sorted(communes_epci[pk], key=par_taille))
        for pk, siren, nom in EPCI.objects.order_by("siren").values_list("id", "siren", "nom")
        if communes_epci[pk]
    ]
    return Geographie(
        communes=communes,
        epcis=epcis,
        departements={
            pk: (code, nom, region)
            for pk, code, nom, region in Departement.objects.values_list(
                "id", "code", "nom", "region_id"
            )
        },
        regions=dict(Region.objects.values_list("id", "nom")),
        villes={d: sorted(cs, key=par_taille)[:3] for d, cs in par_departement.items()},
    )


# Plan: territories and lineages of contracts ----------------------------------------


@dataclass
class Territoire:
    cle: str
    nom: str
    type_porteuse: str
    communes: list[CommuneGeo]
    epcis: list[int]
    departement_id: int

    @property
    def region_id(self) -> int:
        return Counter(c.region_id for c in self.communes).most_common(1)[0][0]

    @property
    def ville(self) -> CommuneGeo:
        return max(self.communes, key=lambda c: (c.population, c.insee))


@dataclass
class PlanContrat:
    rang: int
    territoire: Territoire
    generation: int
    statut: str
    signature: datetime.date | None = None
    debut: datetime.date | None = None
    fin: datetime.date | None = None
    publie: bool = False
    precedent: PlanContrat | None = None
    contrat: Contrat | None = None


def _epcis_dans_l_ordre(geo: Geographie, rng: random.Random, exclus: set[int]) -> list[EpciGeo]:
    """One EPCI per region first (every region gets a contract), then the rest at random."""
    libres = [e for e in geo.epcis if e.id not in exclus]
    rng.shuffle(libres)
    premiers: dict[int, EpciGeo] = {}
    for epci in libres:
        premiers.setdefault(geo.departements[epci.departement_id][2], epci)
    tete = sorted(premiers.values(), key=lambda e: e.siren)
    pris = {e.id for e in tete}
    return tete + [e for e in libres if e.id not in pris]


@dataclass
class Exclusions:
    """What real contracts already cover: synthetic territories avoid it."""

    epcis: set[int] = field(default_factory=set)
    communes: set[int] = field(default_factory=set)

    @classmethod
    def des_contrats_reels(cls) -> Exclusions:
        reels = Contrat.objects.filter(synthetique=False)
        return cls(
            set(
                Contrat.epcis.through.objects.filter(contrat__in=reels).values_list(
                    "epci_id", flat=True
                )
            ),
            set(
                Contrat.communes.through.objects.filter(contrat__in=reels).values_list(
                    "commune_id", flat=True
                )
            ),
        )


def _territoires(geo: Geographie, rng: random.Random, exclus: Exclusions) -> Iterator[Territoire]:
    """Disjoint territories: free EPCI, then free single communes; then again, overlapping."""
    while True:
        utilisees = set(exclus.communes)
        file = _epcis_dans_l_ordre(geo, rng, exclus.epcis)
        while file:
            epci = file.pop(0)
            genre = choisir(rng, TERRITOIRES)
            if genre == "commune":
                territoire = _territoire_communal(epci.communes[: rng.choice((1, 1, 1, 2, 3))])
            elif genre == "multi":
                territoire = _territoire_multi(epci, file, rng)
            else:
                territoire = Territoire(
                    f"epci:{epci.siren}", epci.nom, Contrat.TypePorteuse.EPCI, epci.communes,
                    [epci.id], epci.departement_id,
                )  # fmt: skip
            utilisees.update(c.id for c in territoire.communes)
            yield territoire
        yield from _territoires_communaux(geo, rng, utilisees)
        exclus = Exclusions()


def _territoires_communaux(
    geo: Geographie, rng: random.Random, utilisees: set[int]
) -> Iterator[Territoire]:
    """Groups of one to three free communes of a department (where no EPCI is left)."""
    libres = [c for c in geo.communes if c.id not in utilisees]
    rng.shuffle(libres)
    par_departement: dict[int, list[CommuneGeo]] = defaultdict(list)
    for commune in libres:
        par_departement[commune.departement_id].append(commune)
    prises: set[int] = set()
    for premiere in libres:
        if premiere.id in prises:
            continue
        groupe = [premiere]
        voisines = par_departement[premiere.departement_id]
        taille = rng.choice((1, 1, 2, 3))
        while voisines and len(groupe) < taille:
            commune = voisines.pop()
            if commune.id not in prises and commune.id != premiere.id:
                groupe.append(commune)
        prises.update(c.id for c in groupe)
        yield _territoire_communal(sorted(groupe, key=lambda c: (-c.population, c.insee)))


def _territoire_communal(communes: list[CommuneGeo]) -> Territoire:
    noms = [c.nom for c in communes]
    nom = noms[0] if len(noms) == 1 else f"{', '.join(noms[:-1])} et {noms[-1]}"
    cle = "commune:" + "-".join(c.insee for c in communes)
    return Territoire(
        cle, nom, Contrat.TypePorteuse.COMMUNE, communes, [], communes[0].departement_id
    )


def _territoire_multi(epci: EpciGeo, file: list[EpciGeo], rng: random.Random) -> Territoire:
    voisins = [e for e in file if e.departement_id == epci.departement_id]
    groupe = [epci, *voisins[: rng.randint(1, 3)]]
    for e in groupe[1:]:
        file.remove(e)
    communes = [c for e in groupe for c in e.communes]
    type_porteuse = choisir(rng, TYPES_MULTI)
    ville = max(communes, key=lambda c: (c.population, c.insee))
    return Territoire(
        "multi:" + "-".join(e.siren for e in groupe),
        f"{PREFIXES_MULTI[type_porteuse]} {de(ville.nom)}",
        type_porteuse,
        communes,
        [e.id for e in groupe],
        epci.departement_id,
    )


def de(nom: str) -> str:
    """French « de » before a place name: d'Antibes, du Havre, des Abymes, de Brest."""
    for article, contraction in (("Le ", "du "), ("Les ", "des ")):
        if nom.startswith(article):
            return contraction + nom[len(article) :]
    return f"d'{nom}" if nom[:1].upper() in "AEIOUYÀÂÉÈÊÎÔÛ" else f"de {nom}"


def _annees(rng: random.Random, nb: int | None = None) -> datetime.timedelta:
    return datetime.timedelta(days=round(365.25 * (nb or rng.randint(3, 5))))


def _jours(rng: random.Random, mini: int, maxi: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(mini, maxi))


def _dernier(plan: PlanContrat, rng: random.Random) -> datetime.date:
    """Date the most recent contract of a lineage; return when its predecessor ended."""
    if plan.statut in STATUTS_NON_SIGNES:
        return DATE_REFERENCE - _jours(rng, 0, 540)
    duree = _annees(rng)
    if plan.statut == C.MISE_EN_OEUVRE:
        plan.debut = DATE_REFERENCE - _jours(rng, 30, duree.days - 60)
    elif plan.statut == C.EVALUATION:
        plan.debut = DATE_REFERENCE + _jours(rng, -300, 150) - duree
    else:  # échu
        plan.debut = DATE_REFERENCE - _jours(rng, 200, 1500) - duree
    plan.fin = plan.debut + duree - datetime.timedelta(days=1)
    plan.signature = plan.debut - _jours(rng, 0, 60)
    return plan.debut - _jours(rng, 1, 120)


def _lignee(rang: int, territoire: Territoire, rng: random.Random, nb: int) -> list[PlanContrat]:
    """Up to ``nb`` successive contracts of a territory, oldest first, linked by precedent."""
    dernier = PlanContrat(rang, territoire, 1, choisir(rng, STATUTS_DERNIER))
    fin = _dernier(dernier, rng)
    lignee = [dernier]
    while len(lignee) < nb:
        recent = DATE_REFERENCE - fin < datetime.timedelta(days=365)
        statut = C.EVALUATION if recent and rng.random() < 0.5 else C.ECHU
        plan = PlanContrat(rang, territoire, 1, statut, fin=fin)
        plan.debut = fin - _annees(rng) + datetime.timedelta(days=1)
        plan.signature = plan.debut - _jours(rng, 0, 60)
        if plan.signature.year < PREMIERE_SIGNATURE:
            break
        lignee.append(plan)
        fin = plan.debut - _jours(rng, 1, 120)
    lignee.reverse()
    for plan in lignee:
        plan.publie = rng.random() < PUBLICATION.get(plan.statut, 0)
    return lignee


def planifier(
    geo: Geographie, nb: int, rng: random.Random, exclus: Exclusions
) -> list[PlanContrat]:
    plans: list[PlanContrat] = []
    territoires = _territoires(geo, rng, exclus)
    while len(plans) < nb:
        lignee = _lignee(len(plans), next(territoires), rng, choisir(rng, GENERATIONS))
        lignee = lignee[-(nb - len(plans)) :]  # the last lineage keeps its recent contracts
        for generation, plan in enumerate(lignee, start=1):
            plan.generation = generation
            plan.precedent = lignee[generation - 2] if generation > 1 else None
        plans.extend(lignee)
    for rang, plan in enumerate(plans):
        plan.rang = rang
    return plans
