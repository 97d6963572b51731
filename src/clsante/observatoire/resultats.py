"""The observatory's aggregates, cached while the data behind them do not change.

Each result is keyed by the data versions it reads (`versions.py`), the contracts counted
(their ids: the person's visibility rule and the filters are already applied), the
territory and the dates: two people who count the same contracts share the entry, and any
change to the contracts, their communes or the geography is seen at the next request.
"""

from __future__ import annotations

import datetime
from functools import cached_property

from django.db.models import QuerySet

from clsante.contrats.models import Contrat
from clsante.observatoire.couverture import (
    Attributs,
    LigneCouverture,
    TerritoireNonCouvert,
    couverture,
    territoires_non_couverts,
)
from clsante.observatoire.inventaire import LigneInventaire, inventaire
from clsante.observatoire.perimetre import Perimetre
from clsante.observatoire.versions import cle, en_cache, version_donnees


class Resultats:
    """One request's access to the cached aggregates: the data versions are read once."""

    def __init__(self, version: str | None = None) -> None:
        self._empreintes: dict[str, str] = {}
        if version is not None:
            self.version = version  # already read by the caller in this request

    @cached_property
    def version(self) -> str:
        return version_donnees()

    def _cle(self, espace: str, contrats: QuerySet[Contrat], *parties) -> str:
        sql = str(contrats.query)
        if sql not in self._empreintes:
            ids = contrats.order_by("pk").values_list("pk", flat=True).distinct()
            self._empreintes[sql] = cle("contrats", ",".join(map(str, ids)))
        return cle(espace, self.version, self._empreintes[sql], *parties)

    def inventaire(
        self,
        contrats: QuerySet[Contrat],
        perimetre: Perimetre,
        debut: datetime.date,
        fin: datetime.date,
        date_activite: datetime.date,
    ) -> list[LigneInventaire]:
        cle_cache = self._cle("inventaire", contrats, perimetre.cle, debut, fin, date_activite)
        return en_cache(
            cle_cache, lambda: inventaire(contrats, perimetre, debut, fin, date_activite)
        )

    def couverture(
        self, contrats: QuerySet[Contrat], perimetre: Perimetre, date: datetime.date
    ) -> tuple[list[LigneCouverture], LigneCouverture, Attributs]:
        cle_cache = self._cle("couverture", contrats, perimetre.cle, date)
        return en_cache(cle_cache, lambda: couverture(contrats, perimetre, date))

    def non_couverts(
        self, contrats: QuerySet[Contrat], perimetre: Perimetre, date: datetime.date
    ) -> list[TerritoireNonCouvert]:
        cle_cache = self._cle("non-couverts", contrats, perimetre.cle, date)
        return en_cache(cle_cache, lambda: territoires_non_couverts(contrats, perimetre, date))

    def parts_par_departement(
        self, contrats: QuerySet[Contrat], date: datetime.date
    ) -> dict[str, float | None]:
        """Share of population covered in each department of the country (for the map)."""

        def calcul() -> dict[str, float | None]:
            lignes, _, _ = couverture(contrats, Perimetre(), date, par="departement")
            return {ligne.code: ligne.part_population for ligne in lignes}

        return en_cache(self._cle("carte", contrats, date), calcul)
