"""The CLSanté templates (programme, directory) in XLSX, ODS and CSV.

The programme template has the columns of the programme export (``export.py``), so an
export is a filled template. XLSX and ODS carry a second sheet « Aide » describing each
column and the words it accepts.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from clsante.core.tableaux import neutraliser, ods_octets
from clsante.imports.champs import champs

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
        "publics": "precaires; qpv",
        "publics_texte": "Habitants des quartiers prioritaires.",
        "communes": "",
        "porteur": "Centre social (exemple)",
        "partenaires": "CPAM (exemple); Centre hospitalier (exemple)",
        "date_debut": "01/01/2025",
        "date_fin": "31/12/2027",
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


def _aide(type_: str, cles: list[str]) -> list[list[str]]:
    index = champs(type_)
    return [["Colonne", "Contenu et valeurs acceptées"]] + [
        [index[c].titre, index[c].aide] for c in cles
    ]


def _feuilles(type_: str) -> tuple[list[list[Any]], list[list[str]]]:
    cles = colonnes(type_)
    exemple = [EXEMPLES[type_].get(c, "") for c in cles]
    return [titres(type_, cles), exemple], _aide(type_, cles)


NOMS = {"programme": ("Programme", "modele-programme"), "annuaire": ("Annuaire", "modele-annuaire")}
TYPES_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
}


def octets_xlsx(feuilles: list[tuple[str, list[list[Any]]]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for titre, lignes in feuilles:
        ws = wb.create_sheet(titre[:31])
        for ligne in lignes:
            ws.append([neutraliser(v) for v in ligne])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def octets_csv(lignes: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for ligne in lignes:
        writer.writerow(["" if v is None else neutraliser(v) for v in ligne])
    return buffer.getvalue().encode("utf-8-sig")


def reponse(nom: str, format_: str, feuilles: list[tuple[str, list[list[Any]]]]) -> HttpResponse:
    if format_ == "xlsx":
        contenu = octets_xlsx(feuilles)
    elif format_ == "ods":
        neutres = [(t, [[neutraliser(v) for v in ligne] for ligne in rows]) for t, rows in feuilles]
        contenu = ods_octets(neutres)
    else:
        contenu = octets_csv(feuilles[0][1])
    response = HttpResponse(contenu, content_type=TYPES_MIME[format_])
    response["Content-Disposition"] = f'attachment; filename="{nom}.{format_}"'
    return response


def reponse_modele(type_: str, format_: str) -> HttpResponse:
    donnees, aide = _feuilles(type_)
    titre, nom = NOMS[type_]
    return reponse(nom, format_, [(titre, donnees), ("Aide", aide)])
