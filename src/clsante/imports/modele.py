"""The CLSanté templates (programme, directory) in XLSX, ODS and CSV.

The programme template has the columns of the programme export (``export.py``), so an
export is a filled template. XLSX and ODS carry a second sheet « Aide » describing each
column and the words it accepts.
"""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

from django.http import HttpResponse

from clsante.core.tableaux import neutraliser
from clsante.imports.champs import champs
from clsante.imports.classeurs import Feuille, octets_xlsx
from clsante.imports.classeurs_ods import octets_ods
from clsante.imports.presentation import feuille_aide, feuille_donnees

FINANCEMENTS_MODELE = 3
COLONNES_PROGRAMME = [
    "axe_numero", "axe_titre", "numero", "titre", "contexte", "objectifs_texte", "description",
    "modalites", "objectifs", "publics", "publics_texte", "communes", "porteur", "partenaires",
    "date_debut", "date_fin", "statut", "priorite", "participation", "objectif_prs",
    "indicateurs",
]  # fmt: skip
COLONNES_ANNUAIRE = [
    "organisation", "type", "secteur", "siret", "commune", "prenom", "nom", "fonction", "email",
    "telephone",
]  # fmt: skip


def colonnes_financement(n: int) -> list[str]:
    return [f"{c}:{i}" for i in range(1, n + 1) for c in ("financeur", "montant", "annee",
                                                          "statut_fin")]  # fmt: skip


def colonnes(type_: str, financements: int = FINANCEMENTS_MODELE) -> list[str]:
    if type_ == "annuaire":
        return COLONNES_ANNUAIRE
    return COLONNES_PROGRAMME + colonnes_financement(financements)


EXEMPLES = {
    "programme": {
        "axe_numero": 1,
        "axe_titre": "Garantir l'accès aux soins et aux droits",
        "numero": "1.1",
        "titre": "Médiation en santé dans les quartiers prioritaires",
        "contexte": "Une part des habitants renonce aux soins faute d'accompagnement.",
        "objectifs_texte": "Réduire le non-recours aux droits et aux soins.",
        "description": "Une médiatrice en santé accompagne les habitants vers les droits.",
        "modalites": "Permanences hebdomadaires au centre social.",
        "objectifs": "",
        "publics": "Personnes en situation de précarité; Habitants des quartiers prioritaires",
        "publics_texte": "Habitants des quartiers prioritaires.",
        "communes": "",
        "porteur": "Centre social (exemple)",
        "partenaires": "CPAM (exemple); Centre hospitalier (exemple)",
        "date_debut": datetime.date(2025, 1, 1),
        "date_fin": datetime.date(2027, 12, 31),
        "statut": "En cours",
        "priorite": "Haute",
        "participation": "Consultation",
        "objectif_prs": "",
        "indicateurs": "Nombre de personnes accompagnées\nNombre d'ouvertures de droits",
        "financeur:1": "ARS (exemple)",
        "montant:1": 20000,
        "annee:1": 2025,
        "statut_fin:1": "Acquis",
    },
    "annuaire": {
        "organisation": "Centre social (exemple)",
        "type": "Association",
        "secteur": "Social",
        "siret": "",
        "commune": "",
        "prenom": "Camille",
        "nom": "Exemple",
        "fonction": "Directrice",
        "email": "camille.exemple@example.org",
        "telephone": "02 98 00 00 00",
    },
}


def titres(type_: str, cles: list[str]) -> list[str]:
    index = champs(type_)
    return [index[c].titre for c in cles]


def _feuilles(type_: str) -> list[Feuille]:
    cles = colonnes(type_)
    exemple = [EXEMPLES[type_].get(c, "") for c in cles]
    titre = NOMS[type_][0]
    return [feuille_donnees(type_, titre, cles, [exemple]), feuille_aide(type_, cles)]


NOMS = {"programme": ("Programme", "modele-programme"), "annuaire": ("Annuaire", "modele-annuaire")}
TYPES_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
}


def _texte_csv(valeur: Any) -> Any:
    if valeur is None:
        return ""
    if isinstance(valeur, datetime.date):
        return valeur.strftime("%d/%m/%Y")
    return neutraliser(valeur)


def octets_csv(lignes: list[list[Any]]) -> bytes:
    """The template as a CSV for a French spreadsheet: « ; », BOM, dates JJ/MM/AAAA."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for ligne in lignes:
        writer.writerow([_texte_csv(v) for v in ligne])
    return buffer.getvalue().encode("utf-8-sig")


def reponse(nom: str, format_: str, feuilles: list[Feuille]) -> HttpResponse:
    """The sheets as an XLSX or ODS workbook, or the first one as a CSV."""
    if format_ == "xlsx":
        contenu = octets_xlsx(feuilles)
    elif format_ == "ods":
        contenu = octets_ods(feuilles)
    else:
        contenu = octets_csv(feuilles[0].lignes)
    response = HttpResponse(contenu, content_type=TYPES_MIME[format_])
    response["Content-Disposition"] = f'attachment; filename="{nom}.{format_}"'
    return response


def reponse_modele(type_: str, format_: str) -> HttpResponse:
    return reponse(NOMS[type_][1], format_, _feuilles(type_))
