"""The programme of a contract: axes, objectives, fiches actions and their follow-up."""

from clsante.programme.models_echanges import Avenant, Commentaire, ProgrammeSigne
from clsante.programme.models_fiche import Axe, FicheAction, FicheActionQuerySet, Objectif
from clsante.programme.models_suivi import Etape, Financement, Indicateur, Mesure, NoteSuivi

__all__ = [
    "Avenant",
    "Axe",
    "Commentaire",
    "Etape",
    "FicheAction",
    "FicheActionQuerySet",
    "Financement",
    "Indicateur",
    "Mesure",
    "NoteSuivi",
    "Objectif",
    "ProgrammeSigne",
]
