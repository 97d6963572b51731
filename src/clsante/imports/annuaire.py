"""Import a directory: organisations and their contacts, one row per contact.

The organisation columns repeat on each row of its contacts; a row with an organisation and
no contact name only creates or completes the organisation. An organisation is found by
its name (case and accents ignored), a contact by its organisation and e-mail, or else its
first and last names. Importing the same file again changes nothing. Organisations take
part in a contract through its fiches, signatures and instances (``contrats.annuaire``):
one imported alone is in CLSanté's directory but is not yet an actor of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from clsante.imports import valeurs as v
from clsante.imports.champs import normaliser, titre_de
from clsante.imports.lecture import Classeur
from clsante.imports.programme import lignes_de_donnees
from clsante.organisations.models import Contact, Organisation

CHAMPS_ORG = ("type", "secteur", "siret", "commune")
CHAMPS_CONTACT = ("prenom", "nom", "fonction", "email", "telephone")


@dataclass
class LigneAnnuaire:
    ligne: int
    organisation: str = ""
    org: dict = field(default_factory=dict)
    contact: dict = field(default_factory=dict)
    erreurs: list[str] = field(default_factory=list)
    action: str = ""
    changements: list[str] = field(default_factory=list)


def _choix_table(choices) -> dict[str, str]:
    table = {}
    for valeur, label in choices:
        table[normaliser(valeur)] = valeur
        table[normaliser(label)] = valeur
    return table


TYPES = _choix_table(Organisation.Type.choices)
SECTEURS = _choix_table(Organisation.Secteur.choices)


def _lire(numero: int, cellules: dict, communes: dict) -> LigneAnnuaire:
    ligne = LigneAnnuaire(numero)

    def erreur(cle: str, message: str) -> None:
        colonne = cellules[cle][0] if cle in cellules else titre_de("annuaire", cle)
        ligne.erreurs.append(f"Ligne {numero}, colonne « {colonne} » : {message}")

    def brut(cle: str) -> str:
        return v.texte(cellules[cle][1]) if cle in cellules else ""

    ligne.organisation = brut("organisation")[:200]
    if not ligne.organisation:
        erreur("organisation", "le nom de l'organisation est obligatoire")
    for cle, table in (("type", TYPES), ("secteur", SECTEURS)):
        if cle in cellules and brut(cle):
            try:
                ligne.org[cle] = v.choix(brut(cle), table, sorted(set(table.values())), cle)
            except v.ValeurInvalide as exc:
                erreur(cle, str(exc))
    if "siret" in cellules and (siret := brut("siret").replace(" ", "")):
        if not (siret.isdigit() and len(siret) == 14):
            erreur("siret", f"SIRET invalide « {siret} » (14 chiffres)")
        ligne.org["siret"] = siret
    if "commune" in cellules and (nom := brut("commune")):
        trouvees = communes.get(nom) or communes.get(normaliser(nom))
        if not trouvees or len(trouvees) > 1:
            erreur("commune", f"commune inconnue ou ambiguë « {nom} »")
        else:
            ligne.org["commune_id"] = trouvees[0]
    for cle in CHAMPS_CONTACT:
        if cle in cellules:
            ligne.contact[cle] = brut(cle)
    _valider_contact(ligne, erreur)
    return ligne


def _valider_contact(ligne: LigneAnnuaire, erreur) -> None:
    contact = ligne.contact
    if not any(contact.values()):
        ligne.contact = {}
        return
    if not (contact.get("nom") or contact.get("email")):
        erreur("nom", "un contact a besoin au moins d'un nom ou d'un courriel")
    modele = Contact(organisation=Organisation(nom="x"), **contact)
    try:
        modele.full_clean(exclude=["organisation", "prenom", "nom"])
    except ValidationError as exc:
        for cle, messages in exc.message_dict.items():
            erreur(cle, " ".join(messages))


def _communes(contrat) -> dict[str, list[int]]:
    from clsante.territoires.models import Commune

    index: dict[str, list[int]] = {}
    qs = Commune.objects.filter(departement__in=contrat.communes.values("departement"))
    for pk, code, nom in qs.values_list("pk", "insee", "nom"):
        index.setdefault(code, []).append(pk)
        index.setdefault(normaliser(nom), []).append(pk)
    return index


def analyser(contrat, classeur: Classeur, correspondance: dict) -> dict:
    """The report of what importing the directory would do (nothing is written)."""
    communes = _communes(contrat)
    lignes = [_lire(n, c, communes) for n, c in lignes_de_donnees(classeur, correspondance)]
    organisations = {normaliser(o.nom): o for o in Organisation.objects.all()}
    contacts = {}
    for c in Contact.objects.select_related("organisation"):
        contacts[_cle_contact(normaliser(c.organisation.nom), c.email, c.prenom, c.nom)] = c
    nouvelles = {}
    for ligne in lignes:
        if ligne.erreurs:
            ligne.action = "erreur"
            continue
        cle_org = normaliser(ligne.organisation)
        org = organisations.get(cle_org)
        if org is None and cle_org not in nouvelles:
            nouvelles[cle_org] = ligne.organisation
            ligne.changements.append("organisation créée")
        elif org is not None:
            diff = [c for c, val in ligne.org.items() if getattr(org, c) != val]
            ligne.changements += [f"organisation : {c.removesuffix('_id')}" for c in diff]
        if ligne.contact:
            c = ligne.contact
            existant = contacts.get(_cle_contact(cle_org, c.get("email"), c.get("prenom"),
                                                 c.get("nom")))  # fmt: skip
            if existant is None:
                ligne.changements.append("contact créé")
            else:
                diff = [k for k, val in c.items() if getattr(existant, k) != val]
                ligne.changements += [f"contact : {k}" for k in diff]
        ligne.action = "modifiee" if ligne.changements else "inchangee"
    erreurs = [e for ligne in lignes for e in ligne.erreurs]
    if not lignes:
        erreurs.append("Le fichier ne contient aucune ligne de données sous les en-têtes.")
    totaux = {"creee": 0, "modifiee": 0, "inchangee": 0, "erreur": 0}
    for ligne in lignes:
        totaux[ligne.action] += 1
    return {
        "lignes": [
            {
                "ligne": ligne.ligne,
                "numero": "",
                "titre": " ".join(
                    p
                    for p in (
                        ligne.organisation,
                        "—",
                        ligne.contact.get("prenom", ""),
                        ligne.contact.get("nom", ""),
                    )
                    if p  # fmt: skip
                ).rstrip(" —"),
                "action": ligne.action,
                "changements": ligne.changements,
                "erreurs": ligne.erreurs,
                "avertissements": [],
            }
            for ligne in lignes
        ],
        "erreurs": erreurs,
        "avertissements": [],
        "totaux": totaux,
        "organisations_creees": sorted(nouvelles.values()),
        "_donnees": [
            {"organisation": ligne.organisation, "org": ligne.org, "contact": ligne.contact}
            for ligne in lignes
            if ligne.action == "modifiee"
        ],
    }


def _cle_contact(org: str, email: str | None, prenom: str | None, nom: str | None) -> tuple:
    if email:
        return (org, "email", email.lower())
    return (org, "nom", normaliser(prenom), normaliser(nom))


@transaction.atomic
def ecrire(rapport: dict) -> int:
    """Write the rows a report found to change; returns how many."""
    if rapport["erreurs"]:
        raise ValueError("Le fichier contient des erreurs : rien n'a été importé.")
    organisations = {normaliser(o.nom): o for o in Organisation.objects.all()}
    for donnees in rapport["_donnees"]:
        cle = normaliser(donnees["organisation"])
        org = organisations.get(cle)
        if org is None:
            org = Organisation(
                nom=donnees["organisation"],
                type=Organisation.Type.AUTRE,
                secteur=Organisation.Secteur.AUTRE,
            )
        for champ, valeur in donnees["org"].items():
            setattr(org, champ, valeur)
        org.save()
        organisations[cle] = org
        if contact := donnees["contact"]:
            _ecrire_contact(org, contact)
    return len(rapport["_donnees"])


def _ecrire_contact(org: Organisation, donnees: dict) -> None:
    if donnees.get("email"):
        existant = org.contacts.filter(email__iexact=donnees["email"]).first()
    else:
        existant = next(
            (
                c
                for c in org.contacts.all()
                if normaliser(c.prenom) == normaliser(donnees.get("prenom"))
                and normaliser(c.nom) == normaliser(donnees.get("nom"))
            ),
            None,
        )
    contact = existant or Contact(organisation=org)
    for champ, valeur in donnees.items():
        setattr(contact, champ, valeur)
    contact.save()
