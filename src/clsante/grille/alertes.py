"""Readable alerts that turn seed 004's findings into checks on a set of fiches.

Each alert carries its figure, a threshold stated in words, and the fiches concerned.
Thresholds are deliberately simple; they flag what an evaluator would look at first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from clsante.grille.models import CodageISTS
from clsante.grille.referentiel import fermeture
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction

PARTICIPATION_FORTE = {
    FicheAction.Participation.CONCERTATION,
    FicheAction.Participation.CO_CONSTRUCTION,
    FicheAction.Participation.CO_DECISION,
}


@dataclass
class Alerte:
    cle: str
    titre: str
    chiffre: str
    constat: str
    alerte: bool
    fiches: list[FicheAction] = field(default_factory=list)


def _part(n: int, total: int) -> float:
    return n / total if total else 0.0


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %".replace(".", ",")


def conditions_de_vie(codages: list[CodageISTS]) -> Alerte:
    vie = [c for c in codages if "conditions_vie" in fermeture(c.determinants)]
    social = [c for c in codages if "environnement_social" in fermeture(c.determinants)]
    part_vie, part_social = _part(len(vie), len(codages)), _part(len(social), len(codages))
    return Alerte(
        "conditions_vie",
        "Actions sur les conditions de vie et l'environnement social",
        f"{_pct(part_vie)} conditions de vie, {_pct(part_social)} environnement social",
        "Les déterminants les plus en amont des inégalités (logement, transports, ressources, "
        "lien social) sont peu travaillés quand leur part est sous 20 %.",
        part_vie + part_social < 0.2,
        [c.fiche for c in vie + social],
    )


def participation(fiches: list[FicheAction], codages: list[CodageISTS]) -> Alerte:
    codes = {
        c.fiche_id
        for c in codages
        if "environnement_social.empowerment" in fermeture(c.determinants)
        or "capacites_communautes" in fermeture(c.strategies)
    }
    concernees = [f for f in fiches if f.pk in codes or f.participation in PARTICIPATION_FORTE]
    part = _part(len(concernees), len(fiches))
    return Alerte(
        "participation",
        "Participation des habitants et empowerment",
        f"{len(concernees)} fiche(s) sur {len(fiches)} ({_pct(part)})",
        "La participation des habitants, centrale contre les inégalités, fait rarement l'objet "
        "d'une action : alerte sous 10 % des fiches.",
        part < 0.1,
        concernees,
    )


def approches(codages: list[CodageISTS]) -> Alerte:
    prop = [c for c in codages if c.approche == "universalisme_proportionne"]
    cible = sum(1 for c in codages if c.approche == "cible")
    univ = sum(1 for c in codages if c.approche == "universel")
    return Alerte(
        "approches",
        "Types d'approche : l'universalisme proportionné est-il présent ?",
        f"{len(prop)} proportionnée(s), {cible} ciblée(s), {univ} universelle(s)",
        "Sans aucune action d'universalisme proportionné, le programme oppose actions pour "
        "tous et actions ciblées sans graduer l'effort selon les besoins.",
        bool(codages) and not prop,
        [c.fiche for c in prop],
    )


def intersectorialite(fiches: list[FicheAction]) -> Alerte:
    secteurs: set[str] = set()
    avec: list[FicheAction] = []
    for fiche in fiches:
        orgs = list(fiche.partenaires.all()) + ([fiche.porteur] if fiche.porteur else [])
        hors = {o.secteur for o in orgs if o.secteur != Organisation.Secteur.SANTE}
        secteurs |= hors
        if hors:
            avec.append(fiche)
    part = _part(len(avec), len(fiches))
    noms = ", ".join(sorted(Organisation.Secteur(s).label.lower() for s in secteurs)) or "aucun"
    return Alerte(
        "intersectorialite",
        "Portée intersectorielle : partenaires hors santé",
        f"{_pct(part)} des fiches ; secteurs : {noms}",
        "L'action sur les déterminants demande des partenaires hors du soin (urbanisme, "
        "logement, transport…) : alerte sous 50 % des fiches ou moins de 3 secteurs.",
        part < 0.5 or len(secteurs) < 3,
        avec,
    )


def objectifs_sans_cible(fiches: list[FicheAction]) -> Alerte:
    sans = [f for f in fiches if not any(i.cible is not None for i in f.indicateurs.all())]
    part = _part(len(sans), len(fiches))
    return Alerte(
        "objectifs_sans_cible",
        "Objectifs sans cible chiffrée ni indicateur",
        f"{len(sans)} fiche(s) sur {len(fiches)} ({_pct(part)})",
        "Une fiche sans indicateur assorti d'une cible ne pourra pas être évaluée : alerte "
        "au-delà de 25 % des fiches.",
        part > 0.25,
        sans,
    )


def concentration(fiches: list[FicheAction], communes_du_territoire) -> Alerte:
    communes = list(communes_du_territoire)
    if not communes:
        return Alerte(
            "concentration",
            "Concentration sur la commune principale",
            "—",
            "Territoire inconnu.",
            False,
        )
    principale = max(communes, key=lambda c: c.population)
    total_pop = sum(c.population for c in communes) or 1
    localisees = [f for f in fiches if f.communes.all()]
    sur_principale = [f for f in localisees if principale in f.communes.all()]
    part_actions = _part(len(sur_principale), len(localisees))
    part_pop = principale.population / total_pop
    return Alerte(
        "concentration",
        f"Concentration des actions sur {principale.nom}",
        f"{_pct(part_actions)} des actions localisées pour {_pct(part_pop)} de la population",
        "Les petites communes sont-elles oubliées ? Alerte quand la commune principale reçoit "
        "une part des actions localisées supérieure d'un tiers à sa part de population.",
        bool(localisees) and part_actions > part_pop * 4 / 3,
        sur_principale,
    )


def alertes(fiches: QuerySet[FicheAction], codages: list[CodageISTS], communes) -> list[Alerte]:
    liste = list(
        fiches.select_related("porteur").prefetch_related("partenaires", "indicateurs", "communes")
    )
    return [
        conditions_de_vie(codages),
        participation(liste, codages),
        approches(codages),
        intersectorialite(liste),
        objectifs_sans_cible(liste),
        concentration(liste, communes),
    ]
