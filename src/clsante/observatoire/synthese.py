"""A synthetic national dataset: about 1,200 fake CLS on the real geography.

It lets the observatoire (maps, national statistics, catalogue) be tried at the scale of
France. Every contract is flagged ``synthetique=True`` and everything else written is
reachable from those contracts (axes, fiches and their follow-up), except the organisations,
which are recognised by their name ending in `` (synthétique)``.
``supprimer_donnees_synthetiques`` removes exactly that and nothing real.

Modules: ``synthese_territoires`` (territories and lineages of contracts),
``synthese_programme`` (a contract's programme), ``modeles_actions`` (action templates).

The same seed gives the same data: randomness comes from ``random.Random`` seeded by the
seed (and, for a contract's programme, by the seed and the contract's rank), and dates are
computed from a fixed reference day. Rows are written with ``bulk_create`` (no ``save()``,
no history record: synthetic data has no author and no past).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models, transaction

from clsante.contrats.models import Contrat
from clsante.core.texte import libelle_generation
from clsante.grille.models import CodageISTS
from clsante.observatoire.synthese_programme import (
    Acteurs,
    ProgrammeConstruit,
    construire_programme,
)
from clsante.observatoire.synthese_territoires import (
    Exclusions,
    Geographie,
    PlanContrat,
    Territoire,
    charger_geographie,
    de,
    planifier,
)
from clsante.organisations.models import Organisation
from clsante.programme.models import (
    Axe,
    Etape,
    FicheAction,
    Financement,
    Indicateur,
    Mesure,
    Objectif,
)

SUFFIXE = " (synthétique)"
PREFIXE_CONTRAT = "CLS synthétique — "
LOT = 100  # contracts whose programme is written together (one progress line)
TAILLE_BULK = 2000

T = Organisation.Type
S = Organisation.Secteur
# Pool of organisations created in each department: key, label, type, sector, place.
# The place is "dept" (the department's name) or the rank of a large commune (0, 1, 2).
POOL = (
    ("ars", "Délégation départementale de l'ARS", T.ETAT, S.SANTE, "dept"),
    ("cpam", "CPAM", T.ASSURANCE_MALADIE, S.SANTE, "dept"),
    ("msa", "MSA", T.ASSURANCE_MALADIE, S.SANTE, "dept"),
    ("caf", "CAF", T.AUTRE, S.SOCIAL, "dept"),
    ("cd", "Conseil départemental", T.COLLECTIVITE, S.SOCIAL, "dept"),
    ("prefecture", "Préfecture", T.ETAT, S.SECURITE_JUSTICE, "dept"),
    ("college", "Collège public", T.EDUCATION, S.EDUCATION, 2),
    ("ch1", "Centre hospitalier", T.ETABLISSEMENT_SANTE, S.SANTE, 0),
    ("ch2", "Centre hospitalier", T.ETABLISSEMENT_SANTE, S.SANTE, 1),
    ("epsm", "Établissement public de santé mentale", T.ETABLISSEMENT_SANTE, S.SANTE, "dept"),
    ("cpts", "CPTS", T.PROFESSIONNEL_SANTE, S.SANTE, 0),
    ("msp", "Maison de santé pluriprofessionnelle", T.PROFESSIONNEL_SANTE, S.SANTE, 2),
    ("planning", "Centre de santé sexuelle", T.ASSOCIATION, S.SANTE, 0),
    ("addicto", "Association d'addictologie", T.ASSOCIATION, S.SANTE, "dept"),
    ("ireps", "Promotion de la santé", T.ASSOCIATION, S.SANTE, "dept"),
    ("mda", "Maison des adolescents", T.ASSOCIATION, S.SANTE, "dept"),
    ("mutuelle", "Mutuelle solidaire", T.MUTUELLE, S.SANTE, "dept"),
    ("ccas1", "CCAS", T.SERVICE_COLLECTIVITE, S.SOCIAL, 0),
    ("centre_social", "Centre social", T.ASSOCIATION, S.SOCIAL, 1),
    ("aide_domicile", "Aide à domicile", T.ASSOCIATION, S.SOCIAL, "dept"),
    ("mission_locale", "Mission locale", T.ASSOCIATION, S.EMPLOI, 0),
    ("bailleur", "Office public de l'habitat", T.BAILLEUR_SOCIAL, S.LOGEMENT, "dept"),
    ("urbanisme", "Service urbanisme", T.SERVICE_COLLECTIVITE, S.URBANISME, 0),
    ("transport", "Service des mobilités", T.SERVICE_COLLECTIVITE, S.TRANSPORT, 0),
    ("env", "Environnement et cadre de vie", T.ASSOCIATION, S.ENVIRONNEMENT, "dept"),
    ("club_sport", "Union sportive", T.ASSOCIATION, S.SPORT_CULTURE_LOISIRS, 2),
    ("epicerie", "Épicerie solidaire", T.ASSOCIATION, S.ALIMENTATION_AGRICULTURE, 1),
    ("agri", "Chambre d'agriculture", T.AUTRE, S.ALIMENTATION_AGRICULTURE, "dept"),
)

# Writing ------------------------------------------------------------------------------


@dataclass
class Bilan:
    comptes: Counter = field(default_factory=Counter)

    def lignes(self) -> list[str]:
        return [f"  {nom} : {nombre}" for nom, nombre in self.comptes.items()]


def donnees_synthetiques_presentes() -> bool:
    return (
        Contrat.objects.filter(synthetique=True).exists()
        or Organisation.objects.filter(nom__endswith=SUFFIXE).exists()
    )


def _bulk(modele: type[models.Model], objets: list, bilan: Bilan) -> list:
    modele.objects.bulk_create(objets, batch_size=TAILLE_BULK)
    bilan.comptes[modele._meta.verbose_name_plural] += len(objets)
    return objets


def _liens(
    modele: type[models.Model], champ: str, paires: list[tuple[int, int]], bilan: Bilan
) -> None:
    """Rows of an auto-created many-to-many table, in bulk."""
    m2m = modele._meta.get_field(champ)
    source, cible = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
    through = m2m.remote_field.through
    lignes = [through(**{source: a, cible: b}) for a, b in paires]
    through.objects.bulk_create(lignes, batch_size=TAILLE_BULK)
    bilan.comptes[f"liens {modele._meta.verbose_name} → {m2m.verbose_name}"] += len(lignes)


class _Noms:
    """Organisation names, made unique with a precision (department code) if needed."""

    def __init__(self) -> None:
        self.pris: set[str] = set()

    def __call__(self, nom: str, precision: str) -> str:
        candidats = [nom, f"{nom}, {precision}"]
        candidats += [f"{nom}, {precision} {n}" for n in range(2, 100)]
        choisi = next(c for c in candidats if c + SUFFIXE not in self.pris)
        self.pris.add(choisi + SUFFIXE)
        return choisi + SUFFIXE


def _organisations(
    geo: Geographie, plans: list[PlanContrat], bilan: Bilan
) -> tuple[dict[int, dict[str, int]], dict[str, int]]:
    """Create the pools of the departments in use and the porteuses of the territories.

    Return department id → {pool key → organisation id}, and territory key → porteuse id.
    """
    nom_unique = _Noms()
    orgs: dict[tuple, Organisation] = {}
    departements = list(dict.fromkeys(p.territoire.departement_id for p in plans))
    for dep in departements:
        code, nom_dep, region = geo.departements[dep]
        villes = geo.villes[dep]
        for cle, libelle, type_, secteur, lieu in POOL:
            ville = villes[0] if lieu == "dept" else villes[min(lieu, len(villes) - 1)]
            nom = f"{libelle} — {nom_dep if lieu == 'dept' else ville.nom}"
            orgs[(dep, cle)] = Organisation(
                nom=nom_unique(nom, code), type=type_, secteur=secteur, commune_id=ville.id
            )
        if ("region", region) not in orgs:
            orgs[("region", region)] = Organisation(
                nom=nom_unique(f"Conseil régional — {geo.regions[region]}", code),
                type=T.COLLECTIVITE,
                secteur=S.AUTRE,
                commune_id=villes[0].id,
            )
    for plan in plans:
        t = plan.territoire
        if ("porteuse", t.cle) not in orgs:
            code = geo.departements[t.departement_id][0]
            orgs[("porteuse", t.cle)] = Organisation(
                nom=nom_unique(_nom_porteuse(t), code),
                type=T.COLLECTIVITE,
                secteur=S.AUTRE,
                commune_id=t.ville.id,
            )
    _bulk(Organisation, list(orgs.values()), bilan)
    pools: dict[int, dict[str, int]] = {}
    for dep in departements:
        region = geo.departements[dep][2]
        pools[dep] = {cle: orgs[(dep, cle)].pk for cle, *_ in POOL}
        pools[dep]["region"] = orgs[("region", region)].pk
    porteuses = {k[1]: o.pk for k, o in orgs.items() if k[0] == "porteuse"}
    return pools, porteuses


def _nom_porteuse(t: Territoire) -> str:
    if t.type_porteuse == Contrat.TypePorteuse.COMMUNE:
        return f"Ville {de(t.ville.nom)}" if len(t.communes) == 1 else f"Communes {de(t.nom)}"
    return t.nom


def _nom_contrat(plan: PlanContrat) -> str:
    nom = f"{PREFIXE_CONTRAT}{plan.territoire.nom}"
    return nom if plan.generation == 1 else f"{nom} ({libelle_generation(plan.generation)})"


def _contrats(plans: list[PlanContrat], porteuses: dict[str, int], bilan: Bilan) -> None:
    """Contracts by generation, so that a contract's predecessor already has its key."""
    for generation in sorted({p.generation for p in plans}):
        lot = [p for p in plans if p.generation == generation]
        for plan in lot:
            plan.contrat = Contrat(
                nom=_nom_contrat(plan)[:250],
                region_id=plan.territoire.region_id,
                porteuse_id=porteuses[plan.territoire.cle],
                type_porteuse=plan.territoire.type_porteuse,
                generation=plan.generation,
                precedent_id=plan.precedent.contrat.pk if plan.precedent else None,
                statut=plan.statut,
                date_signature=plan.signature,
                date_debut=plan.debut,
                date_fin=plan.fin,
                publie=plan.publie,
                synthetique=True,
            )
        _bulk(Contrat, [p.contrat for p in lot], bilan)
    communes = [(p.contrat.pk, c.id) for p in plans for c in p.territoire.communes]
    _liens(Contrat, "communes", communes, bilan)
    epcis = [(p.contrat.pk, e) for p in plans for e in p.territoire.epcis]
    _liens(Contrat, "epcis", epcis, bilan)


def _ecrire_programmes(programmes: list[ProgrammeConstruit], bilan: Bilan) -> None:
    """Save a batch of programmes level by level (parents before children)."""
    fiches = [f for p in programmes for f in p.fiches]
    _bulk(Axe, [a for p in programmes for a in p.axes], bilan)
    _bulk(Objectif, [o for p in programmes for o in p.generaux], bilan)
    _bulk(Objectif, [o for p in programmes for o in p.specifiques], bilan)
    _bulk(FicheAction, [f.fiche for f in fiches], bilan)
    _liens(
        FicheAction, "objectifs", [(f.fiche.pk, o.pk) for f in fiches for o in f.objectifs], bilan
    )
    _liens(FicheAction, "communes", [(f.fiche.pk, c) for f in fiches for c in f.communes], bilan)
    _liens(
        FicheAction, "partenaires", [(f.fiche.pk, o) for f in fiches for o in f.partenaires], bilan
    )
    _bulk(Financement, [x for f in fiches for x in f.financements], bilan)
    _bulk(Indicateur, [i for f in fiches for i, _ in f.indicateurs], bilan)
    _bulk(Mesure, [m for f in fiches for _, ms in f.indicateurs for m in ms], bilan)
    _bulk(Etape, [e for f in fiches for e in f.etapes], bilan)
    _bulk(CodageISTS, [f.codage for f in fiches if f.codage], bilan)


def _acteurs(plan: PlanContrat, pools: dict, porteuses: dict[str, int]) -> Acteurs:
    return Acteurs(porteuses[plan.territoire.cle], pools[plan.territoire.departement_id])


@transaction.atomic
def generer_donnees_nationales(
    nb_contrats: int = 1200,
    graine: int = 42,
    ecrire: Callable[[str], None] = print,
) -> Bilan:
    """Write the synthetic dataset (all or nothing) and return what was created."""
    geo = charger_geographie()
    rng = random.Random(graine)
    plans = planifier(geo, nb_contrats, rng, Exclusions.des_contrats_reels())
    bilan = Bilan()
    pools, porteuses = _organisations(geo, plans, bilan)
    _contrats(plans, porteuses, bilan)
    ecrire(f"{len(plans)} contrats créés sur {len({p.territoire.cle for p in plans})} territoires.")
    for debut in range(0, len(plans), LOT):
        lot = plans[debut : debut + LOT]
        programmes = [
            construire_programme(
                plan.contrat,
                plan.territoire.nom,
                [(c.id, c.nom) for c in plan.territoire.communes],
                _acteurs(plan, pools, porteuses),
                random.Random(f"{graine}:{plan.rang}"),
            )
            for plan in lot
        ]
        _ecrire_programmes(programmes, bilan)
        ecrire(
            f"  {debut + len(lot)}/{len(plans)} programmes écrits "
            f"({bilan.comptes['fiches actions']} fiches actions)…"
        )
    return bilan


# Removal ------------------------------------------------------------------------------

EN_CASCADE = (models.CASCADE, models.PROTECT, models.RESTRICT)


def _lien_inverse(rel) -> bool:
    """A foreign key of another table (many-to-many tables included) pointing here."""
    return rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)


def _purger(qs: models.QuerySet, bilan: Counter) -> None:
    """Delete ``qs`` and, first, every row depending on it, without loading them.

    Like Django's delete collector, but with one DELETE per table: the collector would
    load every row and write a history record for each (simple-history's delete signal).
    Within the synthetic data, PROTECT and RESTRICT links are followed like CASCADE.
    """
    if not qs.exists():
        return
    modele = qs.model
    for rel in modele._meta.get_fields(include_hidden=True):
        if not _lien_inverse(rel):
            continue
        on_delete = rel.on_delete
        lies = rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": qs.values("pk")})
        if rel.related_model is modele:
            lies = lies.exclude(pk__in=qs.values("pk"))
        if on_delete in EN_CASCADE:
            _purger(lies, bilan)
        elif on_delete is models.SET_NULL:
            lies.update(**{rel.field.name: None})
    bilan[modele._meta.verbose_name_plural] += qs._raw_delete(qs.db)


@transaction.atomic
def supprimer_donnees_synthetiques() -> Counter:
    """Remove the synthetic contracts, everything hanging from them, then their organisations.

    A synthetic organisation that real data still needs (porteur, financeur…) is kept.
    """
    bilan: Counter = Counter()
    _purger(Contrat.objects.filter(synthetique=True), bilan)
    organisations = Organisation.objects.filter(nom__endswith=SUFFIXE)
    gardees = _organisations_utilisees(organisations)
    _purger(organisations.exclude(pk__in=gardees), bilan)
    if gardees:
        bilan["organisations synthétiques conservées (utilisées par des données réelles)"] = len(
            gardees
        )
    return bilan


def _organisations_utilisees(organisations: models.QuerySet) -> set[int]:
    gardees: set[int] = set()
    for rel in Organisation._meta.get_fields(include_hidden=True):
        if (
            rel.auto_created
            and not rel.concrete
            and rel.on_delete in (models.PROTECT, models.RESTRICT)
        ):
            lies = rel.related_model._base_manager.filter(
                **{f"{rel.field.name}__in": organisations.values("pk")}
            )
            gardees.update(lies.values_list(rel.field.attname, flat=True))
    return gardees
