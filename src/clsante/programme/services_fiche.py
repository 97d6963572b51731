"""Saving a fiche action, and the amendments (avenants) a change after signature records.

Views call these after their form is valid; the rules live here so that the edit form
and the follow-up tab record the same amendments.

- Creating a fiche in a signed contract marks it "hors programmation" and records an
  ``AJOUT`` amendment awaiting the ARS.
- Changing the contractual text records a ``MODIFICATION`` (``avant`` = the fiche as it
  was); setting the status to "abandonnée" records an ``ABANDON``.
- While an amendment of the same fiche is still awaiting the ARS, a further change
  completes it (its ``apres`` is refreshed) instead of piling up a new one: the ARS
  decides on one amendment per change of the fiche, and no motif is asked again.
"""

from __future__ import annotations

from django.db import transaction

from clsante.programme.avenants import contrat_signe, enregistrer_avenant, instantane
from clsante.programme.models import Avenant, FicheAction

# Fields whose change rewrites the contract (the brief of the Espace CLS issue).
TEXTE_CONTRACTUEL = ("titre", "objectifs_texte", "description", "modalites", "publics_texte")


def types_avenant(initial: dict, nouveau: dict) -> list[str]:
    """The amendments a change from ``initial`` to ``nouveau`` (field → value) calls for."""
    types = []
    if any(
        champ in nouveau and (nouveau[champ] or "") != (initial.get(champ) or "")
        for champ in TEXTE_CONTRACTUEL
    ):
        types.append(Avenant.Type.MODIFICATION)
    statut = nouveau.get("statut")
    if statut == FicheAction.Statut.ABANDONNEE and initial.get("statut") != statut:
        types.append(Avenant.Type.ABANDON)
    return types


def _avenant_en_attente(fiche: FicheAction, type_avenant: str) -> Avenant | None:
    """A pending amendment that a new change of this type completes."""
    types = [type_avenant]
    if type_avenant == Avenant.Type.MODIFICATION:
        types.append(Avenant.Type.AJOUT)  # a new fiche is still being written
    return (
        fiche.avenants.filter(statut=Avenant.Statut.EN_ATTENTE, type__in=types)
        .order_by("-date", "-pk")
        .first()
    )


def motif_requis(fiche: FicheAction, types: list[str]) -> bool:
    """True when saving records a new amendment, which needs its motif."""
    if not types or not contrat_signe(fiche.contrat):
        return False
    if fiche.pk is None:
        return True
    return any(_avenant_en_attente(fiche, t) is None for t in types)


def enregistrer_avenants(
    fiche: FicheAction, types: list[str], motif: str, auteur, avant: dict
) -> list[Avenant]:
    """Record (or complete) the amendments of a change already saved."""
    if not types or not contrat_signe(fiche.contrat):
        return []
    avenants = []
    for type_avenant in types:
        en_attente = _avenant_en_attente(fiche, type_avenant)
        if en_attente is None:
            avenant = enregistrer_avenant(fiche, type_avenant, motif, auteur, avant=avant)
        else:
            avenant = en_attente
            avenant.numero_fiche = fiche.numero
            if avenant.type != Avenant.Type.ABANDON:
                avenant.apres = instantane(fiche)
            if motif and motif not in avenant.motif:
                avenant.motif = f"{avenant.motif}\n{motif}".strip()
            avenant.save()
        if avenant:
            avenants.append(avenant)
    return avenants


@transaction.atomic
def creer_fiche(fiche: FicheAction, m2m: dict, auteur, motif: str = "") -> Avenant | None:
    """Create a fiche; in a signed contract it is out of the signed programme."""
    signe = contrat_signe(fiche.contrat)
    fiche.hors_programmation = signe
    if not signe:
        fiche.porteur_initial = fiche.porteur
    fiche._history_user = auteur
    fiche.save()
    for champ, valeurs in m2m.items():
        getattr(fiche, champ).set(valeurs)
    if signe:
        return enregistrer_avenant(fiche, Avenant.Type.AJOUT, motif, auteur)
    return None


@transaction.atomic
def modifier_fiche(
    fiche: FicheAction,
    version_lue: int,
    m2m: dict,
    auteur,
    avant: dict,
    types: list[str],
    motif: str = "",
) -> list[Avenant]:
    """Save a change read at ``version_lue``; ConflitDeVersion if someone saved since.

    ``avant`` is ``instantane(fiche)`` taken before the change was applied.
    """
    if not contrat_signe(fiche.contrat) and not fiche.hors_programmation:
        fiche.porteur_initial = fiche.porteur  # before signature the contract names him
    fiche._history_user = auteur
    fiche.enregistrer_si_version(version_lue)
    for champ, valeurs in m2m.items():
        getattr(fiche, champ).set(valeurs)
    return enregistrer_avenants(fiche, types, motif, auteur, avant)
