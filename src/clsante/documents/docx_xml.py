"""WordprocessingML pieces python-docx has no API for: fields, bookmarks, internal links.

A field is a run sequence « begin, instruction, separate, cached result, end »: Word and
LibreOffice show the cached result and recompute it (PAGE, NUMPAGES, PAGEREF) at layout.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def run(texte: str = ""):
    """A bare ``w:r`` holding ``texte`` (spaces kept)."""
    r = OxmlElement("w:r")
    if texte:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = texte
        r.append(t)
    return r


def tabulation():
    r = OxmlElement("w:r")
    r.append(OxmlElement("w:tab"))
    return r


def champ(instruction: str, resultat: str = "") -> list:
    """The runs of a whole field, its cached result shown until the reader's software
    recomputes it."""
    return [*_debut_champ(instruction), run(resultat), _fin_champ()]


def _debut_champ(instruction: str) -> list:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r = OxmlElement("w:r")
    r.append(instr)
    return [_fld_char("begin"), r, _fld_char("separate")]


def _fin_champ():
    return _fld_char("end")


def _fld_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    r = OxmlElement("w:r")
    r.append(element)
    return r


def lien_interne(signet: str, runs: list):
    """A ``w:hyperlink`` to the bookmark ``signet`` wrapping ``runs`` (Ctrl+click in Word,
    click in LibreOffice and in the PDFs both print)."""
    lien = OxmlElement("w:hyperlink")
    lien.set(qn("w:anchor"), signet)
    lien.set(qn("w:history"), "1")
    for r in runs:
        lien.append(r)
    return lien


def signet(paragraphe: Paragraph, nom: str, identifiant: int) -> None:
    """Bookmark the paragraph's whole text under ``nom`` (the TOC entries link to it)."""
    debut = OxmlElement("w:bookmarkStart")
    debut.set(qn("w:id"), str(identifiant))
    debut.set(qn("w:name"), nom)
    fin = OxmlElement("w:bookmarkEnd")
    fin.set(qn("w:id"), str(identifiant))
    p = paragraphe._p
    ppr = p.pPr
    if ppr is None:
        p.insert(0, debut)
    else:
        ppr.addnext(debut)
    p.append(fin)
