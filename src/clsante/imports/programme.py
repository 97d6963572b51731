"""Check a programme spreadsheet row by row and say what importing it would change.

``analyser`` writes nothing: it returns, for each row, the fiche it describes (a
``FichePlan``), whether that fiche would be created, modified (which fields) or left
unchanged, and every error in French naming the spreadsheet's row and column.

The columns of the mapping are the only fields the file speaks for: a field no column is
matched to is left as it is. Funding and indicators are added or updated, never deleted.
A fiche is identified by its number in the contract; a row without a number takes one
from its title (« 1.2. Titre ») or, failing that, the next free « axe.n » in file order,
so that importing the same file again finds the same fiches.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from clsante.imports import valeurs as v
from clsante.imports.champs import normaliser, titre_de
from clsante.imports.lecture import Classeur
from clsante.imports.references import (
    Introuvable,
    References,
    code_et_intitule,
    numerotation,
)
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


@dataclass
class Analyse:
    plans: list[FichePlan]
    refs: References
    erreurs: list[str]

    def rapport(self) -> dict:
        totaux = {"creee": 0, "modifiee": 0, "inchangee": 0, "erreur": 0}
        for plan in self.plans:
            totaux[plan.action] += 1
        refs = self.refs
        return {
            "lignes": [
                {
                    "ligne": p.ligne,
                    "numero": p.numero,
                    "titre": p.valeurs.get("titre") or _titre_existant(refs, p.numero),
                    "action": p.action,
                    "changements": p.changements,
                    "erreurs": p.erreurs,
                    "avertissements": p.avertissements,
                }
                for p in self.plans
            ],
            "erreurs": self.erreurs,
            "avertissements": [a for p in self.plans for a in p.avertissements],
            "totaux": totaux,
            "organisations_creees": sorted(refs.nouvelles_organisations.values()),
            "axes_crees": [f"Axe {n} — {t}" for n, t in sorted(refs.nouveaux_axes.items())],
            "axes_renommes": [f"Axe {n} — {t}" for n, t in sorted(refs.axes_renommes.items())],
            "objectifs_crees": [
                f"{o.code} {o.intitule}".strip() for o in refs.nouveaux_objectifs.values()
            ],
        }


def _titre_existant(refs: References, numero: str) -> str:
    fiche = refs.fiches.get(numero)
    return fiche.titre if fiche else ""


def lignes_de_donnees(classeur: Classeur, correspondance: dict) -> list[tuple[int, dict]]:
    """(row number, {field: (column title, raw value)}) for each non-empty data row."""
    lignes = classeur.feuilles.get(correspondance["feuille"], [])
    n_entetes = correspondance["ligne_entetes"]
    entetes = lignes[n_entetes - 1] if 0 < n_entetes <= len(lignes) else []
    colonnes = correspondance["colonnes"]
    resultat = []
    for numero in range(correspondance["premiere_ligne"], len(lignes) + 1):
        ligne = lignes[numero - 1]
        if not any(str(c).strip() for c in ligne):
            continue
        cellules = {}
        for i, cle in enumerate(colonnes):
            if cle:
                titre = str(entetes[i]).strip() if i < len(entetes) else f"colonne {i + 1}"
                cellules[cle] = (titre, ligne[i] if i < len(ligne) else "")
        resultat.append((numero, cellules))
    return resultat


def analyser(contrat, classeur: Classeur, correspondance: dict) -> Analyse:
    refs = References.charger(contrat)
    colonnes = set(correspondance["colonnes"])
    plans = [_lire_ligne(n, cellules, refs, colonnes) for n, cellules in lignes_de_donnees(
        classeur, correspondance)]  # fmt: skip
    _numeroter(plans, refs)
    for plan in plans:
        _comparer(plan, refs, colonnes, contrat)
    erreurs = [e for p in plans for e in p.erreurs]
    if not plans:
        erreurs.append("Le fichier ne contient aucune ligne de données sous les en-têtes.")
    return Analyse(plans, refs, erreurs)


class _Ligne:
    """Reads the cells of one row, collecting errors that name the row and the column."""

    def __init__(self, plan: FichePlan, cellules: dict):
        self.plan, self.cellules = plan, cellules

    def brut(self, cle: str) -> Any:
        return self.cellules[cle][1] if cle in self.cellules else ""

    def erreur(self, cle: str, message: str) -> None:
        colonne = self.cellules[cle][0] if cle in self.cellules else titre_de("programme", cle)
        self.plan.erreurs.append(f"Ligne {self.plan.ligne}, colonne « {colonne} » : {message}")

    def lire(self, cle: str, fonction, *args) -> Any:
        try:
            return fonction(self.brut(cle), *args)
        except (v.ValeurInvalide, Introuvable) as exc:
            self.erreur(cle, str(exc))
            return None


def _lire_ligne(numero: int, cellules: dict, refs: References, colonnes: set) -> FichePlan:
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
                 v.liste(lecteur.brut("publics"))]  # fmt: skip
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


def _noms(brut: Any, refs: References) -> list[str]:
    """Organisation names of a cell; a known name containing a comma is kept whole."""
    texte = v.texte(brut)
    if normaliser(texte) in refs.organisations:
        return [texte]
    return v.liste(texte)


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


def _numeroter(plans: list[FichePlan], refs: References) -> None:
    """Numbers for rows without one, and the duplicates error."""
    vus: dict[str, int] = {}
    for plan in plans:
        if plan.numero:
            if plan.numero in vus:
                plan.erreurs.append(
                    f"Ligne {plan.ligne}, colonne « Numéro de fiche » : numéro de fiche "
                    f"« {plan.numero} » en double (déjà utilisé ligne {vus[plan.numero]})"
                )
            vus.setdefault(plan.numero, plan.ligne)
    compteurs: dict[int, int] = {}
    for plan in plans:
        if plan.numero or plan.axe is None:
            continue
        k = compteurs.get(plan.axe, 0)
        while True:
            k += 1
            numero = f"{plan.axe}.{k}"
            if numero not in vus:
                break
        compteurs[plan.axe] = k
        plan.numero = numero
        vus[numero] = plan.ligne


def annee_par_defaut(plan: FichePlan, fiche, contrat) -> int:
    debut = plan.valeurs.get("date_debut") or (fiche.date_debut if fiche else None)
    debut = debut or contrat.date_debut or datetime.date.today()
    return debut.year


def _comparer(plan: FichePlan, refs: References, colonnes: set, contrat) -> None:
    fiche = refs.fiches.get(plan.numero)
    plan.financements = [
        (f, a or annee_par_defaut(plan, fiche, contrat), m, s) for f, a, m, s in plan.financements
    ]
    if plan.erreurs:
        plan.action = "erreur"
        return
    if fiche is None:
        if "titre" not in plan.valeurs:
            plan.erreurs.append(
                f"Ligne {plan.ligne} : la fiche {plan.numero} n'existe pas et aucun titre "
                "n'est donné pour la créer"
            )
            plan.action = "erreur"
            return
        plan.action = "creee"
        return
    _verifier_dates(plan, fiche)
    if plan.erreurs:
        plan.action = "erreur"
        return
    plan.changements = _differences(plan, fiche, refs)
    plan.action = "modifiee" if plan.changements else "inchangee"


def _verifier_dates(plan: FichePlan, fiche) -> None:
    debut = plan.valeurs.get("date_debut", fiche.date_debut)
    fin = plan.valeurs.get("date_fin", fiche.date_fin)
    if debut and fin and fin < debut:
        plan.erreurs.append(
            f"Ligne {plan.ligne} : la date de fin précède la date de début de la fiche"
        )


def _differences(plan: FichePlan, fiche, refs: References) -> list[str]:
    from clsante.programme.models import FicheAction as F

    changes = []
    for cle, valeur in plan.valeurs.items():
        actuel = getattr(fiche, cle)
        if cle == "publics":
            differe = set(actuel) != set(valeur)
        elif isinstance(actuel, str):
            differe = actuel.replace("\r\n", "\n").strip() != (valeur or "")
        else:
            differe = (actuel or None) != (valeur or None)
        if differe:
            changes.append(F._meta.get_field(cle).verbose_name.capitalize())
    if plan.axe is not None and fiche.axe.numero != plan.axe:
        changes.append("Axe")
    if plan.porteur is not None:
        actuel = normaliser(fiche.porteur.nom) if fiche.porteur else ""
        if actuel != plan.porteur:
            changes.append("Porteur")
    partenaires = {normaliser(o.nom) for o in fiche.partenaires.all()}
    if "partenaires" in plan.m2m and plan.m2m["partenaires"] != partenaires:
        changes.append("Partenaires")
    if plan.m2m.get("partenaires_ajout", set()) - partenaires:
        changes.append("Partenaires")
    if "communes" in plan.m2m and plan.m2m["communes"] != {c.pk for c in fiche.communes.all()}:
        changes.append("Communes")
    if "objectifs" in plan.m2m:
        actuels = {("id", o.pk) for o in fiche.objectifs.all()}
        if plan.m2m["objectifs"] != actuels:
            changes.append("Objectifs du contrat")
    if _financements_changent(plan, fiche):
        changes.append("Financements")
    libelles = {normaliser(i.libelle) for i in fiche.indicateurs.all()}
    if any(normaliser(i) not in libelles for i in plan.indicateurs):
        changes.append("Indicateurs")
    return list(dict.fromkeys(changes))


def _financements_changent(plan: FichePlan, fiche) -> bool:
    actuels = {(normaliser(f.financeur.nom), f.annee): f for f in fiche.financements.all()}
    for financeur, annee, montant, statut in plan.financements:
        existant = actuels.get((financeur, annee))
        if existant is None or existant.montant != montant:
            return True
        if statut is not None and existant.statut != statut:
            return True
    return False
