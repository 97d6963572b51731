"""The document of one fiche action, as its contract's people hand it to a COPIL."""

from __future__ import annotations

from django.db.models import Prefetch

from clsante.documents.contenus._commun import euros, jour, nom_fichier, valeur_unite
from clsante.documents.structure import (
    Definitions,
    Document,
    Liste,
    Paragraphe,
    Section,
    Tableau,
    date_fr,
)
from clsante.grille.referentiel import grille
from clsante.organisations.models import Contact
from clsante.programme.models import FicheAction, Mesure


def document_fiche(fiche: FicheAction, user) -> Document:
    """The fiche as its reader may see it: contacts only for the contract's own people."""
    avec_contacts = fiche.contrat.peut_voir_contacts(user)
    sections = [
        Section("Identification", 1, [Definitions(_identite(fiche))]),
        *_textes(fiche),
        *_suivi(fiche, avec_noms=avec_contacts),
    ]
    if avec_contacts and fiche.porteur_id:
        sections += _contacts(fiche)
    return Document(
        titre=f"Fiche action {fiche.numero}",
        sous_titre=fiche.titre,
        contrat=fiche.contrat.nom,
        nom_fichier=nom_fichier("fiche", fiche.numero, fiche.titre),
        sections=sections,
    )


def _identite(fiche: FicheAction) -> list[tuple[str, str]]:
    porteur = str(fiche.porteur) if fiche.porteur else "à désigner"
    if fiche.porteur_a_change:
        porteur += f" (porteur nommé au contrat : {fiche.porteur_initial})"
    communes = ", ".join(c.nom for c in fiche.communes.all()) or "Tout le territoire du contrat"
    publics = ", ".join(grille().libelle("publics", c) for c in fiche.publics)
    if fiche.publics_texte:
        publics = f"{publics} — {fiche.publics_texte}" if publics else fiche.publics_texte
    calendrier = " ".join(
        p
        for p in (
            f"du {date_fr(fiche.date_debut)}" if fiche.date_debut else "",
            f"au {date_fr(fiche.date_fin)}" if fiche.date_fin else "",
        )
        if p
    )
    paires = [
        ("Contrat", fiche.contrat.nom),
        ("Axe", f"Axe {fiche.axe.numero} — {fiche.axe.titre}"),
        ("Numéro", fiche.numero),
        ("Intitulé", fiche.titre),
        ("Statut", fiche.get_statut_display()),
        ("Priorité", fiche.get_priorite_display()),
        ("Calendrier", calendrier or "à définir"),
        ("Porteur", porteur),
        ("Partenaires", ", ".join(str(p) for p in fiche.partenaires.all()) or "—"),
        ("Communes", communes),
        ("Publics", publics or "—"),
        ("Participation des habitants", fiche.get_participation_display()),
    ]
    if fiche.hors_programmation:
        paires.append(("Programmation", "Ajoutée après la signature du contrat"))
    if fiche.objectif_prs:
        paires.append(("Objectif du PRS", fiche.objectif_prs))
    return paires


def _textes(fiche: FicheAction) -> list[Section]:
    sections = []
    if fiche.contexte:
        sections.append(Section("Contexte", 1, [Paragraphe(fiche.contexte)]))
    objectifs: list = []
    if intitules := [f"{o.get_niveau_display()} : {o.intitule}" for o in fiche.objectifs.all()]:
        objectifs.append(Liste(intitules))
    if fiche.objectifs_texte:
        objectifs.append(Paragraphe(fiche.objectifs_texte))
    if objectifs:
        sections.append(Section("Objectifs", 1, objectifs))
    if fiche.description:
        sections.append(Section("Description", 1, [Paragraphe(fiche.description)]))
    if fiche.modalites:
        sections.append(Section("Modalités", 1, [Paragraphe(fiche.modalites)]))
    return sections


def _suivi(fiche: FicheAction, *, avec_noms: bool) -> list[Section]:
    sections = []
    if etapes := list(fiche.etapes.all()):
        lignes = [
            [e.libelle, jour(e.date_prevue), jour(e.date_realisation), e.get_statut_display()]
            for e in etapes
        ]
        tableau = Tableau(
            ["Étape", "Prévue le", "Réalisée le", "Statut"], lignes, "Étapes de la fiche"
        )
        sections.append(Section("Étapes", 1, [tableau]))
    indicateurs = fiche.indicateurs.prefetch_related(
        Prefetch("mesures", queryset=Mesure.objects.order_by("-date", "-pk"))
    )
    if lignes := [_ligne_indicateur(i) for i in indicateurs]:
        entetes = ["Indicateur", "Type", "Valeur initiale", "Cible", "Dernière valeur"]
        tableau = Tableau(entetes, lignes, "Indicateurs, cibles et dernières valeurs mesurées")
        sections.append(Section("Indicateurs", 1, [tableau]))
    financements = fiche.financements.select_related("financeur")
    if lignes := [
        [str(f.financeur), str(f.annee), euros(f.montant), f.get_statut_display()]
        for f in financements
    ]:
        entetes = ["Financeur", "Année", "Montant", "Statut"]
        sections.append(
            Section("Financements", 1, [Tableau(entetes, lignes, "Financements de la fiche")])
        )
    if notes := list(fiche.notes.select_related("auteur")):
        items = [
            f"{date_fr(n.date)}{f' — {n.auteur}' if avec_noms and n.auteur else ''} : {n.texte}"
            for n in notes
        ]
        sections.append(Section("Notes de suivi", 1, [Liste(items)]))
    return sections


def _ligne_indicateur(indicateur) -> list[str]:
    mesures = list(indicateur.mesures.all())
    derniere = (
        f"{valeur_unite(mesures[0].valeur, indicateur.unite)} ({jour(mesures[0].date)})"
        if mesures
        else "aucune mesure"
    )
    return [
        indicateur.libelle,
        indicateur.get_type_display(),
        valeur_unite(indicateur.valeur_initiale, indicateur.unite),
        valeur_unite(indicateur.cible, indicateur.unite),
        derniere,
    ]


def _contacts(fiche: FicheAction) -> list[Section]:
    contacts = Contact.objects.filter(organisation_id=fiche.porteur_id).order_by("nom", "prenom")
    lignes = [[f"{c.prenom} {c.nom}", c.fonction, c.email, c.telephone] for c in contacts]
    if not lignes:
        return []
    tableau = Tableau(
        ["Nom", "Fonction", "Courriel", "Téléphone"], lignes, f"Contacts chez {fiche.porteur}"
    )
    return [Section("Contacts du porteur", 1, [tableau])]
