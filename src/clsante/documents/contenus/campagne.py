"""The porteurs' own account of the year, from the annual review campaign, when there was one.

What the campaign adds to the fiches' data: whether each action reached its publics and
communes, and the difficulties its porteur met. Fiches not answered are listed by name so the
COPIL sees who is missing.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch
from django.utils import timezone

from clsante.bilan.models import CampagneBilan, ReponseBilan
from clsante.contrats.models import Contrat
from clsante.core.texte import pluriel
from clsante.documents.structure import Definitions, Liste, Paragraphe, Section, Tableau, date_fr
from clsante.programme.pilotage.arbre import ordre_fiche
from clsante.territoires.models import Commune

TITRE = "Ce qu'en disent les porteurs"


def section_campagne(contrat: Contrat, annee: int) -> Section:
    campagne = contrat.campagnes_bilan.filter(annee=annee).first()
    if campagne is None:
        texte = f"Aucune campagne de bilan n'a été ouverte pour {annee}."
        return Section(TITRE, 1, [Paragraphe(texte)])
    fiches = sorted(
        campagne.fiches().select_related("axe", "porteur"),
        key=lambda f: (f.axe.numero, ordre_fiche(f)),
    )
    reponses = {
        r.fiche_id: r
        for r in campagne.reponses.select_related("repondu_par").prefetch_related(
            Prefetch("communes_atteintes", queryset=Commune.objects.order_by("nom"))
        )
    }
    blocs = [_chiffres(campagne, fiches, reponses)]
    repondues = [f for f in fiches if f.pk in reponses]
    if repondues:
        blocs.append(_tableau(repondues, reponses))
    manquantes = [f"{f.numero} — {f.titre} ({f.porteur})" for f in fiches if f.pk not in reponses]
    if manquantes:
        blocs += [Paragraphe("Fiches sans réponse :"), Liste(manquantes)]
    return Section(TITRE, 1, blocs)


def _chiffres(campagne: CampagneBilan, fiches, reponses: dict[int, ReponseBilan]) -> Definitions:
    publics = Counter(r.publics_atteints for r in reponses.values())
    lecture = ", ".join(
        f"{libelle.lower()} : {publics[cle]}"
        for cle, libelle in ReponseBilan.Publics.choices
        if publics[cle]
    )
    close = campagne.close_le and timezone.localtime(campagne.close_le).date()
    etat = f"close le {date_fr(close)}" if close else "ouverte"
    return Definitions(
        [
            ("Campagne", f"{etat}, réponses attendues au {date_fr(campagne.date_limite)}"),
            ("Réponses", f"{len(reponses)} sur {pluriel(len(fiches), 'fiche')}"),
            ("Publics atteints", lecture or "aucune réponse"),
        ]
    )


def _tableau(fiches, reponses: dict[int, ReponseBilan]) -> Tableau:
    lignes = []
    for fiche in fiches:
        reponse = reponses[fiche.pk]
        communes = [c.nom for c in reponse.communes_atteintes.all()]
        lignes.append(
            [
                fiche.numero,
                fiche.titre,
                reponse.get_publics_atteints_display(),
                ", ".join(communes) or "—",
                reponse.difficultes or "—",
            ]
        )
    return Tableau(
        ["N°", "Fiche", "Publics atteints", "Communes atteintes", "Difficultés"],
        lignes,
        legende="Réponses des porteurs à la campagne de bilan",
    )
