"""Import a directory: organisations and their contacts, one row per contact.

The organisation columns repeat on each row of its contacts; a row with an organisation and
no contact name only completes the organisation. The import only touches the actors of the
contract (``contrats.annuaire``: organisations named by its fiches, signatures and
instances), found by name (case and accents ignored); their contacts are found by e-mail,
or else first and last names. Any other organisation is a row error: it may belong to other
contracts, and one created here would be an actor of none (no link ties an organisation to
a contract), invisible in the contract's directory, and refused by the next import. Name it
in the programme first. Importing the same file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from clsante.contrats.annuaire import acteurs_du_contrat
from clsante.imports import valeurs as v
from clsante.imports.champs import designation_colonne, normaliser
from clsante.imports.correspondance import lignes_de_donnees
from clsante.imports.erreurs import ImportInvalide
from clsante.imports.lecture import Classeur
from clsante.organisations.models import Contact, Organisation

CHAMPS_ORG = ("type", "secteur", "siret", "commune")
CHAMPS_CONTACT = ("prenom", "nom", "fonction", "email", "telephone")


@dataclass
class LigneAnnuaire:
    ligne: int
    organisation: str = ""
    colonne: str = ""  # the title of the organisation column
    org_id: int | None = None
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
        colonne = designation_colonne(
            "annuaire", cle, cellules[cle][0] if cle in cellules else None
        )
        ligne.erreurs.append(f"Ligne {numero}, {colonne} : {message}")

    def brut(cle: str) -> str:
        return v.texte(cellules[cle][1]) if cle in cellules else ""

    ligne.organisation = brut("organisation")[:200]
    ligne.colonne = cellules["organisation"][0] if "organisation" in cellules else "Organisation"
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
    """The report of what importing the directory would do (nothing is written).

    Only the actors of the contract are looked at: a row naming any other organisation is
    an error that says neither whether it exists nor anything about it.
    """
    communes = _communes(contrat)
    lignes = [_lire(n, c, communes) for n, c in lignes_de_donnees(classeur, correspondance)]
    acteurs = [a.organisation for a in acteurs_du_contrat(contrat, avec_contacts=True).values()]
    organisations = {normaliser(o.nom): o for o in acteurs}
    contacts = {}
    for org in acteurs:
        for c in org.contacts.all():
            contacts[_cle_contact(org.pk, c.email, c.prenom, c.nom)] = c
    for ligne in lignes:
        org = organisations.get(normaliser(ligne.organisation))
        if org is None and not ligne.erreurs:
            ligne.erreurs.append(
                f"Ligne {ligne.ligne}, colonne « {ligne.colonne} » : « {ligne.organisation} » "
                "ne prend pas part à ce contrat ; nommez-la d'abord dans le programme (porteur, "
                "partenaire ou financeur d'une fiche), puis importez ses contacts"
            )
        if ligne.erreurs:
            ligne.action = "erreur"
            continue
        ligne.org_id = org.pk
        _comparer(ligne, org, contacts)
    return _rapport(lignes)


def _comparer(ligne: LigneAnnuaire, org: Organisation, contacts: dict) -> None:
    diff = [c for c, val in ligne.org.items() if getattr(org, c) != val]
    ligne.changements += [f"organisation : {c.removesuffix('_id')}" for c in diff]
    ligne.action = "modifiee" if diff else "inchangee"
    if ligne.contact:
        c = ligne.contact
        existant = contacts.get(_cle_contact(org.pk, c.get("email"), c.get("prenom"), c.get("nom")))
        if existant is None:
            ligne.changements.append("contact créé")
            ligne.action = "creee"
            return
        diff = [k for k, val in c.items() if getattr(existant, k) != val]
        ligne.changements += [f"contact : {k}" for k in diff]
        if diff:
            ligne.action = "modifiee"


def _rapport(lignes: list[LigneAnnuaire]) -> dict:
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
                "titre": _titre(ligne),
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
        "_donnees": [
            {"org_id": ligne.org_id, "org": ligne.org, "contact": ligne.contact}
            for ligne in lignes
            if ligne.action in ("creee", "modifiee")
        ],
    }


def _titre(ligne: LigneAnnuaire) -> str:
    personne = " ".join(p for p in (ligne.contact.get("prenom"), ligne.contact.get("nom")) if p)
    return f"{ligne.organisation} — {personne}" if personne else ligne.organisation


def _cle_contact(org: int, email: str | None, prenom: str | None, nom: str | None) -> tuple:
    if email:
        return (org, "email", email.lower())
    return (org, "nom", normaliser(prenom), normaliser(nom))


@transaction.atomic
def ecrire(contrat, rapport: dict) -> int:
    """Write the rows a report found to change; returns how many.

    Only organisations that are actors of the contract, and their contacts, are written.
    """
    if rapport["erreurs"]:
        raise ImportInvalide(rapport["erreurs"])
    acteurs = acteurs_du_contrat(contrat)
    for donnees in rapport["_donnees"]:
        if donnees["org_id"] not in acteurs:
            raise ImportInvalide(["Une organisation ne prend plus part au contrat."])
        org = acteurs[donnees["org_id"]].organisation
        if donnees["org"]:
            for champ, valeur in donnees["org"].items():
                setattr(org, champ, valeur)
            org.save()
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
