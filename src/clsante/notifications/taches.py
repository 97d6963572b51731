"""The background work, as plain functions the management commands wrap."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from clsante.notifications.resume import produire_resumes, resume_du
from clsante.notifications.services import courriels_regroupes


@dataclass
class BilanRappels:
    lignes: list[str] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)
    total: int = 0


def preparer_rappels(aujourdhui: datetime.date, *, resume: bool | None = None) -> BilanRappels:
    """Run every producer of settings.CLSANTE_RAPPELS, then the weekly digest when due.

    A producer that cannot be loaded or fails is reported and the others still run. Each
    person gets one mail for all the day's reminders (the digest keeps its own mail).
    """
    bilan = BilanRappels()
    # The reminders and their (grouped) mails commit together: a run stopped halfway leaves
    # neither, and the next run makes both.
    with transaction.atomic(), courriels_regroupes() as attente:
        for chemin in settings.CLSANTE_RAPPELS:
            try:
                producteur = import_string(chemin)
            except ImportError as erreur:
                bilan.erreurs.append(f"Producteur de rappels introuvable : {chemin} ({erreur}).")
                continue
            _executer(bilan, chemin, lambda producteur=producteur: producteur(aujourdhui), attente)
    if resume if resume is not None else resume_du(aujourdhui):
        _executer(bilan, "résumé hebdomadaire", lambda: produire_resumes(aujourdhui))
    return bilan


def _executer(
    bilan: BilanRappels, nom: str, producteur: Callable[[], int], attente: list | None = None
) -> None:
    avant = len(attente) if attente is not None else 0
    try:
        with transaction.atomic():  # a failing producer leaves nothing half-written
            nombre = producteur()
    except Exception as erreur:  # one broken producer must not stop the others
        if attente is not None:
            del attente[avant:]  # nor mails about its rolled-back notifications
        bilan.erreurs.append(
            f"Le producteur de rappels {nom} a échoué : {type(erreur).__name__} : {erreur}."
        )
    else:
        bilan.total += nombre
        bilan.lignes.append(f"{nom} : {nombre} notification(s).")
