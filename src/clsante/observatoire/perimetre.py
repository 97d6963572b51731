"""Which contracts the observatory counts, and over which territory.

Signed contracts are public acts: every logged-in person counts them. Contracts not yet
signed (drafts) are counted only for those who may see them (`visibles_par`). Synthetic
contracts (national test dataset) are counted only when no real ones are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from clsante.contrats.models import Contrat
from clsante.territoires.models import Commune, Departement, Region

SIGNES = (Contrat.Statut.MISE_EN_OEUVRE, Contrat.Statut.EVALUATION, Contrat.Statut.ECHU)


def contrats_comptes(user) -> QuerySet[Contrat]:
    visibles = Contrat.objects.visibles_par(user).values("pk")
    return Contrat.objects.filter(Q(statut__in=SIGNES) | Q(pk__in=visibles))


@dataclass(frozen=True)
class Perimetre:
    """The whole country, a region or a department."""

    region: Region | None = None
    departement: Departement | None = None

    @property
    def libelle(self) -> str:
        if self.departement:
            return f"{self.departement.nom} ({self.departement.code})"
        if self.region:
            return self.region.nom
        return "France entière"

    def communes(self) -> QuerySet[Commune]:
        if self.departement:
            return Commune.objects.filter(departement=self.departement)
        if self.region:
            return Commune.objects.filter(region=self.region)
        return Commune.objects.all()

    def contrats(self, queryset: QuerySet[Contrat]) -> QuerySet[Contrat]:
        if self.departement:
            return queryset.filter(communes__departement=self.departement).distinct()
        if self.region:
            return queryset.filter(region=self.region)
        return queryset

    @property
    def cle(self) -> str:
        """Identifies the territory in cache keys."""
        return f"{getattr(self.region, 'code', '')}/{getattr(self.departement, 'code', '')}"

    @property
    def niveau_detail(self) -> str:
        """Rows of the tables: departments inside a region, regions for the country."""
        return "departement" if (self.region or self.departement) else "region"


def perimetre_depuis(params, user) -> Perimetre:
    """Read ?region=CODE or ?departement=CODE; an ARS referent starts on his region."""
    dept = (
        Departement.objects.select_related("region")
        .filter(code=str(params.get("departement", ""))[:3])
        .first()
    )
    if dept:
        return Perimetre(region=dept.region, departement=dept)
    if "region" in params:
        region = Region.objects.filter(code=str(params.get("region", ""))[:3]).first()
        return Perimetre(region=region)
    return Perimetre(region=getattr(user, "region_ars", None))
