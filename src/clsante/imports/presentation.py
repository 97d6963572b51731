"""How the template's columns read in a spreadsheet: widths by kind of column, wrapped text,
drop-down lists of the words the import accepts, and the « Aide » sheet."""

from __future__ import annotations

from typing import Any

from clsante.grille.referentiel import grille
from clsante.imports.champs import champs
from clsante.imports.classeurs import Feuille
from clsante.programme.models import FicheAction, Financement

LARGEUR_MAX = 60
LARGEURS = {"court": 10, "montant": 12, "date": 13, "choix": 16, "nom": 30, "texte": 45}
GENRES = {
    "axe_numero": "court",
    "numero": "court",
    "annee": "court",
    "montant": "montant",
    "date_debut": "date",
    "date_fin": "date",
    "statut": "choix",
    "priorite": "choix",
    "participation": "choix",
    "statut_fin": "choix",
    "porteur": "nom",
    "financeur": "nom",
    "axe_titre": "nom",
    "organisation": "nom",
    "type": "nom",
    "secteur": "nom",
    "commune": "nom",
    "email": "nom",
    "fonction": "nom",
    "prenom": "choix",
    "nom": "choix",
    "siret": "choix",
    "telephone": "choix",
}
# The words of the drop-down lists: the labels CLSanté shows, all accepted by the import.
LISTES = {
    "statut": list(FicheAction.Statut.labels),
    "priorite": ["Haute", "Moyenne", "Basse"],
    "participation": list(FicheAction.Participation.labels),
    "statut_fin": list(Financement.Statut.labels),
}


def _base(cle: str) -> str:
    return cle.split(":")[0]


def genre(cle: str) -> str:
    return GENRES.get(_base(cle), "texte")


def largeur(cle: str, titre: str) -> int:
    """Wide enough for the column's kind of content and its title on at most two lines."""
    return min(max(LARGEURS[genre(cle)], (len(titre) + 3) // 2 + 2), LARGEUR_MAX)


def feuille_donnees(type_: str, titre: str, cles: list[str], lignes: list[list[Any]]) -> Feuille:
    """A sheet of the template's columns: the titles, then ``lignes``."""
    index = champs(type_)
    titres = [index[c].titre for c in cles]
    return Feuille(
        titre,
        [titres, *lignes],
        largeurs=[largeur(c, t) for c, t in zip(cles, titres, strict=True)],
        listes={i: LISTES[_base(c)] for i, c in enumerate(cles) if _base(c) in LISTES},
        a_la_ligne={i for i, c in enumerate(cles) if genre(c) in ("texte", "nom")},
    )


def feuille_aide(type_: str, cles: list[str]) -> Feuille:
    index = champs(type_)
    lignes = [["Colonne", "Contenu et valeurs acceptées"]]
    for cle in cles:
        aide = index[cle].aide
        if _base(cle) in LISTES:
            aide += f" Liste déroulante : {', '.join(LISTES[_base(cle)])}."
        if cle == "publics":
            libelles = [p.libelle for p in grille().axe("publics").values()]
            aide += f" Libellés : {' ; '.join(libelles)}."
        lignes.append([index[cle].titre, aide])
    return Feuille("Aide", lignes, largeurs=[30, 90], a_la_ligne={0, 1})
