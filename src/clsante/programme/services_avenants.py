"""The amendments page: the signed programme beside the current one, and the ARS decision."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import timezone

from clsante.contrats.models import Contrat
from clsante.grille.referentiel import grille
from clsante.programme.avenants import instantane
from clsante.programme.models import Avenant, FicheAction

LIBELLES = {
    "numero": "Numéro",
    "axe": "Axe",
    "titre": "Titre",
    "objectifs_texte": "Objectifs",
    "description": "Description",
    "modalites": "Modalités",
    "publics": "Publics cibles",
    "publics_texte": "Publics (précisions)",
    "porteur": "Porteur",
}

ECARTS = {
    "inchangee": ("Inchangée", ""),
    "ajoutee": ("Ajoutée après la signature", "new"),
    "modifiee": ("Réécrite depuis la signature", "warning"),
    "abandonnee": ("Abandonnée", "error"),
    "retiree": ("Retirée du programme", "error"),
}


@dataclass(frozen=True)
class Ecart:
    champ: str
    avant: str
    apres: str


@dataclass
class LigneProgramme:
    numero: str
    signee: dict | None
    actuelle: FicheAction | None
    ecart: str
    champs: list[str] = field(default_factory=list)

    @property
    def libelle(self) -> str:
        return ECARTS[self.ecart][0]

    @property
    def badge(self) -> str:
        return ECARTS[self.ecart][1]


def _texte(champ: str, valeur) -> str:
    if champ == "publics" and isinstance(valeur, list):
        return ", ".join(
            grille().libelle("publics", c) for c in valeur if grille().existe("publics", c)
        )
    return str(valeur or "")


def ecarts(avant: dict | None, apres: dict | None) -> list[Ecart]:
    """The contractual fields that differ between two snapshots of a fiche."""
    avant, apres = avant or {}, apres or {}
    return [
        Ecart(libelle, _texte(champ, avant.get(champ)), _texte(champ, apres.get(champ)))
        for champ, libelle in LIBELLES.items()
        if _texte(champ, avant.get(champ)) != _texte(champ, apres.get(champ))
    ]


def _cle_numero(numero: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", numero))


def comparer_programmes(contrat: Contrat, signees: list[dict]) -> list[LigneProgramme]:
    """Each fiche of the signed programme and of today's, matched by number."""
    par_numero = {f["numero"]: f for f in signees}
    lignes = []
    for fiche in contrat.fiches.select_related("axe", "porteur"):
        signee = par_numero.pop(fiche.numero, None)
        if fiche.statut == FicheAction.Statut.ABANDONNEE:
            ligne = LigneProgramme(fiche.numero, signee, fiche, "abandonnee")
        elif signee is None:
            ligne = LigneProgramme(fiche.numero, None, fiche, "ajoutee")
        else:
            champs = [e.champ for e in ecarts(signee, instantane(fiche))]
            ligne = LigneProgramme(
                fiche.numero, signee, fiche, "modifiee" if champs else "inchangee", champs
            )
        lignes.append(ligne)
    lignes += [LigneProgramme(n, f, None, "retiree") for n, f in par_numero.items()]
    return sorted(lignes, key=lambda ligne: _cle_numero(ligne.numero))


def decider_avenant(avenant: Avenant, statut: str, user) -> bool:
    """Record the ARS decision; False when the amendment was already decided."""
    faits = Avenant.objects.filter(pk=avenant.pk, statut=Avenant.Statut.EN_ATTENTE).update(
        statut=statut, valide_par=user, valide_le=timezone.now()
    )
    return bool(faits)
