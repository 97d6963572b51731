"""Contrats locaux de santé, their signatories, roles, governance and diagnosis."""

from clsante.contrats.models_contrat import (
    Contrat,
    ContratQuerySet,
    DispositifLie,
    Habilitation,
    Signataire,
)
from clsante.contrats.models_diagnostic import Besoin, Diagnostic, IndicateurDiagnostic
from clsante.contrats.models_gouvernance import Decision, Instance, MembreInstance, Reunion

__all__ = [
    "Besoin",
    "Contrat",
    "ContratQuerySet",
    "Decision",
    "Diagnostic",
    "DispositifLie",
    "Habilitation",
    "IndicateurDiagnostic",
    "Instance",
    "MembreInstance",
    "Reunion",
    "Signataire",
]
