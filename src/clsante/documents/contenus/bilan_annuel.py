"""The annual review of a contract for its COPIL, generated from the data at any moment.

Progress per axis and fiche (status, steps done and notes of the year), indicators against
their targets (last value up to the end of the year), financing requested and obtained by
funder for the year, what the porteurs said in the year's campaign (publics and communes
reached, difficulties), meetings held and their decisions, partners by sector, and actions
per commune. Everything is read in a fixed number of queries.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Prefetch

from clsante.contrats.models import Contrat, Reunion
from clsante.core.texte import pluriel
from clsante.documents.contenus._commun import euros, jour, nom_fichier
from clsante.documents.contenus.bilan_financements import section_financements
from clsante.documents.contenus.bilan_indicateurs import section_indicateurs
from clsante.documents.contenus.bilan_reunions import sections_reunions
from clsante.documents.contenus.bilan_territoire import section_communes, section_partenaires
from clsante.documents.contenus.campagne import section_campagne
from clsante.documents.structure import Definitions, Document, Paragraphe, Section, Tableau
from clsante.programme.models import Etape, FicheAction, Financement, Indicateur, Mesure, NoteSuivi
from clsante.programme.pilotage.arbre import ordre_fiche


def document_bilan(contrat: Contrat, annee: int) -> Document:
    fin = datetime.date(annee, 12, 31)
    fiches = _fiches(contrat, annee, fin)
    reunions = list(
        Reunion.objects.filter(instance__contrat=contrat, date__year=annee)
        .select_related("instance")
        .prefetch_related("decisions__fiches")
        .order_by("date", "pk")
    )
    sections = [
        _synthese(annee, fiches, reunions),
        *_avancement(contrat, annee, fiches),
        section_campagne(contrat, annee),
        section_indicateurs(annee, fin, fiches),
        section_financements(annee, fiches),
        *sections_reunions(annee, reunions),
        section_partenaires(fiches),
        section_communes(contrat, fiches),
    ]
    return Document(
        titre=f"Bilan annuel {annee}",
        sous_titre="Bilan de l'année pour le comité de pilotage",
        contrat=contrat.nom,
        nom_fichier=nom_fichier("bilan", annee, contrat.nom),
        sections=sections,
    )


def _fiches(contrat: Contrat, annee: int, fin: datetime.date) -> list[FicheAction]:
    """The contract's fiches with what the year needs, prefetched (no query per fiche)."""
    queryset = contrat.fiches.select_related("axe", "porteur").prefetch_related(
        "communes",
        "partenaires",
        Prefetch("notes", queryset=NoteSuivi.objects.filter(date__year=annee).order_by("date")),
        Prefetch(
            "etapes",
            queryset=Etape.objects.filter(date_realisation__year=annee).order_by(
                "date_realisation"
            ),
            to_attr="etapes_realisees",
        ),
        Prefetch(
            "indicateurs",
            queryset=Indicateur.objects.order_by("pk").prefetch_related(
                Prefetch(
                    "mesures",
                    queryset=Mesure.objects.filter(date__lte=fin).order_by("-date", "-pk"),
                )
            ),
        ),
        Prefetch(
            "financements",
            queryset=Financement.objects.filter(annee=annee).select_related("financeur"),
        ),
    )
    return sorted(queryset, key=lambda f: (f.axe.numero, ordre_fiche(f)))


def _synthese(annee: int, fiches: list[FicheAction], reunions: list[Reunion]) -> Section:
    comptes = Counter(f.statut for f in fiches)
    statuts = ", ".join(
        pluriel(comptes[cle], libelle.lower())
        for cle, libelle in FicheAction.Statut.choices
        if comptes[cle]
    )
    financements = [fi for f in fiches for fi in f.financements.all()]
    obtenu = sum(
        (fi.montant for fi in financements if fi.statut != Financement.Statut.SOLLICITE),
        Decimal(0),
    )
    paires = [
        ("Fiches actions", f"{len(fiches)} ({statuts or 'aucune'})"),
        ("Notes de suivi de l'année", str(sum(len(f.notes.all()) for f in fiches))),
        ("Étapes réalisées dans l'année", str(sum(len(f.etapes_realisees) for f in fiches))),
        ("Réunions tenues", str(len(reunions))),
        ("Décisions prises", str(sum(len(r.decisions.all()) for r in reunions))),
        ("Financements obtenus pour l'année", euros(obtenu)),
    ]
    note = Paragraphe(
        f"Ce bilan couvre l'année {annee}. Les statuts des fiches sont ceux du jour où il a "
        "été généré ; les valeurs d'indicateurs sont les dernières mesurées au 31 décembre."
    )
    return Section(f"L'année {annee} en bref", 1, [Definitions(paires), note])


def _avancement(contrat: Contrat, annee: int, fiches: list[FicheAction]) -> list[Section]:
    par_axe: dict[int, list[FicheAction]] = defaultdict(list)
    for fiche in fiches:
        par_axe[fiche.axe_id].append(fiche)
    sections = [Section("Avancement par axe et par fiche", 1, [])]
    for axe in contrat.axes.all():
        lignes = [
            [
                f.numero,
                f.titre,
                f.get_statut_display(),
                str(f.porteur or "à désigner"),
                _faits(f) or f"Aucun fait consigné en {annee}.",
            ]
            for f in par_axe.get(axe.pk, [])
        ]
        blocs = (
            [
                Tableau(
                    ["N°", "Fiche action", "Statut", "Porteur", f"Faits marquants {annee}"],
                    lignes,
                    f"Avancement des fiches de l'axe {axe.numero}",
                )
            ]
            if lignes
            else [Paragraphe("Aucune fiche action dans cet axe.")]
        )
        sections.append(Section(f"Axe {axe.numero} — {axe.titre}", 2, blocs))
    return sections


def _faits(fiche: FicheAction) -> str:
    faits = [
        f"Étape réalisée le {jour(e.date_realisation)} : {e.libelle}"
        for e in fiche.etapes_realisees
    ]
    faits += [f"{jour(n.date)} : {n.texte}" for n in fiche.notes.all()]
    return "\n".join(faits)
