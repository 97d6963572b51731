"""What an import matches names against: the contract's organisations, communes, axes,
objectives and fiches, and the ISTS grid's publics, loaded once per import.

Names are compared normalised (case, accents and punctuation ignored). Organisations that
do not exist yet are created by the import (type and sector « autre »), once per name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from clsante.contrats.models import Contrat
from clsante.grille.referentiel import grille
from clsante.imports.champs import normaliser
from clsante.organisations.models import Organisation
from clsante.programme.models import Axe, FicheAction, Financement, Objectif
from clsante.territoires.models import Commune


class Introuvable(ValueError):
    pass


@dataclass
class ObjectifPrevu:
    axe: int
    code: str
    intitule: str
    niveau: str
    parent: tuple | None = None  # key of the parent objective


@dataclass
class References:
    contrat: Contrat
    organisations: dict[str, Organisation] = field(default_factory=dict)
    communes: dict[str, list[Commune]] = field(default_factory=dict)
    publics: dict[str, str] = field(default_factory=dict)
    axes: dict[int, Axe] = field(default_factory=dict)
    objectifs: list[Objectif] = field(default_factory=list)
    fiches: dict[str, FicheAction] = field(default_factory=dict)
    nouvelles_organisations: dict[str, str] = field(default_factory=dict)
    nouveaux_axes: dict[int, str] = field(default_factory=dict)
    axes_renommes: dict[int, str] = field(default_factory=dict)
    nouveaux_objectifs: dict[tuple, ObjectifPrevu] = field(default_factory=dict)

    @classmethod
    def charger(cls, contrat: Contrat) -> References:
        refs = cls(contrat)
        for org in Organisation.objects.all():
            refs.organisations.setdefault(normaliser(org.nom), org)
        for commune in contrat.communes.all():
            for cle in (commune.insee, normaliser(commune.nom)):
                refs.communes.setdefault(cle, []).append(commune)
        for code, public in grille().axe("publics").items():
            refs.publics[normaliser(code)] = code
            refs.publics[normaliser(public.libelle)] = code
        refs.axes = {a.numero: a for a in contrat.axes.all()}
        refs.objectifs = list(Objectif.objects.filter(axe__contrat=contrat).select_related("axe"))
        fiches = contrat.fiches.select_related("axe", "porteur").prefetch_related(
            "partenaires",
            "communes",
            "objectifs",
            "indicateurs",
            Prefetch("financements", queryset=Financement.objects.select_related("financeur")),
        )
        refs.fiches = {f.numero: f for f in fiches}
        return refs

    # -- organisations ---------------------------------------------------------------------

    def organisation(self, nom: str) -> str:
        """The normalised key of an organisation, recorded for creation when it is new."""
        cle = normaliser(nom)
        if not cle:
            raise Introuvable("nom d'organisation vide")
        if len(nom) > 200:
            raise Introuvable(f"nom d'organisation trop long « {nom[:40]}… » (200 caractères)")
        if cle not in self.organisations:
            self.nouvelles_organisations.setdefault(cle, nom.strip())
        return cle

    # -- communes, publics -----------------------------------------------------------------

    def commune(self, nom: str) -> int:
        trouvees = self.communes.get(nom.strip()) or self.communes.get(normaliser(nom))
        if not trouvees:
            raise Introuvable(f"commune inconnue dans le territoire du contrat : « {nom} »")
        if len(trouvees) > 1:
            raise Introuvable(f"commune ambiguë « {nom} » : indiquez son code Insee")
        return trouvees[0].pk

    def public(self, nom: str) -> str:
        code = self.publics.get(normaliser(nom)) or self.publics.get(normaliser(nom.strip()))
        if code is None:
            raise Introuvable(f"public inconnu dans la grille ISTS : « {nom} »")
        return code

    # -- axes ------------------------------------------------------------------------------

    def axe(self, numero: int | None, titre: str) -> int:
        """The number of the axe meant by a number and/or a title (recorded if new)."""
        if numero is None:
            cle = normaliser(titre)
            for n, axe in self.axes.items():
                if normaliser(axe.titre) == cle:
                    return n
            for n, t in self.nouveaux_axes.items():
                if normaliser(t) == cle:
                    return n
            numero = max([0, *self.axes, *self.nouveaux_axes]) + 1
        if numero in self.axes:
            if titre and titre != self.axes[numero].titre:
                self.axes_renommes.setdefault(numero, titre)
        elif numero not in self.nouveaux_axes:
            if not titre:
                raise Introuvable(f"l'axe {numero} n'existe pas : donnez aussi son titre")
            self.nouveaux_axes[numero] = titre
        return numero

    # -- objectives ------------------------------------------------------------------------

    def objectif(
        self, axe: int, code: str, intitule: str, niveau: str, parent: tuple | None = None
    ) -> tuple:
        """A reference to an objective: ("id", pk) if it exists, else ("nouveau", key)."""
        for objectif in self.objectifs:
            if code and objectif.code.lower() == code.lower():
                return ("id", objectif.pk)
            if not code and normaliser(objectif.intitule) == normaliser(intitule):
                return ("id", objectif.pk)
        if not intitule:
            raise Introuvable(f"objectif inconnu dans ce contrat : « {code} »")
        cle = ("nouveau", axe, code.lower() or normaliser(intitule))
        self.nouveaux_objectifs.setdefault(
            cle, ObjectifPrevu(axe, code, intitule, niveau, parent if parent else None)
        )
        return cle


NUMEROTATION = re.compile(
    r"^\s*(?:axe\s*)?(\d+(?:\.\d+)*)\s*[.)]?\s*(?:[-–—:]\s*)?(.*)$", re.I | re.S
)


def numerotation(texte: str) -> tuple[str, str]:
    """« 1.2. Titre » → ("1.2", "Titre"); no leading number → ("", texte)."""
    m = NUMEROTATION.match(texte)
    if m and m.group(2).strip():
        return m.group(1), m.group(2).strip()
    return "", texte.strip()


def code_et_intitule(ligne: str) -> tuple[str, str]:
    """« OS1.1 — Intitulé » → ("OS1.1", "Intitulé"); « OS1.1 » → ("OS1.1", "")."""
    for separateur in (" — ", " – ", " - ", " : "):
        if separateur in ligne:
            code, intitule = ligne.split(separateur, 1)
            if len(code.strip()) <= 20 and " " not in code.strip():
                return code.strip(), intitule.strip()
    if len(ligne) <= 20 and " " not in ligne.strip():
        return ligne.strip(), ""
    return "", ligne.strip()
