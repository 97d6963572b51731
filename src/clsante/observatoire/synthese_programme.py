"""The programme of one synthetic contract: axes, objectives, fiches and their follow-up.

Pure construction of unsaved model instances (no query); ``synthese`` saves them in bulk.
Instances point to their parents as objects, so a child saved after its parent picks up
the parent's primary key (Django fills the ``_id`` on save and bulk_create).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from clsante.contrats.models import Contrat
from clsante.contrats.models_diagnostic import Priorite
from clsante.grille.models import CodageISTS
from clsante.observatoire.modeles_actions import (
    DETERMINANTS,
    FAMILLES,
    STRATEGIES,
    Famille,
    ModeleAction,
    modeles_par_famille,
)
from clsante.programme.models import (
    Axe,
    Etape,
    FicheAction,
    Financement,
    Indicateur,
    Mesure,
    Objectif,
)

# Synthetic data is dated against a fixed day, so that a seed always gives the same data.
DATE_REFERENCE = datetime.date(2026, 11, 1)

SANS_PROGRAMME = {
    Contrat.Statut.PRE_CONTRACTUALISATION,
    Contrat.Statut.DIAGNOSTIC,
}
STATUTS_NON_SIGNES = SANS_PROGRAMME | {Contrat.Statut.ELABORATION}

PRIORITES = {Priorite.HAUTE: 30, Priorite.MOYENNE: 50, Priorite.BASSE: 20}
PARTICIPATIONS = {
    FicheAction.Participation.AUCUNE: 38,
    FicheAction.Participation.INFORMATION: 20,
    FicheAction.Participation.CONSULTATION: 15,
    FicheAction.Participation.CONCERTATION: 13,
    FicheAction.Participation.CO_CONSTRUCTION: 11,
    FicheAction.Participation.CO_DECISION: 3,
}
APPROCHES = {"universel": 35, "universalisme_proportionne": 35, "cible": 30}
PUBLICS_VULNERABLES = {"precaires", "migrants", "qpv", "rural", "handicap"}
FINANCEURS = {
    "ars": 35,
    "porteuse": 15,
    "cpam": 12,
    "cd": 12,
    "region": 8,
    "caf": 6,
    "msa": 5,
    "prefecture": 4,
    "mutuelle": 3,
}
INDICATEURS_RESULTAT = (
    ("Part des participants satisfaits", "%"),
    ("Part des bénéficiaires déclarant un changement de pratique", "%"),
    ("Part du public visé effectivement atteint", "%"),
)
ETAPES = (
    "Constitution du groupe de travail",
    "Lancement de l'action",
    "Bilan de l'action",
)
TEXTE_SYNTHETIQUE = (
    "Donnée synthétique générée pour les essais à l'échelle nationale : "
    "ne décrit aucune action réelle du territoire {territoire}."
)


@dataclass
class Acteurs:
    """Organisation ids a contract draws its porteurs, partners and funders from."""

    porteuse: int
    pool: dict[str, int]  # pool key → organisation id (department, region)

    def id(self, cle: str) -> int:
        return self.porteuse if cle == "porteuse" else self.pool[cle]

    def tous(self) -> list[int]:
        return [self.porteuse, *self.pool.values()]


@dataclass
class FicheConstruite:
    fiche: FicheAction
    objectifs: list[Objectif]
    communes: list[int]
    partenaires: list[int]
    financements: list[Financement] = field(default_factory=list)
    indicateurs: list[tuple[Indicateur, list[Mesure]]] = field(default_factory=list)
    etapes: list[Etape] = field(default_factory=list)
    codage: CodageISTS | None = None


@dataclass
class ProgrammeConstruit:
    axes: list[Axe] = field(default_factory=list)
    generaux: list[Objectif] = field(default_factory=list)
    specifiques: list[Objectif] = field(default_factory=list)
    fiches: list[FicheConstruite] = field(default_factory=list)


def choisir(rng: random.Random, poids: dict) -> object:
    return rng.choices(list(poids), weights=list(poids.values()))[0]


def construire_programme(
    contrat: Contrat,
    territoire: str,
    communes: list[tuple[int, str]],
    acteurs: Acteurs,
    rng: random.Random,
) -> ProgrammeConstruit:
    """Axes, objectives and fiches of ``contrat`` (communes: (id, name) pairs)."""
    programme = ProgrammeConstruit()
    nb_fiches = _nombre_de_fiches(contrat, rng)
    if not nb_fiches:
        return programme
    familles = _familles(rng)
    repartition = _repartir(nb_fiches, len(familles), rng)
    modeles = modeles_par_famille()
    for numero, (famille, nb) in enumerate(zip(familles, repartition, strict=True), start=1):
        axe = Axe(contrat=contrat, numero=numero, titre=rng.choice(famille.titres_axe))
        programme.axes.append(axe)
        general, specifiques = _objectifs(axe, famille, numero, rng)
        programme.generaux.append(general)
        programme.specifiques.extend(specifiques)
        tirage = _tirage_modeles(modeles[famille.cle], nb, rng)
        for rang, (modele, repetition) in enumerate(tirage, start=1):
            fiche = _fiche(contrat, axe, f"{numero}.{rang}", modele, repetition, communes, rng)
            fiche.fiche.contexte = TEXTE_SYNTHETIQUE.format(territoire=territoire)
            fiche.objectifs = rng.sample(specifiques, rng.choice((1, 1, 2)))
            fiche.fiche.objectifs_texte = fiche.objectifs[0].intitule
            _acteurs_fiche(fiche, famille, acteurs, rng)
            _suivi(fiche, modele, acteurs, rng)
            programme.fiches.append(fiche)
    return programme


def _nombre_de_fiches(contrat: Contrat, rng: random.Random) -> int:
    if contrat.statut in SANS_PROGRAMME:
        return 0
    if contrat.statut == Contrat.Statut.ELABORATION:
        return rng.randint(12, 40)
    return max(10, min(80, round(rng.gauss(41, 12))))


def _familles(rng: random.Random) -> list[Famille]:
    thematiques = [f for f in FAMILLES if f.cle != "animation"]
    choisies = rng.sample(thematiques, rng.randint(3, 6))
    if rng.random() < 0.7:
        choisies.append(FAMILLES[-1])  # animation, coordination, evaluation: the last axis
    return choisies


def _repartir(total: int, nb_axes: int, rng: random.Random) -> list[int]:
    """Split ``total`` fiches over the axes, at least two each when possible."""
    base = min(2, total // nb_axes)
    parts = [base] * nb_axes
    for _ in range(total - base * nb_axes):
        parts[rng.randrange(nb_axes)] += 1
    return parts


def _objectifs(
    axe: Axe, famille: Famille, numero: int, rng: random.Random
) -> tuple[Objectif, list[Objectif]]:
    general = Objectif(
        axe=axe,
        niveau=Objectif.Niveau.GENERAL,
        code=f"OG{numero}",
        intitule=famille.objectif_general,
    )
    intitules = rng.sample(famille.objectifs_specifiques, rng.randint(2, 3))
    specifiques = [
        Objectif(
            axe=axe,
            parent=general,
            niveau=Objectif.Niveau.SPECIFIQUE,
            code=f"OS{numero}.{i}",
            intitule=intitule,
        )
        for i, intitule in enumerate(intitules, start=1)
    ]
    return general, specifiques


def _tirage_modeles(
    modeles: list[ModeleAction], nb: int, rng: random.Random
) -> list[tuple[ModeleAction, int]]:
    """``nb`` templates of the family, each with its repetition count in the axis."""
    ordre = rng.sample(modeles, len(modeles))
    return [(ordre[i % len(ordre)], i // len(ordre)) for i in range(nb)]


def _fiche(
    contrat: Contrat,
    axe: Axe,
    numero: str,
    modele: ModeleAction,
    repetition: int,
    communes: list[tuple[int, str]],
    rng: random.Random,
) -> FicheConstruite:
    debut, fin = _dates_fiche(contrat, rng)
    choisies = _communes_fiche(communes, repetition, rng)
    titre = modele.titre
    if repetition and choisies:  # the same action again: territorialised on a commune
        titre = f"{titre} — {choisies[0][1]}"
    elif repetition:
        titre = f"{titre} (volet {repetition + 1})"
    signe = contrat.statut not in STATUTS_NON_SIGNES
    fiche = FicheAction(
        contrat=contrat,
        axe=axe,
        numero=numero,
        titre=titre[:250],
        description=f"{modele.titre}.",
        publics=list(modele.publics),
        date_debut=debut,
        date_fin=fin,
        statut=_statut_fiche(contrat, debut, fin, rng),
        priorite=choisir(rng, PRIORITES),
        participation=choisir(rng, PARTICIPATIONS),
        hors_programmation=signe and rng.random() < 0.06,
    )
    return FicheConstruite(fiche, [], [c for c, _ in choisies], [])


def _dates_fiche(
    contrat: Contrat, rng: random.Random
) -> tuple[datetime.date | None, datetime.date | None]:
    if not (contrat.date_debut and contrat.date_fin):
        return None, None
    duree = (contrat.date_fin - contrat.date_debut).days
    debut = contrat.date_debut + datetime.timedelta(days=rng.randint(0, int(duree * 0.6)))
    fin = debut + datetime.timedelta(days=rng.randint(180, 3 * 365))
    return debut, min(fin, contrat.date_fin)


def _communes_fiche(
    communes: list[tuple[int, str]], repetition: int, rng: random.Random
) -> list[tuple[int, str]]:
    """Empty (the whole territory) for most fiches, else a few of the contract's communes."""
    if len(communes) < 2 or (not repetition and rng.random() >= 0.3):
        return []
    return rng.sample(communes, rng.randint(1, min(5, len(communes) - 1)))


def _statut_fiche(
    contrat: Contrat,
    debut: datetime.date | None,
    fin: datetime.date | None,
    rng: random.Random,
) -> str:
    S = FicheAction.Statut
    if contrat.statut in STATUTS_NON_SIGNES or debut is None or fin is None:
        return S.PREVUE
    if debut > DATE_REFERENCE:
        return choisir(rng, {S.PREVUE: 90, S.REPORTEE: 10})
    if fin < DATE_REFERENCE:
        return choisir(rng, {S.REALISEE: 75, S.ABANDONNEE: 10, S.REPORTEE: 5, S.EN_COURS: 10})
    return choisir(rng, {S.EN_COURS: 75, S.REPORTEE: 10, S.ABANDONNEE: 5, S.PREVUE: 10})


def _acteurs_fiche(
    fiche: FicheConstruite, famille: Famille, acteurs: Acteurs, rng: random.Random
) -> None:
    porteur = acteurs.id(rng.choice(famille.porteurs))
    initial = porteur
    if rng.random() < 0.08:
        initial = acteurs.id(rng.choice(famille.porteurs))
    if fiche.fiche.statut == FicheAction.Statut.PREVUE and rng.random() < 0.05:
        porteur = initial = None  # not found yet
    fiche.fiche.porteur_id = porteur
    fiche.fiche.porteur_initial_id = initial
    autres = [o for o in acteurs.tous() if o != porteur]
    fiche.partenaires = rng.sample(autres, min(len(autres), rng.randint(1, 4)))


def _suivi(
    fiche: FicheConstruite, modele: ModeleAction, acteurs: Acteurs, rng: random.Random
) -> None:
    fiche.financements = _financements(fiche.fiche, acteurs, rng)
    fiche.indicateurs = _indicateurs(fiche.fiche, modele, rng)
    fiche.etapes = _etapes(fiche.fiche, rng)
    fiche.codage = _codage(fiche.fiche, modele, rng)


def _financements(fiche: FicheAction, acteurs: Acteurs, rng: random.Random) -> list[Financement]:
    nb = choisir(rng, {0: 25, 1: 35, 2: 25, 3: 15})
    if fiche.date_debut and fiche.date_fin:
        annees = list(range(fiche.date_debut.year, fiche.date_fin.year + 1))
    else:
        annees = [DATE_REFERENCE.year + 1]
    financeurs = rng.sample(list(FINANCEURS), k=nb, counts=list(FINANCEURS.values()))
    out = []
    for cle in dict.fromkeys(financeurs):  # one line per funder
        annee = rng.choice(annees)
        montant = max(300, min(150_000, round(rng.lognormvariate(9, 1.0), -2)))
        out.append(
            Financement(
                fiche=fiche,
                financeur_id=acteurs.id(cle),
                montant=Decimal(montant),
                annee=annee,
                statut=_statut_financement(annee, rng),
            )
        )
    return out


def _statut_financement(annee: int, rng: random.Random) -> str:
    S = Financement.Statut
    if annee < DATE_REFERENCE.year:
        return choisir(rng, {S.VERSE: 70, S.ACQUIS: 25, S.SOLLICITE: 5})
    if annee == DATE_REFERENCE.year:
        return choisir(rng, {S.ACQUIS: 50, S.VERSE: 25, S.SOLLICITE: 25})
    return choisir(rng, {S.SOLLICITE: 70, S.ACQUIS: 30})


def _indicateurs(
    fiche: FicheAction, modele: ModeleAction, rng: random.Random
) -> list[tuple[Indicateur, list[Mesure]]]:
    nb = choisir(rng, {0: 25, 1: 45, 2: 30})
    libelles = [(modele.indicateur, modele.unite, Indicateur.Type.PROCESSUS)]
    libelle, unite = rng.choice(INDICATEURS_RESULTAT)
    libelles.append((libelle, unite, Indicateur.Type.RESULTAT))
    out = []
    for libelle, unite, type_ in libelles[:nb]:
        cible = rng.randint(40, 90) if unite == "%" else rng.choice((5, 10, 20, 50, 100, 300))
        indicateur = Indicateur(
            fiche=fiche,
            libelle=libelle[:250],
            type=type_,
            unite=unite,
            valeur_initiale=Decimal(0) if rng.random() < 0.7 else None,
            cible=Decimal(cible) if rng.random() < 0.85 else None,
            date_cible=fiche.date_fin,
        )
        out.append((indicateur, _mesures(indicateur, fiche, cible, rng)))
    return out


def _mesures(
    indicateur: Indicateur, fiche: FicheAction, cible: int, rng: random.Random
) -> list[Mesure]:
    if not fiche.date_debut or fiche.date_debut >= DATE_REFERENCE:
        return []
    fin = min(fiche.date_fin or DATE_REFERENCE, DATE_REFERENCE)
    jours = (fin - fiche.date_debut).days
    dates = sorted(
        fiche.date_debut + datetime.timedelta(days=rng.randint(0, jours))
        for _ in range(rng.randint(0, 3))
    )
    niveau = 0.0
    out = []
    for date in dates:
        niveau = min(1.3, niveau + rng.uniform(0.1, 0.5))
        valeur = Decimal(round(cible * niveau))
        out.append(Mesure(indicateur=indicateur, date=date, valeur=valeur))
    return out


def _etapes(fiche: FicheAction, rng: random.Random) -> list[Etape]:
    if not (fiche.date_debut and fiche.date_fin):
        return []
    duree = (fiche.date_fin - fiche.date_debut).days
    dates = (
        fiche.date_debut,
        fiche.date_debut + datetime.timedelta(days=duree // 4),
        fiche.date_fin,
    )
    return [
        _etape(fiche, libelle, date, rng)
        for libelle, date in zip(ETAPES, dates, strict=True)
        if rng.random() < 0.7
    ]


def _etape(fiche: FicheAction, libelle: str, prevue: datetime.date, rng: random.Random) -> Etape:
    S = Etape.Statut
    etape = Etape(fiche=fiche, libelle=libelle, date_prevue=prevue, statut=S.A_VENIR)
    if fiche.statut == FicheAction.Statut.ABANDONNEE:
        etape.statut = S.ABANDONNEE
    elif prevue < DATE_REFERENCE:
        etape.statut = choisir(rng, {S.REALISEE: 80, S.EN_RETARD: 20})
        if etape.statut == S.REALISEE:
            retard = datetime.timedelta(days=rng.randint(0, 30))
            etape.date_realisation = min(prevue + retard, DATE_REFERENCE)
    return etape


def _codage(fiche: FicheAction, modele: ModeleAction, rng: random.Random) -> CodageISTS:
    vulnerables = PUBLICS_VULNERABLES & set(modele.publics)
    poids = dict(APPROCHES, cible=60) if vulnerables else APPROCHES
    approche = choisir(rng, poids)
    determinants = list(modele.determinants)
    strategies = list(modele.strategies)
    if approche == "universalisme_proportionne" and rng.random() < 0.4:
        determinants.append(DETERMINANTS["gradient"])
    if fiche.participation in ("co_construction", "co_decision"):
        determinants.append(DETERMINANTS["participation"])
        strategies.append(STRATEGIES["mobilisation"])
    if fiche.statut == FicheAction.Statut.REALISEE and rng.random() < 0.3:
        strategies.append(STRATEGIES["evaluation"])
    automatique = rng.random() < 0.25
    return CodageISTS(
        fiche=fiche,
        determinants=list(dict.fromkeys(determinants)),
        strategies=list(dict.fromkeys(strategies)),
        approche=approche,
        thematiques=list(modele.thematiques),
        publics=list(modele.publics),
        source=CodageISTS.Source.AUTOMATIQUE if automatique else CodageISTS.Source.MANUEL,
        version_modele="synthétique" if automatique else "",
        valide=rng.random() < (0.4 if automatique else 0.8),
    )
