"""The contract's summary: identity, governance, the programme by axis and key figures."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Sum

from clsante.contrats.models import Contrat
from clsante.core.texte import libelle_generation
from clsante.documents.contenus._commun import euros, nom_fichier, nombre
from clsante.documents.structure import Definitions, Document, Liste, Section, Tableau, date_fr
from clsante.programme.models import FicheAction, Financement
from clsante.programme.pilotage.arbre import ordre_fiche


def document_synthese(contrat: Contrat, user) -> Document:
    sections = [
        Section("Carte d'identité", 1, [Definitions(_identite(contrat))]),
        *_signataires(contrat),
        _chiffres_cles(contrat),
        _gouvernance(contrat),
        *_programme(contrat),
    ]
    if contrat.peut_voir_contacts(user):
        sections += _coordination(contrat)
    return Document(
        titre="Synthèse du contrat",
        sous_titre=contrat.nom,
        contrat=contrat.nom,
        nom_fichier=nom_fichier("synthese", contrat.nom),
        sections=sections,
    )


def _identite(contrat: Contrat) -> list[tuple[str, str]]:
    communes = contrat.communes.count()
    periode = (
        f"du {date_fr(contrat.date_debut)} au {date_fr(contrat.date_fin)}"
        if contrat.date_debut and contrat.date_fin
        else "à définir"
    )
    paires = [
        ("Collectivité porteuse", f"{contrat.porteuse} ({contrat.get_type_porteuse_display()})"),
        (
            "Territoire",
            f"{communes} commune{'s' if communes > 1 else ''}, "
            f"{nombre(contrat.population)} habitants — {contrat.region}",
        ),
        ("Génération", libelle_generation(contrat.generation)),
        ("Statut", contrat.get_statut_display()),
        ("Signature", date_fr(contrat.date_signature) or "non signé"),
        ("Période", periode),
    ]
    if contrat.precedent_id:
        paires.append(("Contrat précédent", contrat.precedent.nom))
    if contrat.referent_ars_id:
        paires.append(("Référent ARS", str(contrat.referent_ars)))
    dispositifs = [f"{d.get_type_display()} : {d.nom}" for d in contrat.dispositifs.all()]
    if dispositifs:
        paires.append(("Dispositifs articulés", " ; ".join(dispositifs)))
    return paires


def _signataires(contrat: Contrat) -> list[Section]:
    lignes = [
        [str(s.organisation), s.get_role_display(), s.signataire, date_fr(s.date_signature)]
        for s in contrat.signataires.select_related("organisation")
    ]
    if not lignes:
        return []
    entetes = ["Organisation", "Qualité", "Signé par", "Date"]
    return [Section("Signataires", 1, [Tableau(entetes, lignes, "Signataires du contrat")])]


def _chiffres_cles(contrat: Contrat) -> Section:
    comptes = Counter(dict(contrat.fiches.values_list("statut").annotate(n=Count("pk"))))
    total = sum(comptes.values())
    statuts = [
        [libelle, str(comptes[cle])] for cle, libelle in FicheAction.Statut.choices if comptes[cle]
    ]
    statuts.append(["Total", str(total)])
    montants = dict(
        Financement.objects.filter(fiche__contrat=contrat)
        .values_list("statut")
        .annotate(total=Sum("montant"))
    )
    financements = [
        [libelle, euros(montants.get(cle) or Decimal(0))]
        for cle, libelle in Financement.Statut.choices
    ]
    return Section(
        "Chiffres clés",
        1,
        [
            Tableau(["Statut", "Fiches actions"], statuts, "Fiches actions par statut"),
            Tableau(
                ["Statut du financement", "Montant"],
                financements,
                "Financements des fiches, toutes années confondues",
            ),
        ],
    )


def _gouvernance(contrat: Contrat) -> Section:
    instances = contrat.instances.annotate(
        n_membres=Count("membres", distinct=True),
        n_reunions=Count("reunions", distinct=True),
        derniere=Max("reunions__date"),
    )
    lignes = [
        [
            i.nom,
            i.get_type_display(),
            str(i.n_membres),
            str(i.n_reunions),
            date_fr(i.derniere) or "aucune",
        ]
        for i in instances
    ]
    if not lignes:
        return Section("Gouvernance", 1, [Liste(["Aucune instance n'est encore constituée."])])
    entetes = ["Instance", "Type", "Membres", "Réunions", "Dernière réunion"]
    return Section("Gouvernance", 1, [Tableau(entetes, lignes, "Instances du contrat")])


def _programme(contrat: Contrat) -> list[Section]:
    axes = contrat.axes.prefetch_related(
        Prefetch("fiches", queryset=FicheAction.objects.select_related("porteur"))
    )
    sections = [Section("Programme d'actions", 1, [])]
    for axe in axes:
        fiches = sorted(axe.fiches.all(), key=ordre_fiche)
        lignes = [
            [f.numero, f.titre, f.get_statut_display(), str(f.porteur or "à désigner")]
            for f in fiches
        ]
        blocs = (
            [
                Tableau(
                    ["N°", "Fiche action", "Statut", "Porteur"],
                    lignes,
                    f"Fiches de l'axe {axe.numero}",
                )
            ]
            if lignes
            else [Liste(["Aucune fiche action dans cet axe."])]
        )
        sections.append(Section(f"Axe {axe.numero} — {axe.titre}", 2, blocs))
    if len(sections) == 1:
        sections[0].blocs.append(Liste(["Le programme n'a pas encore d'axe."]))
    return sections


def _coordination(contrat: Contrat) -> list[Section]:
    personnes = [h.utilisateur for h in contrat.coordinatrices().select_related("utilisateur")]
    items = [f"{p} — {p.email}" if p.email else str(p) for p in personnes]
    if not items:
        return []
    return [Section("Coordination du contrat", 1, [Liste(items)])]
