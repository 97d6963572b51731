"""Check a programme spreadsheet row by row and say what importing it would change.

``analyser`` writes nothing: it returns, for each row, the fiche it describes (a
``FichePlan``, read by ``programme_lignes``), whether that fiche would be created,
modified (which fields) or left unchanged (``programme_comparaison``), and every error in
French naming the spreadsheet's row and column.

The columns of the mapping are the only fields the file speaks for: a field no column is
matched to is left as it is. Funding and indicators are added or updated, never deleted.
A fiche is identified by its number in the contract; a row without a number takes one from
its title (« 1.2. Titre »), or is the fiche of its axe with the same title, or else gets
the number after the highest of its axe: importing the same file again finds the same
fiches.
"""

from __future__ import annotations

from dataclasses import dataclass

from clsante.imports.correspondance import lignes_de_donnees
from clsante.imports.lecture import Classeur
from clsante.imports.programme_comparaison import comparer, numeroter
from clsante.imports.programme_lignes import FichePlan, lire_ligne
from clsante.imports.references import References

__all__ = ["Analyse", "FichePlan", "analyser"]


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


def analyser(contrat, classeur: Classeur, correspondance: dict) -> Analyse:
    """The analysis of every data row of the file (nothing is written)."""
    refs = References.charger(contrat)
    colonnes = set(correspondance["colonnes"])
    lignes = lignes_de_donnees(classeur, correspondance)
    plans = [lire_ligne(n, cellules, refs, colonnes) for n, cellules in lignes]
    numeroter(plans, refs)
    for plan in plans:
        comparer(plan, refs, colonnes, contrat)
    erreurs = [e for p in plans for e in p.erreurs]
    if not plans:
        erreurs.append("Le fichier ne contient aucune ligne de données sous les en-têtes.")
    return Analyse(plans, refs, erreurs)
