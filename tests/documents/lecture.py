"""Read the documents back the way their readers' software does (test helpers)."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from pathlib import Path

import docx
import odfdo
from docx.oxml.ns import qn

LIBREOFFICE_TIMEOUT = 120


def texte_docx(contenu: bytes) -> str:
    document = docx.Document(io.BytesIO(contenu))
    parties = [p.text for p in document.paragraphs]
    for table in document.tables:
        parties += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parties)


def sommaire_docx(contenu: bytes) -> list[tuple[str, str | None, str | None]]:
    """The Sommaire's entries: (text, heading its link reaches, heading its page field reads)."""
    document = docx.Document(io.BytesIO(contenu))
    titres = {}
    for p in document.paragraphs:
        for signet in p._p.findall(qn("w:bookmarkStart")):
            titres[signet.get(qn("w:name"))] = p.text
    entrees = []
    for p in document.paragraphs:
        for lien in p._p.findall(qn("w:hyperlink")):
            instruction = "".join(t.text for t in lien.iter(qn("w:instrText"))).split()
            page = instruction[1] if instruction[:1] == ["PAGEREF"] else None
            texte = "".join(t.text for t in lien.iter(qn("w:t")))
            entrees.append((texte, titres.get(lien.get(qn("w:anchor"))), titres.get(page)))
    return entrees


def sommaire_odt(contenu: bytes) -> list[tuple[str, str | None, str | None]]:
    """The Sommaire's entries: (text, heading its link reaches, heading its page field reads)."""
    document = odfdo.Document(io.BytesIO(contenu))
    titres = {}
    for titre in document.body.get_elements("//text:h"):
        for signet in titre.get_elements("text:bookmark-start"):
            titres[signet.get_attribute("text:name")] = str(titre).strip()
    entrees = []
    for lien in document.body.get_elements("//text:index-body//text:a"):
        renvoi = lien.get_element("text:bookmark-ref[@text:reference-format='page']")
        page = renvoi.get_attribute("text:ref-name") if renvoi is not None else None
        cible = lien.get_attribute("xlink:href").removeprefix("#")
        entrees.append((lien.text or "", titres.get(cible), titres.get(page)))
    return entrees


def texte_odt(contenu: bytes) -> str:
    return odfdo.Document(io.BytesIO(contenu)).get_formatted_text()


def texte_pdf(chemin: Path) -> str:
    """The PDF's text as a reader selects it (pdftotext, from poppler-utils)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(chemin), "-"], capture_output=True, check=True, text=True
    ).stdout


def infos_pdf(chemin: Path) -> str:
    return subprocess.run(
        ["pdfinfo", str(chemin)], capture_output=True, check=True, text=True
    ).stdout


def libreoffice_en_pdf(fichiers: list[Path], dossier: Path) -> list[Path]:
    """Open the files in the real LibreOffice and print them to PDF, in one run.

    Each run gets its own user profile so parallel test runs never share one.
    """
    profil = Path("/tmp") / f"lo-clsante-{uuid.uuid4().hex}"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profil}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(dossier),
            *map(str, fichiers),
        ],
        capture_output=True,
        check=True,
        timeout=LIBREOFFICE_TIMEOUT,
    )
    shutil.rmtree(profil, ignore_errors=True)
    return [dossier / f"{f.stem}.pdf" for f in fichiers]
