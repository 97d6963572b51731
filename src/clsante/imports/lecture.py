"""Read an uploaded spreadsheet (XLSX, ODS or CSV) into plain rows, refusing hostile files.

The real format is taken from the content, never from the name: XLSX and ODS are zip
archives whose entries are checked before anything is extracted (size, compression ratio:
a zip bomb is refused before it expands), anything else must be readable text (CSV).

Formulas are never evaluated. An XLSX formula cell is read as the value the spreadsheet
last computed and saved with the file (what the person saw); a formula without such a
value (a file written by a program) is refused with a message naming the cell. In a CSV
a cell starting with ``=`` is just text and is stored as text; exports neutralise it.

ODS is read by streaming its ``content.xml`` through defusedxml rather than through odfdo:
repeated empty rows and columns (``number-rows-repeated="1048576"``) are common in ODS
files and must not be expanded in memory.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from defusedxml import ElementTree as SafeET
from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

TAILLE_MAX_DEFAUT = 10 * 1024 * 1024
DECOMPRESSE_MAX = 100 * 1024 * 1024
RATIO_MAX = 100
LIGNES_MAX = 5000
COLONNES_MAX = 200
MIME_ODS = "application/vnd.oasis.opendocument.spreadsheet"

Ligne = list[Any]


class FichierRefuse(Exception):
    """The upload cannot be read; ``str()`` is the French message shown to the person."""


@dataclass
class Classeur:
    format: str  # xlsx, ods, csv
    feuilles: dict[str, list[Ligne]] = field(default_factory=dict)


def taille_max() -> int:
    return getattr(settings, "CLSANTE_IMPORT_TAILLE_MAX", TAILLE_MAX_DEFAUT)


def lire(fichier: IO[bytes], nom: str, taille: int) -> Classeur:
    """Every sheet of the file as lists of cell values (row 1 of the sheet first)."""
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
        return _lire_ods(archive, nom)
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


def _lire_xlsx(fichier: IO[bytes], nom: str) -> Classeur:
    try:
        valeurs = load_workbook(fichier, read_only=True, data_only=True)
        fichier.seek(0)
        formules = load_workbook(fichier, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _illisible(nom) from exc
    classeur = Classeur("xlsx")
    try:
        for ws_val, ws_f in zip(valeurs.worksheets, formules.worksheets, strict=True):
            lignes = []
            sans_valeur = []
            for numero, (val, brut) in enumerate(
                zip(
                    ws_val.iter_rows(values_only=True),
                    ws_f.iter_rows(values_only=True),
                    strict=False,
                ),
                start=1,
            ):
                ligne = list(val[:COLONNES_MAX])
                for i, v in enumerate(ligne):
                    b = brut[i] if i < len(brut) else None
                    if v is None and isinstance(b, str) and b.startswith("="):
                        sans_valeur.append(f"{get_column_letter(i + 1)}{numero}")
                _ajouter(lignes, ligne, nom)
            if sans_valeur:
                cellules = ", ".join(sans_valeur[:5])
                raise FichierRefuse(
                    f"La feuille « {ws_val.title} » contient des formules sans valeur calculée "
                    f"(cellules {cellules}). CLSanté n'exécute pas les formules : remplacez-les "
                    "par leurs valeurs (copier, puis collage spécial « valeurs seulement »)."
                )
            classeur.feuilles[ws_val.title] = _rogner(lignes)
    finally:
        valeurs.close()
        formules.close()
    return classeur


def _ajouter(lignes: list[Ligne], ligne: Ligne, nom: str) -> None:
    lignes.append(ligne)
    if len(lignes) > LIGNES_MAX + 50 and any(v not in (None, "") for v in ligne):
        raise FichierRefuse(
            f"Le fichier « {nom} » compte plus de {LIGNES_MAX} lignes : découpez-le en "
            "plusieurs fichiers."
        )


def _rogner(lignes: list[Ligne]) -> list[Ligne]:
    """Drop trailing empty cells and trailing empty rows."""
    propres = []
    for ligne in lignes:
        ligne = ["" if v is None else v for v in ligne]
        while ligne and ligne[-1] in ("", None):
            ligne.pop()
        propres.append(ligne)
    while propres and not propres[-1]:
        propres.pop()
    return propres


# -- ODS -----------------------------------------------------------------------------------

NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _t(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _lire_ods(archive: zipfile.ZipFile, nom: str) -> Classeur:
    classeur = Classeur("ods")
    try:
        with archive.open("content.xml") as contenu:
            for table in _tables(contenu):
                titre = table.get(_t(NS_TABLE, "name"), f"Feuille {len(classeur.feuilles) + 1}")
                classeur.feuilles[titre] = _rogner(_lignes_ods(table, nom))
                table.clear()
    except SafeET.ParseError as exc:
        raise _illisible(nom) from exc
    except FichierRefuse:
        raise
    except Exception as exc:  # defusedxml refuses entities and DTDs with its own errors
        raise _illisible(nom) from exc
    return classeur


def _tables(contenu: IO[bytes]):
    for _event, element in SafeET.iterparse(contenu, events=("end",)):
        if element.tag == _t(NS_TABLE, "table"):
            yield element


def _lignes_ods(table, nom: str) -> list[Ligne]:
    lignes: list[Ligne] = []
    for row in table.iter(_t(NS_TABLE, "table-row")):
        ligne: Ligne = []
        for cell in row:
            if cell.tag not in (_t(NS_TABLE, "table-cell"), _t(NS_TABLE, "covered-table-cell")):
                continue
            valeur = _valeur_ods(cell)
            repete = int(cell.get(_t(NS_TABLE, "number-columns-repeated"), "1"))
            if valeur in ("", None):
                repete = min(repete, max(COLONNES_MAX - len(ligne), 0))
            ligne.extend([valeur] * min(repete, COLONNES_MAX))
            if len(ligne) >= COLONNES_MAX:
                break
        ligne = ligne[:COLONNES_MAX]
        repete = int(row.get(_t(NS_TABLE, "number-rows-repeated"), "1"))
        vide = all(v in ("", None) for v in ligne)
        for _ in range(1 if vide and repete > 1 else min(repete, LIGNES_MAX + 60)):
            _ajouter(lignes, list(ligne), nom)
    return lignes


def _valeur_ods(cell) -> Any:
    type_ = cell.get(_t(NS_OFFICE, "value-type"))
    if type_ in ("float", "percentage", "currency"):
        nombre = float(cell.get(_t(NS_OFFICE, "value"), "0"))
        return int(nombre) if nombre.is_integer() else nombre
    if type_ == "date":
        brut = cell.get(_t(NS_OFFICE, "date-value"), "")
        try:
            return datetime.datetime.fromisoformat(brut)
        except ValueError:
            return brut
    if type_ == "boolean":
        return cell.get(_t(NS_OFFICE, "boolean-value")) == "true"
    paragraphes = [_texte(p) for p in cell.iter(_t(NS_TEXT, "p"))]
    return "\n".join(paragraphes)


def _texte(element) -> str:
    morceaux = [element.text or ""]
    for enfant in element:
        if enfant.tag == _t(NS_TEXT, "s"):
            morceaux.append(" " * int(enfant.get(_t(NS_TEXT, "c"), "1")))
        elif enfant.tag == _t(NS_TEXT, "tab"):
            morceaux.append("\t")
        elif enfant.tag == _t(NS_TEXT, "line-break"):
            morceaux.append("\n")
        else:
            morceaux.append(_texte(enfant))
        morceaux.append(enfant.tail or "")
    return "".join(morceaux)


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
    lignes: list[Ligne] = []
    try:
        for ligne in lecteur:
            _ajouter(lignes, ligne[:COLONNES_MAX], nom)
    except csv.Error as exc:
        raise _illisible(nom) from exc
    return Classeur("csv", {"CSV": _rogner(lignes)})
