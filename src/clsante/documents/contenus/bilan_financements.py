"""The annual review's financing: requested and obtained by funder for the year."""

from __future__ import annotations

from collections import Counter, defaultdict

from clsante.documents.contenus._commun import euros
from clsante.documents.structure import Paragraphe, Section, Tableau
from clsante.programme.models import FicheAction, Financement


def section_financements(annee: int, fiches: list[FicheAction]) -> Section:
    sommes: dict[str, Counter] = defaultdict(Counter)
    for fiche in fiches:
        for f in fiche.financements.all():
            sommes[str(f.financeur)][f.statut] += f.montant
    titre = f"Financements {annee}"
    if not sommes:
        return Section(titre, 1, [Paragraphe(f"Aucun financement n'est inscrit pour {annee}.")])
    lignes, total = [], Counter()
    for financeur in sorted(sommes):
        montants = sommes[financeur]
        total.update(montants)
        lignes.append([financeur, *_colonnes_financement(montants)])
    lignes.append(["Total", *_colonnes_financement(total)])
    entetes = ["Financeur", "Demandé", "Obtenu (acquis ou versé)", "dont versé", "En attente"]
    return Section(
        titre,
        1,
        [
            Tableau(entetes, lignes, f"Financements demandés et obtenus par financeur, {annee}"),
            Paragraphe(
                "« Demandé » additionne toutes les demandes de l'année ; « En attente » les "
                "demandes encore sans réponse."
            ),
        ],
    )


def _colonnes_financement(montants: Counter) -> list[str]:
    sollicite = montants[Financement.Statut.SOLLICITE]
    acquis = montants[Financement.Statut.ACQUIS]
    verse = montants[Financement.Statut.VERSE]
    return [
        euros(sollicite + acquis + verse),
        euros(acquis + verse),
        euros(verse),
        euros(sollicite),
    ]
