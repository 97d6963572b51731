"""Read one row of a programme spreadsheet into a ``FichePlan`` (what the row says).

Each cell is read through ``valeurs`` and the contract's ``References``; every problem is
recorded as a French error naming the spreadsheet's row and column. Nothing is compared
with the existing fiches here (``programme_comparaison`` does that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from clsante.imports import valeurs as v
from clsante.imports.champs import designation_colonne, normaliser
from clsante.imports.references import Introuvable, References, code_et_intitule, numerotation
from clsante.programme.models import FicheAction, Objectif

TEXTES = ("titre", "contexte", "objectifs_texte", "description", "modalites", "publics_texte",
          "objectif_prs")  # fmt: skip
LONGUEURS = {"titre": 250}
CHOIX = {
    "statut": (v.STATUTS, FicheAction.Statut, "statut"),
    "priorite": (v.PRIORITES, None, "niveau de priorité"),
    "participation": (v.PARTICIPATIONS, FicheAction.Participation, "niveau de participation"),
}


@dataclass
class FichePlan:
    ligne: int
    numero: str = ""
    axe: int | None = None
    valeurs: dict[str, Any] = field(default_factory=dict)
    porteur: str | None = None
    m2m: dict[str, set] = field(default_factory=dict)
    financements: list[tuple[str, int, Decimal, str]] = field(default_factory=list)
    indicateurs: list[str] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)
    action: str = ""
    changements: list[str] = field(default_factory=list)


class _Ligne:
    """Reads the cells of one row, collecting errors that name the row and the column."""

    def __init__(self, plan: FichePlan, cellules: dict):
        self.plan, self.cellules = plan, cellules

    def brut(self, cle: str) -> Any:
        return self.cellules[cle][1] if cle in self.cellules else ""

    def erreur(self, cle: str, message: str) -> None:
        entete = self.cellules[cle][0] if cle in self.cellules else None
        colonne = designation_colonne("programme", cle, entete)
        self.plan.erreurs.append(f"Ligne {self.plan.ligne}, {colonne} : {message}")

    def lire(self, cle: str, fonction, *args) -> Any:
        try:
            return fonction(self.brut(cle), *args)
        except (v.ValeurInvalide, Introuvable) as exc:
            self.erreur(cle, str(exc))
            return None


def lire_ligne(numero: int, cellules: dict, refs: References, colonnes: set) -> FichePlan:
    plan = FichePlan(ligne=numero)
    lecteur = _Ligne(plan, cellules)
    _lire_textes(lecteur, colonnes)
    _lire_axe(lecteur, refs, colonnes)
    if "numero" in colonnes:
        plan.numero = v.texte(lecteur.brut("numero"))
        if len(plan.numero) > 20:
            lecteur.erreur("numero", f"numéro trop long « {plan.numero} » (20 caractères)")
    for cle in ("date_debut", "date_fin"):
        if cle in colonnes:
            plan.valeurs[cle] = lecteur.lire(cle, v.date)
    for cle, (table, _choices, quoi) in CHOIX.items():
        if cle in colonnes and (valeur := lecteur.lire(cle, v.choix, table, _libelles(cle), quoi)):
            plan.valeurs[cle] = valeur
    _lire_listes(lecteur, refs, colonnes)
    _lire_objectifs(lecteur, refs, colonnes)
    _lire_financements(lecteur, refs, colonnes)
    if "indicateurs" in colonnes:
        plan.indicateurs = [i[:250] for i in v.lignes(lecteur.brut("indicateurs"))]
    debut, fin = plan.valeurs.get("date_debut"), plan.valeurs.get("date_fin")
    if debut and fin and fin < debut:
        lecteur.erreur("date_fin", "la date de fin précède la date de début")
    return plan


def _libelles(cle: str) -> list[str]:
    if cle == "priorite":
        return ["haute", "moyenne", "basse"]
    return [label.lower() for label in CHOIX[cle][1].labels]


def _lire_textes(lecteur: _Ligne, colonnes: set) -> None:
    plan = lecteur.plan
    for cle in TEXTES:
        if cle in colonnes:
            plan.valeurs[cle] = v.texte(lecteur.brut(cle))
    if "titre" in colonnes:
        titre = plan.valeurs["titre"]
        if "numero" not in colonnes:
            plan.numero, plan.valeurs["titre"] = numerotation(titre)
            titre = plan.valeurs["titre"]
        if not titre:
            lecteur.erreur("titre", "le titre de la fiche est obligatoire")
        elif len(titre) > LONGUEURS["titre"]:
            lecteur.erreur("titre", f"titre trop long ({len(titre)} caractères, 250 au plus)")


def _lire_axe(lecteur: _Ligne, refs: References, colonnes: set) -> None:
    plan = lecteur.plan
    numero, titre, cle = None, "", "axe_numero"
    if "axe" in colonnes and (brut := v.texte(lecteur.brut("axe"))):
        cle = "axe"
        code, titre = numerotation(brut)
        if code:
            numero = code.split(".")[0]
    if "axe_titre" in colonnes and (brut := v.texte(lecteur.brut("axe_titre"))):
        titre = brut
    if "axe_numero" in colonnes and (brut := v.texte(lecteur.brut("axe_numero"))):
        numero, cle = brut.removeprefix("Axe ").strip(), "axe_numero"
    if numero is not None and not str(numero).isdigit():
        lecteur.erreur(cle, f"numéro d'axe illisible « {numero} » (attendu un nombre entier)")
        return
    if numero is None and not titre:
        if plan.numero and plan.numero in refs.fiches:
            plan.axe = refs.fiches[plan.numero].axe.numero
            return
        lecteur.erreur(cle if cle in colonnes else "axe_titre", "l'axe de la fiche est manquant")
        return
    try:
        plan.axe = refs.axe(int(numero) if numero is not None else None, titre[:250])
    except Introuvable as exc:
        lecteur.erreur(cle, str(exc))


def _lire_listes(lecteur: _Ligne, refs: References, colonnes: set) -> None:
    plan = lecteur.plan
    if "publics" in colonnes:
        codes = [lecteur.lire("publics", lambda _b, n=n: refs.public(n)) for n in
                 _publics(lecteur.brut("publics"), refs)]  # fmt: skip
        plan.valeurs["publics"] = list(dict.fromkeys(c for c in codes if c))
    if "communes" in colonnes:
        ids = [lecteur.lire("communes", lambda _b, n=n: refs.commune(n)) for n in
               v.liste(lecteur.brut("communes"))]  # fmt: skip
        plan.m2m["communes"] = {i for i in ids if i}
    extras: list[str] = []
    if "porteur" in colonnes:
        noms = _noms(lecteur.brut("porteur"), refs)
        plan.porteur = (
            lecteur.lire("porteur", lambda _b: refs.organisation(noms[0])) if noms else ""
        )
        extras = list(noms[1:])
        if extras:
            plan.avertissements.append(
                f"Ligne {plan.ligne} : « {noms[0]} » porte l'action ; "
                f"{', '.join(extras)} en devien(nen)t partenaire(s)."
            )
    if "partenaires" in colonnes or extras:
        noms = _noms(lecteur.brut("partenaires"), refs) + extras
        cles = [lecteur.lire("partenaires", lambda _b, n=n: refs.organisation(n)) for n in noms]
        plan.m2m["partenaires"] = {c for c in cles if c}
        if "partenaires" not in colonnes:
            plan.m2m["partenaires_ajout"] = plan.m2m.pop("partenaires")


def _publics(brut: Any, refs: References) -> list[str]:
    """Publics of a cell; a label containing a comma (« Personnes migrantes, étrangères
    ou allophones ») is kept whole, alone or among others."""
    return _liste_connue(brut, refs.publics)


def _noms(brut: Any, refs: References) -> list[str]:
    """Organisation names of a cell; a known name containing a comma is kept whole."""
    return _liste_connue(brut, refs.organisations)


def _liste_connue(brut: Any, connus) -> list[str]:
    """Split a list cell, then glue back the pieces that form a known comma-holding name."""
    morceaux = v.liste(brut)
    items, i = [], 0
    while i < len(morceaux):
        for j in range(len(morceaux), i + 1, -1):  # the longest known name first
            candidat = ", ".join(morceaux[i:j])
            if normaliser(candidat) in connus:
                items.append(candidat)
                i = j
                break
        else:
            items.append(morceaux[i])
            i += 1
    return items


def _lire_objectifs(lecteur: _Ligne, refs: References, colonnes: set) -> None:
    plan = lecteur.plan
    if plan.axe is None or not ({"objectifs", "sous_axe", "sous_sous_axe"} & colonnes):
        return
    cibles: set = set()
    for ligne in v.lignes(lecteur.brut("objectifs")) if "objectifs" in colonnes else []:
        code, intitule = code_et_intitule(ligne)
        niveau = Objectif.Niveau.GENERAL
        ref = lecteur.lire(
            "objectifs",
            lambda _b, c=code, i=intitule, n=niveau: refs.objectif(plan.axe, c, i, n),
        )
        cibles |= {ref} - {None}
    parent = None
    for cle, niveau in (("sous_axe", "general"), ("sous_sous_axe", "specifique")):
        if cle in colonnes and (brut := v.texte(lecteur.brut(cle))):
            code, intitule = numerotation(brut)
            ref = lecteur.lire(
                cle,
                lambda _b, c=code, i=intitule, n=niveau, p=parent: refs.objectif(
                    plan.axe, c, i[:2000], n if p else "general", p
                ),
            )
            parent = ref or parent
    if parent:
        cibles.add(parent)  # the deepest level given
    plan.m2m["objectifs"] = cibles


def _lire_financements(lecteur: _Ligne, refs: References, colonnes: set) -> None:
    plan = lecteur.plan
    for n in range(1, 20):
        cle = f"financeur:{n}"
        if cle not in colonnes:
            continue
        noms = _noms(lecteur.brut(cle), refs)
        montant = lecteur.lire(f"montant:{n}", v.montant) if f"montant:{n}" in colonnes else None
        if not noms:
            continue
        if montant is None:
            if not v.texte(lecteur.brut(f"montant:{n}")):
                plan.avertissements.append(
                    f"Ligne {plan.ligne} : financement de « {noms[0]} » ignoré (pas de montant)."
                )
            continue
        if len(noms) > 1:
            plan.avertissements.append(
                f"Ligne {plan.ligne} : un seul montant pour {', '.join(noms)} ; "
                f"il est attribué à « {noms[0]} »."
            )
        financeur = lecteur.lire(cle, lambda _b, nom=noms[0]: refs.organisation(nom))
        annee = lecteur.lire(f"annee:{n}", v.annee) if f"annee:{n}" in colonnes else None
        statut = None
        if f"statut_fin:{n}" in colonnes:
            statut = lecteur.lire(
                f"statut_fin:{n}",
                v.choix,
                v.STATUTS_FINANCEMENT,
                ["sollicité", "acquis", "versé"],
                "statut de financement",
            )
        if financeur:
            plan.financements.append((financeur, annee or 0, montant, statut))
