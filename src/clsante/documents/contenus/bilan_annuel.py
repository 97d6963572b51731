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
from clsante.documents.contenus._commun import (
    accorder,
    euros,
    jour,
    nom_fichier,
    nombre,
    valeur_unite,
)
from clsante.documents.contenus.campagne import section_campagne
from clsante.documents.structure import (
    Definitions,
    Document,
    Liste,
    Paragraphe,
    Section,
    Tableau,
    date_fr,
)
from clsante.organisations.models import Organisation
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
        _indicateurs(annee, fin, fiches),
        _financements(annee, fiches),
        *_reunions(annee, reunions),
        _partenaires(fiches),
        _communes(contrat, fiches),
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
        accorder(comptes[cle], libelle)
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


def _indicateurs(annee: int, fin: datetime.date, fiches: list[FicheAction]) -> Section:
    lignes = []
    for fiche in fiches:
        for indicateur in fiche.indicateurs.all():
            mesures = list(indicateur.mesures.all())
            derniere = mesures[0] if mesures else None
            lignes.append(
                [
                    fiche.numero,
                    indicateur.libelle,
                    valeur_unite(indicateur.valeur_initiale, indicateur.unite),
                    f"{valeur_unite(derniere.valeur, indicateur.unite)} ({jour(derniere.date)})"
                    if derniere
                    else "aucune valeur",
                    valeur_unite(indicateur.cible, indicateur.unite)
                    + (f" ({jour(indicateur.date_cible)})" if indicateur.date_cible else ""),
                    _position(indicateur, derniere),
                ]
            )
    titre = "Indicateurs et cibles"
    if not lignes:
        return Section(titre, 1, [Paragraphe("Aucun indicateur n'est défini.")])
    entetes = ["Fiche", "Indicateur", "Valeur initiale", f"Valeur au {jour(fin)}", "Cible"]
    tableau = Tableau(
        [*entetes, "Position"], lignes, f"Indicateurs au regard de leur cible, {annee}"
    )
    return Section(titre, 1, [tableau])


def _position(indicateur: Indicateur, derniere: Mesure | None) -> str:
    """Where the value stands between the baseline and the target."""
    cible, depart = indicateur.cible, indicateur.valeur_initiale
    if cible is None:
        return "Sans cible chiffrée"
    if derniere is None:
        return "Aucune valeur"
    depart = depart if depart is not None else Decimal(0)
    baisse = cible < depart
    if (derniere.valeur <= cible) if baisse else (derniere.valeur >= cible):
        return "Cible atteinte"
    if cible == depart:
        return "En cours"
    part = int(max(0, min(100, (derniere.valeur - depart) / (cible - depart) * 100)))
    return f"{part} % du chemin vers la cible"


def _financements(annee: int, fiches: list[FicheAction]) -> Section:
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


def _reunions(annee: int, reunions: list[Reunion]) -> list[Section]:
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
    numeros = sorted((f.numero for f in decision.fiches.all()), key=lambda n: n.split("."))
    return decision.texte + (f" (fiches {', '.join(numeros)})" if numeros else "")


def _partenaires(fiches: list[FicheAction]) -> Section:
    """Organisations carrying or supporting the fiches, by sector (health first)."""
    organisations: dict[int, Organisation] = {}
    for fiche in fiches:
        for org in [fiche.porteur, *fiche.partenaires.all()]:
            if org is not None:
                organisations[org.pk] = org
    par_secteur: dict[str, list[str]] = defaultdict(list)
    for org in organisations.values():
        par_secteur[org.secteur].append(org.nom)
    lignes = [
        [libelle, str(len(par_secteur[cle])), ", ".join(sorted(par_secteur[cle]))]
        for cle, libelle in Organisation.Secteur.choices
        if cle in par_secteur
    ]
    hors_sante = sum(1 for o in organisations.values() if o.hors_sante)
    blocs = [
        Paragraphe(
            f"{len(organisations)} organisations portent ou accompagnent les actions, "
            f"dont {hors_sante} hors du secteur de la santé."
        )
    ]
    if lignes:
        blocs.append(
            Tableau(
                ["Secteur", "Nombre", "Organisations"],
                lignes,
                "Porteurs et partenaires des fiches par secteur",
            )
        )
    return Section("Partenaires par secteur", 1, blocs)


def _communes(contrat: Contrat, fiches: list[FicheAction]) -> Section:
    par_commune: dict[int, list[str]] = defaultdict(list)
    tout_territoire = []
    for fiche in fiches:
        communes = fiche.communes.all()
        if not communes:
            tout_territoire.append(fiche.numero)
        for commune in communes:
            par_commune[commune.pk].append(fiche.numero)
    lignes = [
        [c.nom, nombre(c.population), str(len(par_commune[c.pk])), ", ".join(par_commune[c.pk])]
        for c in contrat.communes.order_by("-population", "nom")
        if c.pk in par_commune
    ]
    blocs = [
        Paragraphe(
            f"{len(tout_territoire)} fiche{'s' if len(tout_territoire) > 1 else ''} sans commune "
            "précisée couvre"
            + ("nt" if len(tout_territoire) > 1 else "")
            + " tout le territoire du contrat"
            + (f" : {', '.join(tout_territoire)}." if tout_territoire else ".")
        )
    ]
    if lignes:
        blocs.append(
            Tableau(
                ["Commune", "Population", "Fiches ciblées", "Numéros"],
                lignes,
                "Actions ciblant une commune en particulier",
            )
        )
    return Section("Actions par commune", 1, blocs)
