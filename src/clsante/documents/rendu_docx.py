"""Render a Document as DOCX (python-docx).

Layout: a cover page without footer, a table of contents that is a real TOC field (Word
and LibreOffice rebuild it with page numbers; until then it lists the sections), headings
in the built-in Heading 1/2 styles, tables whose header row repeats on every page, and a
« Page n sur N » footer made of PAGE / NUMPAGES fields.
"""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from clsante.documents.structure import (
    Definitions,
    Document,
    Liste,
    Paragraphe,
    Section,
    Tableau,
    date_fr,
)

LANGUE = "fr-FR"
LARGEUR_TEXTE = Mm(170)  # A4 with 2 cm margins
BLEU = RGBColor(0x00, 0x00, 0x91)


def rendre_docx(document: Document) -> bytes:
    docx = DocxDocument()
    _preparer(docx, document)
    _couverture(docx, document)
    _sommaire(docx, document.sections)
    for section in document.sections:
        docx.add_heading(section.titre, level=min(section.niveau, 2))
        for bloc in section.blocs:
            _bloc(docx, bloc)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _preparer(docx, document: Document) -> None:
    props = docx.core_properties
    props.title = document.titre
    props.subject = document.sous_titre
    props.author = document.auteur
    props.language = LANGUE
    props.keywords = "contrat local de santé"
    normal = docx.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10)
    for style in docx.styles:
        if style.type == 1:  # paragraph styles: French spelling and hyphenation
            _langue(style.element.get_or_add_rPr())
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    section.different_first_page_header_footer = True  # the cover has no page number
    _pied_de_page(section.footer.paragraphs[0])


def _langue(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUE)


def _couverture(docx, document: Document) -> None:
    for _ in range(6):
        docx.add_paragraph()
    docx.add_paragraph(document.titre, style="Title")
    docx.add_paragraph(document.sous_titre, style="Subtitle")
    contrat = docx.add_paragraph()
    contrat.add_run(document.contrat).bold = True
    docx.add_paragraph(date_fr(document.date))
    for _ in range(8):
        docx.add_paragraph()
    mention = docx.add_paragraph(document.mention_generation)
    mention.runs[0].italic = True
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _sommaire(docx, sections: list[Section]) -> None:
    """A TOC field whose cached result is the list of sections (shown until updated)."""
    docx.add_paragraph("Sommaire", style="TOC Heading")
    entrees = [s for s in sections if s.niveau <= 2] or [Section("(document vide)")]
    paragraphes = []
    for section in entrees:
        p = docx.add_paragraph()
        p.paragraph_format.left_indent = Pt(14 * (section.niveau - 1))
        paragraphes.append(p)
    _champ_debut(paragraphes[0], 'TOC \\o "1-2" \\h \\z \\u')
    for p, section in zip(paragraphes, entrees, strict=True):
        p.add_run(section.titre)
    _champ_fin(paragraphes[-1])
    _mettre_a_jour_champs(docx)
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _mettre_a_jour_champs(docx) -> None:
    """Ask Word to refresh the fields (the TOC's page numbers) when the file opens."""
    settings = docx.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def _pied_de_page(paragraphe: Paragraph) -> None:
    paragraphe.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraphe.add_run("Page ")
    _champ_simple(paragraphe, "PAGE", "1")
    paragraphe.add_run(" sur ")
    _champ_simple(paragraphe, "NUMPAGES", "1")


def _champ_simple(paragraphe: Paragraph, instruction: str, valeur: str) -> None:
    _champ_debut(paragraphe, instruction)
    paragraphe.add_run(valeur)
    _champ_fin(paragraphe)


def _champ_debut(paragraphe: Paragraph, instruction: str) -> None:
    _fld_char(paragraphe, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraphe.add_run()._r.append(instr)
    _fld_char(paragraphe, "separate")


def _champ_fin(paragraphe: Paragraph) -> None:
    _fld_char(paragraphe, "end")


def _fld_char(paragraphe: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraphe.add_run()._r.append(element)


def _bloc(docx, bloc) -> None:
    if isinstance(bloc, Paragraphe):
        for ligne in bloc.texte.split("\n\n"):
            docx.add_paragraph(ligne)
    elif isinstance(bloc, Liste):
        for item in bloc.items:
            docx.add_paragraph(item, style="List Bullet")
    elif isinstance(bloc, Definitions):
        for libelle, valeur in bloc.paires:
            p = docx.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            p.add_run(f"{libelle} : ").bold = True
            p.add_run(valeur)
    elif isinstance(bloc, Tableau):
        _tableau(docx, bloc)


def _tableau(docx, tableau: Tableau) -> None:
    if tableau.legende:
        docx.add_paragraph(tableau.legende, style="Caption")
    table = docx.add_table(rows=1, cols=len(tableau.entetes), style="Table Grid")
    table.autofit = False
    _titre_alternatif(table, tableau.legende)
    largeurs = [int(LARGEUR_TEXTE * part) for part in tableau.largeurs()]
    for colonne, largeur in zip(table.columns, largeurs, strict=True):
        colonne.width = largeur  # the grid LibreOffice reads
    entete = table.rows[0]
    _repeter_entete(entete)
    for cell, texte, largeur in zip(entete.cells, tableau.entetes, largeurs, strict=True):
        cell.width = largeur
        run = cell.paragraphs[0].add_run(texte)
        run.bold = True
        run.font.color.rgb = BLEU
    for ligne in tableau.lignes:
        cells = table.add_row().cells
        for cell, texte, largeur in zip(cells, ligne, largeurs, strict=True):
            cell.width = largeur
            cell.paragraphs[0].add_run(texte)
    docx.add_paragraph()


def _repeter_entete(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _titre_alternatif(table, legende: str) -> None:
    """The table's caption as its accessible title (w:tblCaption)."""
    if not legende:
        return
    tblpr = table._tbl.tblPr
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), legende[:250])
    tblpr.append(caption)
