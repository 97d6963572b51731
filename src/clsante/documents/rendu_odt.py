"""Render a Document as ODT (odfdo).

Layout: a cover page on its own master page (no footer), a table of contents index whose
entries link to their headings and get their page numbers from LibreOffice (see
``odt_sommaire``), headings with outline levels, the DOCX's sans-serif font, captions kept
with their tables, tables whose header rows repeat on every page, whose rows are never cut
and whose columns are sized to their texts, and a « Page n sur N » footer.
"""

from __future__ import annotations

import datetime
import io

from odfdo import (
    Cell,
    Column,
    HeaderRows,
    List,
    PageBreak,
    Paragraph,
    Row,
    Span,
    Style,
    StyleMasterPage,
    Table,
    VarPageCount,
    VarPageNumber,
    create_table_cell_style,
)
from odfdo import Document as OdfDocument

from clsante.documents.odt_sommaire import sommaire, titre_avec_signet
from clsante.documents.structure import (
    Definitions,
    Document,
    Liste,
    Paragraphe,
    Tableau,
    date_fr,
)

POLICE = "Liberation Sans"  # declared by odfdo's template as a « swiss » (sans-serif) font
LARGEUR_CM = 17  # A4 with 2 cm margins (odfdo's default page layout)

STYLES = [
    Style("paragraph", "Title", "Title", "Heading", area="text", size="26pt", bold=True),
    Style("paragraph", "Subtitle", "Subtitle", "Heading", area="text", size="16pt"),
    Style("paragraph", "Couverture", "Couverture", "Standard", master_page="Couverture"),
    Style("paragraph", "Apres_20_couverture", "Après couverture", master_page="Standard"),
    Style("paragraph", "Table_20_Heading", "Table Heading", "Standard", area="text", bold=True),
    Style("paragraph", "Table_20_Contents", "Table Contents", "Standard"),
    Style("paragraph", "Footer", "Footer", "Standard", align="center"),
    Style("text", "Strong_20_Emphasis", "Strong Emphasis", area="text", bold=True),
    Style("text", "Emphasis", "Emphasis", area="text", italic=True),
]


def rendre_odt(document: Document) -> bytes:
    odt = OdfDocument("text")
    _preparer(odt, document)
    body = odt.body
    body.clear()
    _couverture(body, document)
    body.append(sommaire(document.sections))
    body.append(PageBreak())
    for numero, section in enumerate(document.sections):
        body.append(titre_avec_signet(section, numero))
        for bloc in section.blocs:
            _bloc(odt, body, bloc)
    buffer = io.BytesIO()
    odt.save(buffer)
    return buffer.getvalue()


def _preparer(odt: OdfDocument, document: Document) -> None:
    meta = odt.meta
    meta.set_title(document.titre)
    meta.set_subject(document.sous_titre)
    meta.set_description(f"{document.sous_titre} — {document.contrat}")
    meta.set_initial_creator(document.auteur)
    meta.set_language("fr-FR")
    meta.set_creation_date(datetime.datetime.combine(document.date, datetime.time()))
    meta.set_generator("CLSanté")
    for style in STYLES:
        odt.insert_style(style.clone)
    odt.insert_style(
        Style("table", "Tableau", width=f"{LARGEUR_CM}cm", align="left"), automatic=True
    )
    cellule = create_table_cell_style(border="0.5pt solid #929292", padding="0.8mm")
    odt.insert_style(cellule, "Cellule", automatic=True)
    ligne = Style("table-row", "Ligne")
    ligne.set_properties({"fo:keep-together": "always"})  # never cut across two pages
    odt.insert_style(ligne, automatic=True)
    _police_et_langue(odt)
    _sans_numerotation(odt)
    odt.add_page_break_style()
    couverture = StyleMasterPage("Couverture", page_layout="Mpm1")
    couverture.set_attribute("style:next-style-name", "Standard")
    odt.insert_style(couverture)
    standard = odt.get_style("master-page", "Standard")
    pied = Paragraph("Page ", style="Footer")
    pied.append(VarPageNumber(select_page="current"))
    pied.append(" sur ")
    pied.append(VarPageCount())
    standard.set_page_footer(pied)


def _police_et_langue(odt: OdfDocument) -> None:
    """The DOCX's sans-serif at 10 pt, and French spelling and hyphenation, for every
    paragraph (the default style); captions as in the DOCX, kept with their table."""
    default = odt.get_style("paragraph", None)  # the document's default paragraph style
    langue = {"fo:language": "fr", "fo:country": "FR"}
    default.set_properties(
        {"style:font-name": POLICE, "fo:font-size": "10pt", **langue}, area="text"
    )
    for nom in ("Heading", "Caption"):
        odt.get_style("paragraph", nom).set_properties({"style:font-name": POLICE}, area="text")
    legende = odt.get_style("paragraph", "Caption")
    legende.set_properties({"fo:keep-with-next": "always"}, area="paragraph")
    legende.set_properties(
        {"fo:font-size": "9pt", "fo:font-style": "normal", "fo:font-weight": "bold"},
        area="text",
    )


def _sans_numerotation(odt: OdfDocument) -> None:
    """Headings carry their own numbers (« Axe 1 », « Fiche 1.4 »): no outline numbering."""
    for niveau in odt.styles.get_elements("//text:outline-level-style"):
        niveau.set_attribute("style:num-format", "")
        for attribut in ("style:num-suffix", "loext:num-list-format"):
            niveau.del_attribute(attribut)


def _couverture(body, document: Document) -> None:
    body.append(Paragraph("", style="Couverture"))
    for _ in range(5):
        body.append(Paragraph(""))
    body.append(Paragraph(document.titre, style="Title"))
    body.append(Paragraph(document.sous_titre, style="Subtitle"))
    contrat = Paragraph()
    contrat.append(Span(document.contrat, style="Strong_20_Emphasis"))
    body.append(contrat)
    body.append(Paragraph(date_fr(document.date)))
    for _ in range(8):
        body.append(Paragraph(""))
    mention = Paragraph()
    mention.append(Span(document.mention_generation, style="Emphasis"))
    body.append(mention)
    body.append(Paragraph("", style="Apres_20_couverture"))


def _bloc(odt: OdfDocument, body, bloc) -> None:
    if isinstance(bloc, Paragraphe):
        for ligne in bloc.texte.split("\n\n"):
            body.append(Paragraph(ligne, style="Text_20_body"))
    elif isinstance(bloc, Liste):
        body.append(List([Paragraph(i) for i in bloc.items], style="List_20_1"))
    elif isinstance(bloc, Definitions):
        for libelle, valeur in bloc.paires:
            p = Paragraph(style="Text_20_body")
            p.append(Span(f"{libelle} : ", style="Strong_20_Emphasis"))
            p.append(valeur)
            body.append(p)
    elif isinstance(bloc, Tableau):
        _tableau(odt, body, bloc)


def _tableau(odt: OdfDocument, body, tableau: Tableau) -> None:
    if tableau.legende:
        body.append(Paragraph(tableau.legende, style="Caption"))
    numero = len(body.get_tables()) + 1
    table = Table(f"Tableau{numero}", style="Tableau")
    for i, part in enumerate(tableau.largeurs()):
        nom = f"Tableau{numero}.C{i}"
        odt.insert_style(
            Style("table-column", nom, width=f"{LARGEUR_CM * part:.2f}cm"), automatic=True
        )
        table.append(Column(style=nom))
    entete = HeaderRows()
    entete.append(_ligne(tableau.entetes, "Table_20_Heading"))
    table.append(entete)
    for ligne in tableau.lignes:
        table.append(_ligne(ligne, "Table_20_Contents"))
    body.append(table)


def _ligne(textes: list[str], style: str) -> Row:
    row = Row(style="Ligne")
    for texte in textes:
        cell = Cell(style="Cellule")
        cell.append(Paragraph(texte, style=style))
        row.append(cell)
    return row
