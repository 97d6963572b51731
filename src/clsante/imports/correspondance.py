"""Match the columns of a spreadsheet of any layout to CLSanté's fields.

A mapping (``Correspondance`` data) is a dict:
``{"feuille": name, "ligne_entetes": n, "premiere_ligne": m, "colonnes": [key or ""]}``
with one entry per source column ("" = ignored); rows are numbered as in the spreadsheet.

Suggestions, in order: the exact title of the CLSanté template, a synonym, a numbered
funding column (« Financeur 2 »), an amount column without number right after a funder
(the Territoires en Transitions layout repeats « Montant € HT » after each « Financeur n »),
then the closest synonym by difflib when it is very close (ratio ≥ 0.85). Each field is
suggested for one column only, the first.
"""

from __future__ import annotations

import difflib
import hashlib
import re

from clsante.imports.champs import CHAMPS, FINANCEMENTS_MAX, nom_machine, normaliser
from clsante.imports.lecture import Classeur, Ligne

LIGNES_ENTETE_MAX = 10
# Words of the hint rows that some templates put between the header and the data
# (« Champ texte », « Saisissez une date… »): such rows are skipped by the suggestion.
MOTS_CONSIGNES = ("champ ", "saisissez", "indiquez", "renseignez", "ce champ", "choisissez")


def _index(type_: str) -> dict[str, str]:
    """Normalised title or synonym → field key."""
    index = {}
    for champ in CHAMPS[type_]:
        for nom in (*champ.synonymes, champ.titre):
            index.setdefault(normaliser(nom), champ.cle)
        index[normaliser(champ.titre)] = champ.cle
        index[normaliser(nom_machine(champ.cle))] = champ.cle  # names of the CSV export
    return index


def suggerer_colonne(
    type_: str, entete: object, index: dict[str, str] | None = None, *, approche: bool = True
) -> str:
    """The field a single header suggests, or "" (``approche``: also by close spelling)."""
    index = index or _index(type_)
    norme = normaliser(entete)
    if not norme:
        return ""
    if norme in index:
        return index[norme]
    numerote = re.fullmatch(r"(financeur|montant|annee|statut du financement) (\d+)", norme)
    if type_ == "programme" and numerote and 1 <= int(numerote.group(2)) <= FINANCEMENTS_MAX:
        prefixe = {"statut du financement": "statut_fin"}.get(numerote.group(1), numerote.group(1))
        return f"{prefixe}:{int(numerote.group(2))}"
    if not approche:
        return ""
    proches = difflib.get_close_matches(norme, list(index), n=1, cutoff=0.85)
    return index[proches[0]] if proches else ""


def suggerer(type_: str, entetes: list[object]) -> list[str]:
    """One suggested field (or "") per header."""
    index = _index(type_)
    colonnes: list[str] = []
    pris: set[str] = set()
    dernier_financeur = 0
    for entete in entetes:
        cle = suggerer_colonne(type_, entete, index, approche=False)
        norme = normaliser(entete)
        if not cle and dernier_financeur and norme.startswith("montant"):
            cle = f"montant:{dernier_financeur}"  # « Montant € HT » after « Financeur n »
        cle = cle or suggerer_colonne(type_, entete, index)
        dernier_financeur = int(cle.split(":")[1]) if cle.startswith("financeur:") else 0
        if cle in pris:
            cle = ""
        if cle:
            pris.add(cle)
        colonnes.append(cle)
    return colonnes


def _score(type_: str, ligne: Ligne) -> int:
    return sum(1 for c in suggerer(type_, ligne) if c)


def _est_consigne(ligne: Ligne) -> bool:
    textes = [normaliser(v) + " " for v in ligne if str(v).strip()]
    if not textes:
        return False
    consignes = sum(1 for t in textes if any(t.startswith(m) or m in t for m in MOTS_CONSIGNES))
    return consignes * 2 >= len(textes)


def proposer(type_: str, classeur: Classeur) -> dict:
    """The best sheet, its header row, first data row and suggested columns."""
    meilleur = None
    for nom, lignes in classeur.feuilles.items():
        for i, ligne in enumerate(lignes[:LIGNES_ENTETE_MAX]):
            score = _score(type_, ligne)
            if meilleur is None or score > meilleur[0]:
                meilleur = (score, nom, i + 1)
    if meilleur is None:
        return {"feuille": "", "ligne_entetes": 1, "premiere_ligne": 2, "colonnes": []}
    _, feuille, ligne_entetes = meilleur
    lignes = classeur.feuilles[feuille]
    premiere = ligne_entetes + 1
    while premiere <= len(lignes) and _est_consigne(lignes[premiere - 1]):
        premiere += 1
    return {
        "feuille": feuille,
        "ligne_entetes": ligne_entetes,
        "premiere_ligne": premiere,
        "colonnes": suggerer(type_, lignes[ligne_entetes - 1]),
    }


def entetes(classeur: Classeur, correspondance: dict) -> list[str]:
    lignes = classeur.feuilles.get(correspondance["feuille"], [])
    n = correspondance["ligne_entetes"]
    return [str(v).strip() for v in lignes[n - 1]] if 0 < n <= len(lignes) else []


def signature(entetes_: list[str]) -> str:
    """A stable fingerprint of a layout: its normalised headers in order."""
    return hashlib.sha256("|".join(normaliser(e) for e in entetes_).encode()).hexdigest()[:40]


def est_modele(type_: str, entetes_: list[str]) -> bool:
    """True when every header is a title of the CLSanté template (no mapping step needed)."""
    titres = {normaliser(n) for c in CHAMPS[type_] for n in (c.titre, nom_machine(c.cle))}
    normes = [normaliser(e) for e in entetes_ if str(e).strip()]
    return bool(normes) and all(n in titres for n in normes) and len(set(normes)) == len(normes)


def manquants(type_: str, colonnes: list[str]) -> list[str]:
    """French messages for required fields no column is matched to."""
    from clsante.imports.champs import OBLIGATOIRES, champs

    messages = []
    for groupe in OBLIGATOIRES[type_]:
        if not set(groupe) & set(colonnes):
            titres = " ou ".join(f"« {champs(type_)[c].titre} »" for c in groupe)
            messages.append(f"Associez une colonne au champ {titres}.")
    return messages


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
