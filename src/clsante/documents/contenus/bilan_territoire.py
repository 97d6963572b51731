"""The annual review's actors and places: partners by sector, actions per commune."""

from __future__ import annotations

from collections import defaultdict

from clsante.contrats.models import Contrat
from clsante.core.texte import pluriel
from clsante.documents.contenus._commun import nombre
from clsante.documents.structure import Paragraphe, Section, Tableau
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction


def section_partenaires(fiches: list[FicheAction]) -> Section:
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


def section_communes(contrat: Contrat, fiches: list[FicheAction]) -> Section:
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
            pluriel(
                len(tout_territoire),
                "fiche sans commune précisée couvre",
                "fiches sans commune précisée couvrent",
            )
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
