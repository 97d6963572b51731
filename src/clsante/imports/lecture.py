"""Read an uploaded spreadsheet (XLSX, ODS or CSV) into plain rows, refusing hostile files.

The real format is taken from the content, never from the name: XLSX and ODS are zip
archives whose entries are checked before anything is extracted (size, compression ratio:
a zip bomb is refused before it expands), anything else must be readable text (CSV).
Whatever the format, what is read is counted against one ``limites.Budget`` for the whole
workbook (rows, empty ones included, characters, columns, sheets): a small file describing
a huge table is refused before it fills the memory. Only the first ``FEUILLES_MAX`` sheets
are read.

Formulas are never evaluated. An XLSX formula cell is read as the value the spreadsheet
last computed and saved with the file (what the person saw); a formula without such a
value (a file written by a program) is refused with a message naming the cell. In a CSV
a cell starting with ``=`` is just text and is stored as text; exports neutralise it.

ODS is read by streaming its ``content.xml`` (``lecture_ods``) rather than through odfdo.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from typing import IO

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from clsante.imports.lecture_ods import lire_ods
from clsante.imports.limites import (
    COLONNES_MAX,
    FEUILLES_MAX,
    LIGNES_MAX,
    Budget,
    FichierRefuse,
    Ligne,
    rogner,
    rogner_fin,
)

__all__ = ["COLONNES_MAX", "LIGNES_MAX", "Classeur", "FichierRefuse", "Ligne", "lire"]

TAILLE_MAX_DEFAUT = 10 * 1024 * 1024
DECOMPRESSE_MAX = 100 * 1024 * 1024
RATIO_MAX = 100
MIME_ODS = "application/vnd.oasis.opendocument.spreadsheet"


@dataclass
class Classeur:
    format: str  # xlsx, ods, csv
    feuilles: dict[str, list[Ligne]] = field(default_factory=dict)


def taille_max() -> int:
    return getattr(settings, "CLSANTE_IMPORT_TAILLE_MAX", TAILLE_MAX_DEFAUT)


def lire(fichier: IO[bytes], nom: str, taille: int) -> Classeur:
    """The first sheets of the file as lists of cell values (row 1 of the sheet first)."""
    if taille > taille_max():
        mo = taille_max() // (1024 * 1024)
        raise FichierRefuse(f"Le fichier « {nom} » dépasse la taille maximale de {mo} Mo.")
    fichier.seek(0)
    debut = fichier.read(8)
    fichier.seek(0)
    if debut.startswith(b"PK\x03\x04"):
        return _lire_archive(fichier, nom)
    return _lire_csv(fichier.read(), nom)


def _illisible(nom: str) -> FichierRefuse:
    return FichierRefuse(
        f"Le fichier « {nom} » n'est pas un classeur XLSX, ODS ou CSV lisible. "
        "Enregistrez-le depuis votre tableur dans l'un de ces formats."
    )


def _lire_archive(fichier: IO[bytes], nom: str) -> Classeur:
    try:
        archive = zipfile.ZipFile(fichier)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _illisible(nom) from exc
    _verifier_bombe(infos, nom)
    noms = {i.filename for i in infos}
    if "[Content_Types].xml" in noms and "xl/workbook.xml" in noms:
        return _lire_xlsx(fichier, nom)
    ods = "mimetype" in noms and "content.xml" in noms
    if ods and archive.read("mimetype").strip() == MIME_ODS.encode():
        try:
            return Classeur("ods", lire_ods(archive, Budget(nom)))
        except FichierRefuse:
            raise
        except Exception as exc:  # defusedxml refuses entities and DTDs with its own errors
            raise _illisible(nom) from exc
    raise _illisible(nom)


def _verifier_bombe(infos: list[zipfile.ZipInfo], nom: str) -> None:
    """Refuse archives that would expand far beyond their size, before extracting them."""
    total = sum(i.file_size for i in infos)
    gonfle = any(
        i.file_size > 1024 * 1024 and i.file_size > RATIO_MAX * max(i.compress_size, 1)
        for i in infos
    )
    if total > DECOMPRESSE_MAX or gonfle:
        raise FichierRefuse(
            f"Le fichier « {nom} » est refusé : une fois décompressé, il occuperait une taille "
            "anormale (archive piégée ou classeur démesuré)."
        )


# -- XLSX ----------------------------------------------------------------------------------


def _lire_xlsx(fichier: IO[bytes], nom: str) -> Classeur:
    try:
        valeurs = load_workbook(fichier, read_only=True, data_only=True)
        fichier.seek(0)
        formules = load_workbook(fichier, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _illisible(nom) from exc
    classeur = Classeur("xlsx")
    budget = Budget(nom)
    try:
        feuilles = [
            (ws_val, ws_f)
            for ws_val, ws_f in zip(valeurs.worksheets, formules.worksheets, strict=True)
            if hasattr(ws_val, "iter_rows")  # chart sheets have no cells
        ]
        for ws_val, ws_f in feuilles[:FEUILLES_MAX]:
            classeur.feuilles[ws_val.title] = _feuille_xlsx(ws_val, ws_f, budget)
    except FichierRefuse:
        raise
    except Exception as exc:
        raise _illisible(nom) from exc
    finally:
        valeurs.close()
        formules.close()
    return classeur


def _feuille_xlsx(ws_val, ws_f, budget: Budget) -> list[Ligne]:
    """Rows of one sheet; the reader fills gaps with empty rows, which count as rows."""
    limite = {"max_row": max(budget.lignes_restantes, 0) + 1, "max_col": COLONNES_MAX}
    lignes: list[Ligne] = []
    sans_valeur = []
    rangees = zip(
        ws_val.iter_rows(values_only=True, **limite),
        ws_f.iter_rows(values_only=True, **limite),
        strict=False,
    )
    for numero, (val, brut) in enumerate(rangees, start=1):
        budget.ligne()
        for i, b in enumerate(brut):
            if isinstance(b, str) and b.startswith("=") and (i >= len(val) or val[i] is None):
                sans_valeur.append(f"{get_column_letter(i + 1)}{numero}")
        ligne = rogner(val)
        for i, v in enumerate(ligne):
            budget.cellule(v, ws_val.title, numero, i + 1)
        lignes.append(ligne)
    if sans_valeur:
        raise FichierRefuse(
            f"La feuille « {ws_val.title} » contient des formules sans valeur calculée "
            f"(cellules {', '.join(sans_valeur[:5])}). CLSanté n'exécute pas les formules : "
            "remplacez-les par leurs valeurs (copier, puis collage spécial « valeurs "
            "seulement »)."
        )
    return rogner_fin(lignes)


# -- CSV -----------------------------------------------------------------------------------


def _lire_csv(contenu: bytes, nom: str) -> Classeur:
    if b"\x00" in contenu[:8192]:
        raise _illisible(nom)
    try:
        texte = contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            texte = contenu.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise _illisible(nom) from exc
    if any(ord(c) < 32 and c not in "\r\n\t" for c in texte[:8192]):
        raise _illisible(nom)
    premiere = texte.split("\n", 1)[0]
    separateur = max(";,\t", key=premiere.count)
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=separateur)
    budget = Budget(nom)
    lignes: list[Ligne] = []
    try:
        for numero, ligne in enumerate(lecteur, start=1):
            budget.ligne()
            ligne = rogner(ligne[:COLONNES_MAX])
            for i, valeur in enumerate(ligne):
                budget.cellule(valeur, "CSV", numero, i + 1)
            lignes.append(ligne)
    except csv.Error as exc:
        raise _illisible(nom) from exc
    return Classeur("csv", {"CSV": rogner_fin(lignes)})
