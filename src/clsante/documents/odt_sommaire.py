"""The ODT « Sommaire »: a real table-of-content index whose entries link to their headings.

The index keeps its source (outline levels 1-2, entry templates with link, text, dotted tab
and page number), so « Mettre à jour l'index » in LibreOffice rebuilds it the usual way. Its
entries, written here, are links to a bookmark set on each heading followed by a page
reference to that bookmark: LibreOffice computes those page numbers when it lays the pages
out, so they are right on opening and in a PDF export without rebuilding the index.
"""

from __future__ import annotations

from odfdo import TOC, BookmarkEnd, BookmarkStart, Element, Header, Link, Paragraph, Tab

from clsante.documents.structure import Section, signet_section

ENTREE = (
    "text:index-entry-link-start",
    "text:index-entry-text",
    "text:index-entry-tab-stop",
    "text:index-entry-page-number",
    "text:index-entry-link-end",
)


def titre_avec_signet(section: Section, numero: int) -> Header:
    """The section's heading, its text inside the bookmark the Sommaire links to."""
    niveau = min(section.niveau, 2)
    titre = Header(niveau, style=f"Heading_20_{niveau}")
    nom = signet_section(numero)
    titre.append(BookmarkStart(nom))
    titre.append(section.titre)
    titre.append(BookmarkEnd(nom))
    return titre


def sommaire(sections: list[Section]) -> TOC:
    toc = TOC("Sommaire", outline_level=2)
    for modele in toc.get_elements("//text:table-of-content-entry-template"):
        for tag in ENTREE:
            element = Element.from_tag(tag)
            if tag == "text:index-entry-tab-stop":
                element.set_attribute("style:type", "right")
                element.set_attribute("style:leader-char", ".")
            modele.append(element)
    for paragraphe in toc.get_elements("//text:index-title/text:p"):
        paragraphe.style = "Contents_20_Heading"
    corps = toc.get_element("text:index-body")
    for numero, section in enumerate(sections):
        corps.append(_entree(section, signet_section(numero)))
    return toc


def _entree(section: Section, signet: str) -> Paragraph:
    lien = Link(f"#{signet}", text=section.titre, style="Index_20_Link")
    lien.append(Tab())
    lien.append(_renvoi_page(signet))
    entree = Paragraph(style=f"Contents_20_{min(section.niveau, 2)}")
    entree.append(lien)
    return entree


def _renvoi_page(signet: str) -> Element:
    """A page reference to ``signet``, left empty: LibreOffice fills it at layout."""
    renvoi = Element.from_tag("text:bookmark-ref")
    renvoi.set_attribute("text:reference-format", "page")
    renvoi.set_attribute("text:ref-name", signet)
    return renvoi
