"""Templates of fiches actions for the synthetic national dataset.

The templates are in ``data/modeles-actions.csv``, one action a line. Each is a typical CLS
action with a coherent ISTS coding: its health themes, the determinants it acts on and the
intervention strategies it uses. Templates are grouped by family; a family becomes an axis
of a synthetic contract. Determinants and strategies are written with short aliases
(``DETERMINANTS``, ``STRATEGIES``) expanded to grid codes; the tests check that every code
exists in ``grille-ists.yaml``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DETERMINANTS = {
    "revenu": "socio_economique.revenu",
    "education": "socio_economique.education",
    "travail": "conditions_vie.travail",
    "air": "conditions_vie.environnement_physique.air",
    "eau": "conditions_vie.environnement_physique.eau",
    "habitat": "conditions_vie.environnement_physique.logement",
    "amenagement": "conditions_vie.environnement_physique.transports_amenagement",
    "acces_logement": "conditions_vie.acces_ressources.logement",
    "emploi": "conditions_vie.acces_ressources.emploi",
    "services_educatifs": "conditions_vie.acces_ressources.services_sociaux_educatifs",
    "acces_alimentation": "conditions_vie.acces_ressources.alimentation",
    "loisirs": "conditions_vie.acces_ressources.loisirs",
    "integration": "environnement_social.integration_sociale",
    "climat_social": "environnement_social.normes_climat_social",
    "participation": "environnement_social.empowerment.participation_habitants",
    "communaute": "environnement_social.empowerment.organisation_communaute",
    "alcool": "modes_vie.comportements.alcool",
    "tabac": "modes_vie.comportements.tabac",
    "addictions": "modes_vie.comportements.addictions",
    "sexualite": "modes_vie.comportements.sexualite",
    "alimentation": "modes_vie.comportements.alimentation",
    "activite": "modes_vie.comportements.activite_physique",
    "hygiene": "modes_vie.comportements.autres",
    "litteratie": "modes_vie.competences_sante.connaissances",
    "cps": "modes_vie.competences_sante.psychosociales",
    "competences_aidants": "modes_vie.competences_sante.autres",
    "recours_soins": "modes_vie.utilisation_services.recours_soins",
    "recours_prevention": "modes_vie.utilisation_services.recours_prevention",
    "offre_geo": "systeme_soins.accessibilite.geographique",
    "droits": "systeme_soins.accessibilite.administrative",
    "cout": "systeme_soins.accessibilite.financiere",
    "culture": "systeme_soins.accessibilite.socio_culturelle",
    "organisation": "systeme_soins.accessibilite.organisationnelle",
    "synergie": "systeme_soins.globalite.synergie",
    "offre_prevention": "systeme_soins.globalite.offre_prevention",
    "conditions_sociales": "systeme_soins.globalite.conditions_sociales",
    "continuite": "systeme_soins.continuite",
    "gradient": "contexte_politique.adaptation_besoins",
    "politiques": "contexte_politique.sante_toutes_politiques",
}

STRATEGIES = {
    "information": "capacites_individuelles.information",
    "education": "capacites_individuelles.education_sante",
    "formation": "capacites_individuelles.formation",
    "mobilisation": "capacites_communautes.mobilisation",
    "pairs": "capacites_communautes.formation",
    "entraide": "capacites_communautes.organisation_communaute",
    "rehabilitation": "conditions_vie_travail.rehabilitation",
    "biens": "conditions_vie_travail.biens_services",
    "nouveaux_services": "conditions_vie_travail.nouveaux_services",
    "aller_vers": "reorientation_services.rapprochement.hors_structures",
    "structure": "reorientation_services.rapprochement.structures_specifiques",
    "mediation": "reorientation_services.rapprochement.information_adaptee",
    "ecoute": "reorientation_services.rapprochement.conseil_soutien",
    "acces_droits": "reorientation_services.rapprochement.accompagnement_social",
    "amenagement": "reorientation_services.rapprochement.amenagement_services",
    "pluripro": "reorientation_services.integration_coordination.multidisciplinarite",
    "coordination_pro": "reorientation_services.integration_coordination.coordination",
    "reseau": "reorientation_services.integration_coordination.dispositifs_integres",
    "depistage": "reorientation_services.offre_prevention.pratiques_cliniques",
    "sensibilisation_pro": "reorientation_services.offre_prevention.sensibilisation_professionnels",
    "formation_pro": "reorientation_services.capacites_professionnels.formation",
    "renforcement": "reorientation_services.capacites_professionnels.renforcement_services",
    "plaidoyer": "developpement_strategique.partenariats_intersectoriels.mobilisation_acteurs",
    "coordination": "developpement_strategique.partenariats_intersectoriels.coordination",
    "partenariat": (
        "developpement_strategique.partenariats_intersectoriels.dispositifs_partenariaux"
    ),
    "formation_acteurs": (
        "developpement_strategique.partenariats_intersectoriels.formation_hors_sante"
    ),
    "diagnostic": "developpement_strategique.connaissances.analyse_situation",
    "evaluation": "developpement_strategique.connaissances.evaluation",
    "eis": "developpement_strategique.connaissances.eis",
    "planification": "developpement_strategique.planification",
}


@dataclass(frozen=True)
class ModeleAction:
    famille: str
    titre: str
    thematiques: tuple[str, ...]
    determinants: tuple[str, ...]
    strategies: tuple[str, ...]
    publics: tuple[str, ...]
    indicateur: str
    unite: str


@dataclass(frozen=True)
class Famille:
    """A family of actions, which becomes an axis of a contract."""

    cle: str
    titres_axe: tuple[str, ...]
    objectif_general: str
    objectifs_specifiques: tuple[str, ...]
    porteurs: tuple[str, ...]  # keys of the departmental pool (see synthese.POOL)


FAMILLES = (
    Famille(
        "acces_soins",
        ("Garantir l'accès aux soins et aux droits", "Renforcer l'offre de soins de proximité"),
        "Améliorer l'accès aux soins de premier recours pour tous les habitants",
        (
            "Attirer et fidéliser les professionnels de santé",
            "Faciliter l'ouverture et le maintien des droits",
            "Lever les freins de mobilité vers les lieux de soins",
        ),
        ("cpts", "msp", "ch1", "ccas1", "cpam", "porteuse"),
    ),
    Famille(
        "prevention",
        ("Développer la prévention et le dépistage", "Prévenir et dépister au plus près"),
        "Augmenter le recours à la prévention des publics qui en sont éloignés",
        (
            "Aller vers les publics éloignés des dépistages",
            "Renforcer l'offre de prévention des professionnels",
            "Accompagner les malades chroniques",
        ),
        ("ireps", "cpam", "ch1", "msp", "mutuelle", "planning", "porteuse"),
    ),
    Famille(
        "sante_mentale",
        ("Promouvoir la santé mentale", "Prendre soin de la santé mentale des habitants"),
        "Améliorer la santé mentale et le bien-être de la population",
        (
            "Coordonner les acteurs de la santé mentale",
            "Repérer et orienter les personnes en souffrance psychique",
            "Déstigmatiser les troubles psychiques",
        ),
        ("epsm", "mda", "ch1", "cpts", "centre_social", "porteuse"),
    ),
    Famille(
        "nutrition",
        (
            "Favoriser une alimentation saine et l'activité physique",
            "Bien manger et bouger sur le territoire",
        ),
        "Réduire les inégalités d'accès à une alimentation de qualité et à l'activité physique",
        (
            "Rendre accessible une alimentation de qualité",
            "Développer l'activité physique adaptée",
            "Prévenir le surpoids et l'obésité",
        ),
        ("ireps", "club_sport", "epicerie", "agri", "centre_social", "porteuse"),
    ),
    Famille(
        "addictions",
        (
            "Prévenir les addictions et les conduites à risque",
            "Réduire les risques liés aux consommations",
        ),
        "Réduire les consommations à risque et leurs conséquences",
        (
            "Prévenir l'entrée dans les consommations",
            "Réduire les risques et les dommages",
            "Promouvoir une vie affective et sexuelle épanouie",
        ),
        ("addicto", "mda", "ireps", "planning", "mission_locale", "porteuse"),
    ),
    Famille(
        "environnement",
        (
            "Agir pour un environnement favorable à la santé",
            "Améliorer le cadre de vie et l'habitat",
        ),
        "Réduire les expositions environnementales nocives pour la santé",
        (
            "Lutter contre l'habitat indigne et la précarité énergétique",
            "Améliorer la qualité de l'air et de l'eau",
            "Intégrer la santé dans l'aménagement du territoire",
        ),
        ("porteuse", "urbanisme", "env", "bailleur", "transport"),
    ),
    Famille(
        "vieillissement",
        (
            "Accompagner le vieillissement et le handicap",
            "Bien vieillir et préserver l'autonomie",
        ),
        "Préserver l'autonomie des personnes âgées et des personnes en situation de handicap",
        (
            "Prévenir la perte d'autonomie",
            "Rompre l'isolement et soutenir les aidants",
            "Coordonner les parcours à domicile",
        ),
        ("ccas1", "aide_domicile", "cd", "ch2", "msa", "porteuse"),
    ),
    Famille(
        "enfance_jeunesse",
        (
            "Agir pour la santé des enfants, des jeunes et des familles",
            "Soutenir la parentalité et la santé des jeunes",
        ),
        "Favoriser un bon départ dans la vie et la santé des jeunes",
        (
            "Accompagner les familles dès la périnatalité",
            "Repérer précocement les difficultés des enfants",
            "Offrir aux jeunes des lieux d'écoute et d'accès aux droits",
        ),
        ("cd", "mda", "college", "mission_locale", "caf", "planning", "porteuse"),
    ),
    Famille(
        "animation",
        (
            "Animer, coordonner et évaluer le contrat local de santé",
            "Faire vivre la démarche locale de santé",
        ),
        "Assurer une gouvernance partagée et une évaluation continue du contrat",
        (
            "Coordonner les acteurs et suivre le programme",
            "Associer les habitants et les élus",
            "Observer et évaluer",
        ),
        ("porteuse", "porteuse", "ireps", "ars"),
    ),
)

MODELES_PATH = Path(__file__).parent / "data" / "modeles-actions.csv"


def _modele(row: dict[str, str]) -> ModeleAction:
    """A row of the templates file; lists are space-separated (codes or aliases)."""
    return ModeleAction(
        famille=row["famille"],
        titre=row["titre"],
        thematiques=tuple(row["thematiques"].split()),
        determinants=tuple(DETERMINANTS[d] for d in row["determinants"].split()),
        strategies=tuple(STRATEGIES[s] for s in row["strategies"].split()),
        publics=tuple(row["publics"].split()),
        indicateur=row["indicateur"],
        unite=row["unite"],
    )


def _lire_modeles() -> tuple[ModeleAction, ...]:
    with MODELES_PATH.open(encoding="utf-8", newline="") as f:
        return tuple(_modele(row) for row in csv.DictReader(f, delimiter=";"))


MODELES = _lire_modeles()


def modeles_par_famille() -> dict[str, list[ModeleAction]]:
    out: dict[str, list[ModeleAction]] = {f.cle: [] for f in FAMILLES}
    for modele in MODELES:
        out[modele.famille].append(modele)
    return out
