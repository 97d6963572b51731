"""The annual review's governance: meetings held in the year and their decisions."""

from __future__ import annotations

from clsante.contrats.models import Reunion
from clsante.documents.contenus._commun import jour
from clsante.documents.structure import Liste, Paragraphe, Section, Tableau, date_fr
from clsante.programme.pilotage.arbre import ordre_fiche


def sections_reunions(annee: int, reunions: list[Reunion]) -> list[Section]:
    titre = f"Réunions et décisions {annee}"
    if not reunions:
        return [
            Section(
                titre, 1, [Paragraphe(f"Aucune réunion d'instance n'est consignée en {annee}.")]
            )
        ]
    lignes = [[jour(r.date), r.instance.nom, r.lieu, str(len(r.decisions.all()))] for r in reunions]
    sections = [
        Section(
            titre,
            1,
            [
                Tableau(
                    ["Date", "Instance", "Lieu", "Décisions"], lignes, f"Réunions tenues en {annee}"
                )
            ],
        )
    ]
    for reunion in reunions:
        decisions = [_decision(d) for d in reunion.decisions.all()]
        blocs = [Liste(decisions)] if decisions else [Paragraphe("Aucune décision consignée.")]
        sections.append(Section(f"{reunion.instance.nom} du {date_fr(reunion.date)}", 2, blocs))
    return sections


def _decision(decision) -> str:
    numeros = [f.numero for f in sorted(decision.fiches.all(), key=ordre_fiche)]
    return decision.texte + (f" (fiches {', '.join(numeros)})" if numeros else "")
