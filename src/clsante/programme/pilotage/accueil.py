"""The home page's summary of each contract a person can see, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from clsante.contrats.models import Contrat, Habilitation, Reunion
from clsante.contrats.models_contrat import ROLE_ADMIN, ROLE_REFERENT_ARS
from clsante.programme.models import FicheAction
from clsante.programme.pilotage.graphiques import Segment, segments_statuts
from clsante.programme.pilotage.indicateurs import IndicateurSuivi, alertes_indicateurs

LIBELLES_ROLES = {
    **dict(Habilitation.Role.choices),
    ROLE_REFERENT_ARS: "Référent ARS",
    ROLE_ADMIN: "Administration",
}
REUNIONS_MAX = 3
ALERTES_MAX = 5


@dataclass
class ResumeContrat:
    contrat: Contrat
    roles: list[str] = field(default_factory=list)
    fiches_total: int = 0
    segments: list[Segment] = field(default_factory=list)
    alertes: list[IndicateurSuivi] = field(default_factory=list)
    reunions: list[Reunion] = field(default_factory=list)

    @property
    def alertes_affichees(self) -> list[IndicateurSuivi]:
        return self.alertes[:ALERTES_MAX]

    @property
    def alertes_masquees(self) -> int:
        return max(0, len(self.alertes) - ALERTES_MAX)


def roles_par_contrat(user, contrats: list[Contrat]) -> dict[int, set[str]]:
    """``Contrat.roles_de`` for many contracts in one query (same rule, kept in step by tests)."""
    roles: dict[int, set[str]] = {c.pk: set() for c in contrats}
    if not user.is_authenticated:
        return roles
    habilitations = Habilitation.objects.filter(utilisateur=user, contrat__in=list(roles))
    for contrat_id, role in habilitations.values_list("contrat_id", "role"):
        roles[contrat_id].add(role)
    for contrat in contrats:
        if user.region_ars_id and user.region_ars_id == contrat.region_id:
            roles[contrat.pk].add(ROLE_REFERENT_ARS)
        if user.is_superuser:
            roles[contrat.pk].add(ROLE_ADMIN)
    return roles


MAX_CONTRATS_ACCUEIL = 25


def contrats_de_l_accueil(user):
    """The person's own contracts (roles, or the ARS region); else the latest published ones.

    The home page is a working list, not the national catalogue: it stays short, and the
    observatory and the catalogue give the rest.
    """
    visibles = Contrat.objects.visibles_par(user)
    rule = Q(habilitations__utilisateur=user)
    if user.region_ars_id:
        rule |= Q(region_id=user.region_ars_id)
    miens = visibles.filter(rule).distinct()
    if not miens.exists():
        miens = visibles.filter(publie=True)
    pks = list(
        miens.order_by("synthetique", "-generation", "nom").values_list("pk", flat=True)[
            :MAX_CONTRATS_ACCUEIL
        ]
    )
    return Contrat.objects.filter(pk__in=pks).order_by("synthetique", "-generation", "nom")


def resumes_contrats(user, aujourd_hui: datetime.date) -> list[ResumeContrat]:
    """Each visible contract with its fiches by status, alerts and next meetings.

    Contracts where the person holds a role come first, then the newest generations.
    """
    contrats = list(contrats_de_l_accueil(user).select_related("region", "porteuse"))
    ids = [c.pk for c in contrats]
    roles = roles_par_contrat(user, contrats)
    resumes = {
        c.pk: ResumeContrat(c, roles=sorted(LIBELLES_ROLES[r] for r in roles[c.pk]))
        for c in contrats
    }

    comptes: dict[int, dict[str, int]] = defaultdict(dict)
    par_statut = (
        FicheAction.objects.filter(contrat_id__in=ids)
        .values("contrat_id", "statut")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in par_statut:
        comptes[row["contrat_id"]][row["statut"]] = row["n"]
    for pk, resume in resumes.items():
        resume.fiches_total = sum(comptes[pk].values())
        resume.segments = segments_statuts(comptes[pk])

    for suivi in alertes_indicateurs(ids, aujourd_hui):
        resumes[suivi.indicateur.fiche.contrat_id].alertes.append(suivi)

    prochaines = (
        Reunion.objects.filter(instance__contrat_id__in=ids, date__gte=aujourd_hui)
        .select_related("instance")
        .order_by("date", "pk")
    )
    for reunion in prochaines:
        liste = resumes[reunion.instance.contrat_id].reunions
        if len(liste) < REUNIONS_MAX:
            liste.append(reunion)

    return sorted(resumes.values(), key=lambda r: not r.roles)
