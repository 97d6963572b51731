"""Where a campaign stands: each fiche answered, to do or late; each porteur done or not."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from django.contrib.auth import get_user_model

from clsante.bilan.models import CampagneBilan, ReponseBilan
from clsante.contrats.models import Habilitation
from clsante.core.texte import cle_de_tri
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction

ETATS = {
    "repondu": ("Répondu", "success"),
    "a_faire": ("À faire", "info"),
    "en_retard": ("En retard", "error"),
}


@dataclass(frozen=True)
class LigneFiche:
    fiche: FicheAction
    reponse: ReponseBilan | None
    etat: str  # repondu, a_faire, en_retard
    # the fiche's organisation has no porteur account: the coordination answers for it
    sans_compte: bool = False

    @property
    def libelle(self) -> str:
        return ETATS[self.etat][0]

    @property
    def badge(self) -> str:
        return ETATS[self.etat][1]


@dataclass
class LignePorteur:
    organisation: Organisation
    fiches: int = 0
    repondues: int = 0
    comptes: list = field(default_factory=list)  # the organisation's porteur accounts

    @property
    def complet(self) -> bool:
        return self.repondues == self.fiches

    @property
    def sans_compte(self) -> bool:
        return not self.comptes

    @property
    def libelle(self) -> str:
        if self.complet:
            return "Tout renseigné"
        if not self.repondues:
            return "Aucune réponse"
        return f"{self.repondues}/{self.fiches} renseignées"

    @property
    def badge(self) -> str:
        if self.complet:
            return "success"
        return "info" if self.repondues else "warning"


@dataclass(frozen=True)
class Avancement:
    lignes: list[LigneFiche]
    porteurs: list[LignePorteur]

    @property
    def total(self) -> int:
        return len(self.lignes)

    def _compte(self, etat: str) -> int:
        return sum(1 for ligne in self.lignes if ligne.etat == etat)

    @property
    def repondues(self) -> int:
        return self._compte("repondu")

    @property
    def a_faire(self) -> int:
        return self._compte("a_faire")

    @property
    def en_retard(self) -> int:
        return self._compte("en_retard")

    @property
    def porteurs_en_attente(self) -> int:
        return sum(1 for p in self.porteurs if not p.complet)

    @property
    def porteurs_sans_compte(self) -> int:
        return sum(1 for p in self.porteurs if p.sans_compte)

    @property
    def en_attente_sans_compte(self) -> int:
        """Porteurs still due whose fiches only the coordination can answer."""
        return sum(1 for p in self.porteurs if p.sans_compte and not p.complet)


def comptes_porteurs(campagne: CampagneBilan, organisations) -> list:
    """The porteur accounts of the contract belonging to these organisations."""
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            organisation__in=organisations,
            habilitations__contrat=campagne.contrat,
            habilitations__role=Habilitation.Role.PORTEUR,
        )
        .distinct()
        .order_by("last_name", "username")
    )


def lignes_fiches(campagne: CampagneBilan, fiches, today: datetime.date) -> list[LigneFiche]:
    reponses = {
        r.fiche_id: r
        for r in campagne.reponses.filter(fiche__in=fiches).select_related("repondu_par")
    }
    retard = campagne.echeance_depassee(today)
    lignes = []
    for fiche in fiches:
        reponse = reponses.get(fiche.pk)
        etat = "repondu" if reponse else ("en_retard" if retard else "a_faire")
        lignes.append(LigneFiche(fiche, reponse, etat))
    return lignes


def avancement(campagne: CampagneBilan, today: datetime.date) -> Avancement:
    fiches = list(campagne.fiches().select_related("porteur", "axe"))
    lignes = lignes_fiches(campagne, fiches, today)
    porteurs: dict[int, LignePorteur] = {}
    for ligne in lignes:
        if ligne.fiche.porteur is None:
            continue
        porteur = porteurs.setdefault(ligne.fiche.porteur_id, LignePorteur(ligne.fiche.porteur))
        porteur.fiches += 1
        porteur.repondues += ligne.etat == "repondu"
    for compte in comptes_porteurs(campagne, list(porteurs)):
        porteurs[compte.organisation_id].comptes.append(compte)
    lignes = [
        replace(ligne, sans_compte=porteurs[ligne.fiche.porteur_id].sans_compte)
        if ligne.fiche.porteur_id
        else ligne
        for ligne in lignes
    ]
    ordre = sorted(porteurs.values(), key=lambda p: (p.complet, cle_de_tri(p.organisation.nom)))
    return Avancement(lignes, ordre)


def porteurs_en_attente(campagne: CampagneBilan) -> list:
    """The porteur accounts whose organisation still has a fiche to answer."""
    fiches = campagne.fiches().filter(porteur__isnull=False)
    en_attente = fiches.exclude(reponses_bilan__campagne=campagne).values("porteur")
    return comptes_porteurs(campagne, Organisation.objects.filter(pk__in=en_attente))


def porteurs_concernes(campagne: CampagneBilan) -> list:
    """The porteur accounts whose organisation carries a fiche of the campaign."""
    organisations = campagne.fiches().filter(porteur__isnull=False).values("porteur")
    return comptes_porteurs(campagne, Organisation.objects.filter(pk__in=organisations))


def organisations_sans_compte(campagne: CampagneBilan, comptes: list) -> int:
    """How many organisations carrying a fiche of the campaign have none of ``comptes``:
    nobody there can answer, the coordination fills in their fiches."""
    organisations = set(
        campagne.fiches().filter(porteur__isnull=False).values_list("porteur", flat=True)
    )
    return len(organisations - {compte.organisation_id for compte in comptes})


def a_completer(user, today: datetime.date) -> list[tuple[CampagneBilan, list[LigneFiche]]]:
    """The open campaigns asking the person's organisation to answer, with its fiches.

    Also what a home page needs to say « N fiches à compléter ».
    """
    if not user.is_authenticated or not user.organisation_id:
        return []
    campagnes = (
        CampagneBilan.objects.ouvertes()
        .visibles_par(user)
        .filter(
            contrat__habilitations__utilisateur=user,
            contrat__habilitations__role=Habilitation.Role.PORTEUR,
        )
        .select_related("contrat")
        .distinct()
        .order_by("date_limite")
    )
    resultat = []
    for campagne in campagnes:
        fiches = campagne.fiches().filter(porteur_id=user.organisation_id).select_related("axe")
        if fiches := list(fiches):
            resultat.append((campagne, lignes_fiches(campagne, fiches, today)))
    return resultat
