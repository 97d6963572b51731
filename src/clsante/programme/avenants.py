"""The signed programme and the amendments (avenants) made to it after signature."""

from __future__ import annotations

import datetime

from django.db import transaction

from clsante.contrats.models import Contrat
from clsante.programme.models import Avenant, FicheAction, ProgrammeSigne

CHAMPS_CONTRACTUELS = (
    "numero",
    "titre",
    "objectifs_texte",
    "description",
    "modalites",
    "publics_texte",
)


def instantane(fiche: FicheAction) -> dict:
    """What the contract says of a fiche: enough to show it as it was signed."""
    data = {champ: getattr(fiche, champ) for champ in CHAMPS_CONTRACTUELS}
    data["axe"] = f"Axe {fiche.axe.numero} — {fiche.axe.titre}"
    data["porteur"] = str(fiche.porteur) if fiche.porteur else ""
    data["publics"] = list(fiche.publics)
    return data


@transaction.atomic
def figer_programme_signe(contrat: Contrat, date: datetime.date | None = None) -> ProgrammeSigne:
    """Freeze the programme as signed (the fiches planned at signature)."""
    fiches = contrat.fiches.filter(hors_programmation=False).select_related("axe", "porteur")
    signe, _ = ProgrammeSigne.objects.update_or_create(
        contrat=contrat,
        defaults={
            "date": date or contrat.date_signature or datetime.date.today(),
            "fiches": [instantane(f) for f in fiches],
        },
    )
    return signe


def contrat_signe(contrat: Contrat) -> bool:
    return ProgrammeSigne.objects.filter(contrat=contrat).exists()


def enregistrer_avenant(
    fiche: FicheAction,
    type_avenant: str,
    motif: str,
    auteur,
    avant: dict | None = None,
) -> Avenant | None:
    """Record a change to a signed programme; nothing to record before signature."""
    if not contrat_signe(fiche.contrat):
        return None
    return Avenant.objects.create(
        contrat=fiche.contrat,
        fiche=fiche,
        numero_fiche=fiche.numero,
        type=type_avenant,
        date=datetime.date.today(),
        motif=motif,
        avant=avant,
        apres=None if type_avenant == Avenant.Type.ABANDON else instantane(fiche),
        demande_par=auteur,
    )
