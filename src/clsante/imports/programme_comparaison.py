"""Compare the rows of a programme with the contract's fiches: which fiche each row is,
and whether importing it would create, modify (which fields) or leave that fiche unchanged.
"""

from __future__ import annotations

import datetime

from clsante.imports.champs import normaliser
from clsante.imports.programme_lignes import FichePlan
from clsante.imports.references import References
from clsante.programme.models import FicheAction
from clsante.programme.pilotage.arbre import ordre_fiche


def numeroter(plans: list[FichePlan], refs: References) -> None:
    """Find the fiche of each row without a number, and report duplicates.

    Such a row is the fiche of its axe with the same title (case and accents ignored) when
    there is one; otherwise it is new and takes the number after the highest of its axe
    (1.10 after 1.9), never one already used in the contract or the file.
    """
    vus = _numeros_du_fichier(plans)
    pris = set(refs.fiches) | set(vus)
    par_titre: dict[tuple, list[str]] = {}
    for fiche in refs.fiches.values():
        par_titre.setdefault((fiche.axe.numero, normaliser(fiche.titre)), []).append(fiche.numero)
    titres_vus: dict[tuple, int] = {}
    for plan in plans:
        titre = plan.valeurs.get("titre")
        if plan.numero or plan.axe is None or not titre:
            continue
        cle = (plan.axe, normaliser(titre))
        if cle in titres_vus:
            plan.erreurs.append(
                f"Ligne {plan.ligne} : la fiche « {titre} » figure déjà ligne {titres_vus[cle]} "
                f"dans l'axe {plan.axe} ; donnez un numéro de fiche à chacune"
            )
            continue
        titres_vus[cle] = plan.ligne
        numeros = sorted(par_titre.get(cle, []), key=ordre_numero)
        if len(numeros) > 1:
            plan.erreurs.append(
                f"Ligne {plan.ligne} : plusieurs fiches de l'axe {plan.axe} s'intitulent "
                f"« {titre} » ({', '.join(numeros)}) ; ajoutez une colonne « Numéro de fiche »"
            )
            continue
        if numeros and numeros[0] in vus:
            plan.erreurs.append(
                f"Ligne {plan.ligne} : la fiche {numeros[0]} « {titre} » est déjà décrite "
                f"ligne {vus[numeros[0]]}"
            )
            continue
        plan.numero = numeros[0] if numeros else _suivant(plan.axe, pris)
        pris.add(plan.numero)
        vus[plan.numero] = plan.ligne


def _numeros_du_fichier(plans: list[FichePlan]) -> dict[str, int]:
    """The numbers given in the file (number → first row), with the duplicates errors."""
    vus: dict[str, int] = {}
    for plan in plans:
        if plan.numero:
            if plan.numero in vus:
                plan.erreurs.append(
                    f"Ligne {plan.ligne}, colonne « Numéro de fiche » : numéro de fiche "
                    f"« {plan.numero} » en double (déjà utilisé ligne {vus[plan.numero]})"
                )
            vus.setdefault(plan.numero, plan.ligne)
    return vus


def ordre_numero(numero: str) -> tuple:
    return ordre_fiche(FicheAction(numero=numero))


def _suivant(axe: int, pris: set[str]) -> str:
    """The number after the highest « axe.n » taken (numbers of other shapes are skipped)."""
    rangs = [ordre_numero(n) for n in pris if n.split(".")[0] == str(axe)]
    dernier = max((r[1][1] for r in rangs if len(r) > 1 and r[1][0] == 0), default=0)
    return f"{axe}.{dernier + 1}"


def annee_par_defaut(plan: FichePlan, fiche, contrat) -> int:
    debut = plan.valeurs.get("date_debut") or (fiche.date_debut if fiche else None)
    debut = debut or contrat.date_debut or datetime.date.today()
    return debut.year


def comparer(plan: FichePlan, refs: References, colonnes: set, contrat) -> None:
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
            changes.append(FicheAction._meta.get_field(cle).verbose_name.capitalize())
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
