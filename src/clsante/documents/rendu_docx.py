"""Render a Document as DOCX (python-docx).

Layout: a cover page without footer, a table of contents whose entries link to their
headings and get their page numbers from PAGEREF fields (see ``_sommaire``), headings in
the built-in Heading 1/2 styles, captions kept with their tables, tables whose header row
repeats on every page and whose columns are sized to their texts, and a « Page n sur N »
footer (PAGE / NUMPAGES fields).
"""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from clsante.documents import docx_xml as xml
from clsante.documents.structure import (
    Definitions,
    Document,
    Liste,
    Paragraphe,
    Section,
    Tableau,
    date_fr,
    signet_section,
)

LANGUE = "fr-FR"
LARGEUR_TEXTE = Mm(170)  # A4 with 2 cm margins
BLEU = RGBColor(0x00, 0x00, 0x91)
POLICE = "Liberation Sans"  # metric-compatible with Arial, which Word substitutes for it


def rendre_docx(document: Document) -> bytes:
    docx = DocxDocument()
    _preparer(docx, document)
    _couverture(docx, document)
    _sommaire(docx, document.sections)
    for numero, section in enumerate(document.sections):
        titre = docx.add_heading(section.titre, level=min(section.niveau, 2))
        xml.signet(titre, signet_section(numero), numero)
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
    normal.font.name = POLICE
    normal.font.size = Pt(10)
    _styles(docx)
    for style in docx.styles:
        if style.type == 1:  # paragraph styles: French spelling and hyphenation
            _langue(style.element.get_or_add_rPr())
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    section.different_first_page_header_footer = True  # the cover has no page number
    _pied_de_page(section.footer.paragraphs[0])


def _styles(docx) -> None:
    """Sans-serif headings like the text, captions kept with their table, TOC entries
    with a dotted leader to the page number."""
    for nom in ("Title", "Subtitle", "Heading 1", "Heading 2", "TOC Heading"):
        _police(docx.styles[nom])
    docx.styles["Caption"].paragraph_format.keep_with_next = True
    for niveau in (1, 2):
        style = docx.styles.add_style(f"toc {niveau}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = docx.styles["Normal"]
        style.paragraph_format.left_indent = Pt(14 * (niveau - 1))
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.tab_stops.add_tab_stop(
            LARGEUR_TEXTE, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )


def _police(style) -> None:
    """The style in POLICE, its theme fonts (which would win over it) dropped."""
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribut in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attribut}"), None)
    style.font.name = POLICE


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
    """One paragraph per heading: a link to its bookmark, a dotted leader, a PAGEREF field.

    Not a TOC field: LibreOffice shows a TOC field's cached text as is, so its entries would
    have no page numbers until the reader rebuilds the index. PAGEREF fields are computed
    when the pages are laid out (LibreOffice) or when the fields update on opening (Word).
    Their cached result is left empty rather than holding a guessed number.
    """
    docx.add_paragraph("Sommaire", style="TOC Heading")
    if not sections:
        docx.add_paragraph("(document vide)")
    for numero, section in enumerate(sections):
        nom = signet_section(numero)
        entree = [xml.run(section.titre), xml.tabulation(), *xml.champ(f"PAGEREF {nom} \\h")]
        paragraphe = docx.add_paragraph(style=f"toc {min(section.niveau, 2)}")
        _ajouter(paragraphe, [xml.lien_interne(nom, entree)])
    _mettre_a_jour_champs(docx)
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _ajouter(paragraphe: Paragraph, elements: list) -> None:
    for element in elements:
        paragraphe._p.append(element)


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
    _ajouter(paragraphe, xml.champ("PAGE", "1"))
    paragraphe.add_run(" sur ")
    _ajouter(paragraphe, xml.champ("NUMPAGES", "1"))


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
    _propriete_ligne(entete, "w:tblHeader")  # repeated on every page
    for cell, texte, largeur in zip(entete.cells, tableau.entetes, largeurs, strict=True):
        cell.width = largeur
        cell.paragraphs[0].paragraph_format.keep_with_next = True  # with the first row
        run = cell.paragraphs[0].add_run(texte)
        run.bold = True
        run.font.color.rgb = BLEU
    for ligne in tableau.lignes:
        row = table.add_row()
        _propriete_ligne(row, "w:cantSplit")  # a row is never cut across two pages
        cells = row.cells
        for cell, texte, largeur in zip(cells, ligne, largeurs, strict=True):
            cell.width = largeur
            cell.paragraphs[0].add_run(texte)
    docx.add_paragraph()


def _propriete_ligne(row, tag: str) -> None:
    propriete = OxmlElement(tag)
    propriete.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(propriete)


def _titre_alternatif(table, legende: str) -> None:
    """The table's caption as its accessible title (w:tblCaption)."""
    if not legende:
        return
    tblpr = table._tbl.tblPr
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), legende[:250])
    tblpr.append(caption)
