"""The directory of a contract's actors: which organisations take part, and how.

An organisation is an actor of a contract when it carries the contract, signed it, carries
(or was named to carry) one of its fiches, is a partner or a funder of one, or sits in one
of its instances. Everything is read through the contract's reverse relations, in a fixed
number of queries whatever the size of the contract.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from clsante.contrats.models import Contrat, MembreInstance
from clsante.organisations.models import Contact, Organisation


class Role:
    """The ways an organisation takes part in a contract (keys used in filters)."""

    PORTEUSE = "porteuse"
    SIGNATAIRE = "signataire"
    PORTEUR = "porteur"
    PARTENAIRE = "partenaire"
    FINANCEUR = "financeur"
    MEMBRE = "membre"

    CHOICES = [
        (PORTEUR, "Porteur d'action"),
        (PARTENAIRE, "Partenaire"),
        (FINANCEUR, "Financeur"),
        (SIGNATAIRE, "Signataire"),
        (MEMBRE, "Membre d'instance"),
        (PORTEUSE, "Collectivité porteuse"),
    ]
    LABELS = dict(CHOICES)


@dataclass
class FicheRef:
    pk: int
    numero: str
    titre: str


@dataclass
class Acteur:
    """One organisation seen from one contract."""

    organisation: Organisation | None = None
    roles: set[str] = field(default_factory=set)
    fiches_portees: dict[int, FicheRef] = field(default_factory=dict)
    fiches_soutenues: dict[int, FicheRef] = field(default_factory=dict)
    fiches_financees: dict[int, FicheRef] = field(default_factory=dict)
    instances: dict[int, str] = field(default_factory=dict)

    @property
    def libelles_roles(self) -> list[str]:
        return [label for key, label in Role.CHOICES if key in self.roles]

    @property
    def fiches(self) -> set[int]:
        return {*self.fiches_portees, *self.fiches_soutenues, *self.fiches_financees}

    def trier(self) -> None:
        for name in ("fiches_portees", "fiches_soutenues", "fiches_financees"):
            refs = getattr(self, name)
            setattr(self, name, dict(sorted(refs.items(), key=lambda kv: _cle(kv[1].numero))))


def _cle(numero: str) -> tuple:
    """Sort fiche numbers naturally: 1.2 before 1.10."""
    return tuple(int(p) if p.isdigit() else p for p in numero.replace("-", ".").split("."))


def acteurs_du_contrat(contrat: Contrat, *, avec_contacts: bool = False) -> dict[int, Acteur]:
    """Every actor of the contract, keyed by organisation id."""
    acteurs: dict[int, Acteur] = defaultdict(Acteur)

    acteurs[contrat.porteuse_id].roles.add(Role.PORTEUSE)
    for org_id in contrat.signataires.values_list("organisation_id", flat=True):
        acteurs[org_id].roles.add(Role.SIGNATAIRE)

    fiches = contrat.fiches.values("pk", "numero", "titre", "porteur_id", "porteur_initial_id")
    refs = {f["pk"]: FicheRef(f["pk"], f["numero"], f["titre"]) for f in fiches}
    for f in fiches:
        for org_id in {f["porteur_id"], f["porteur_initial_id"]} - {None}:
            acteurs[org_id].roles.add(Role.PORTEUR)
            acteurs[org_id].fiches_portees[f["pk"]] = refs[f["pk"]]
    partenaires = contrat.fiches.filter(partenaires__isnull=False)
    for fiche_id, org_id in partenaires.values_list("pk", "partenaires"):
        acteurs[org_id].roles.add(Role.PARTENAIRE)
        acteurs[org_id].fiches_soutenues[fiche_id] = refs[fiche_id]
    financements = contrat.fiches.filter(financements__isnull=False)
    for fiche_id, org_id in financements.values_list("pk", "financements__financeur"):
        acteurs[org_id].roles.add(Role.FINANCEUR)
        acteurs[org_id].fiches_financees[fiche_id] = refs[fiche_id]

    membres = MembreInstance.objects.filter(
        instance__contrat=contrat, organisation__isnull=False
    ).values_list("organisation_id", "instance_id", "instance__nom")
    for org_id, instance_id, instance_nom in membres:
        acteurs[org_id].roles.add(Role.MEMBRE)
        acteurs[org_id].instances[instance_id] = instance_nom

    organisations = Organisation.objects.filter(pk__in=acteurs.keys())
    if avec_contacts:
        organisations = organisations.prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.order_by("nom", "prenom"))
        )
    result = {}
    for organisation in organisations.order_by("nom"):
        acteur = acteurs[organisation.pk]
        acteur.organisation = organisation
        acteur.trier()
        result[organisation.pk] = acteur
    return result


def acteur_du_contrat(contrat: Contrat, organisation_id: int) -> Acteur | None:
    """The organisation as an actor of the contract, or None when it takes no part in it."""
    return acteurs_du_contrat(contrat, avec_contacts=True).get(organisation_id)


def filtrer(acteurs: list[Acteur], filtres: dict[str, Any]) -> list[Acteur]:
    """Keep the actors matching every filter given (empty filters are ignored)."""
    if secteur := filtres.get("secteur"):
        acteurs = [a for a in acteurs if a.organisation.secteur == secteur]
    if type_ := filtres.get("type"):
        acteurs = [a for a in acteurs if a.organisation.type == type_]
    if role := filtres.get("role"):
        acteurs = [a for a in acteurs if role in a.roles]
    if fiche := filtres.get("fiche"):
        acteurs = [a for a in acteurs if fiche.pk in a.fiches]
    return acteurs


def par_secteur(acteurs: list[Acteur]) -> list[tuple[str, list[Acteur]]]:
    """Group actors by sector, in the order sectors are declared (health first)."""
    groupes: dict[str, list[Acteur]] = defaultdict(list)
    for acteur in acteurs:
        groupes[acteur.organisation.secteur].append(acteur)
    return [(label, groupes[key]) for key, label in Organisation.Secteur.choices if key in groupes]
