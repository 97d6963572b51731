"""What a reader sees of the layout: file names, fonts, column widths, captions with tables."""

import io
import re

import docx
import odfdo
from docx.oxml.ns import qn
from docx.shared import Mm

from clsante.documents.rendu import rendre
from clsante.documents.structure import Document, Paragraphe, Section, Tableau
from tests.documents.conftest import url_fiche, url_synthese
from tests.documents.lecture import texte_pdf

PROGRAMME = ["N°", "Fiche action", "Statut", "Porteur"]


def _entetes_odt(table) -> list[str]:
    return [str(c).strip() for c in table.get_elements("table:table-header-rows//table:table-cell")]


def test_fiche_file_name_keeps_the_dot_of_its_number(client_coordinatrice, fiche_mediation):
    for format in ("pdf", "docx", "odt"):
        disposition = client_coordinatrice.get(url_fiche(fiche_mediation, format))[
            "Content-Disposition"
        ]
        assert 'filename="fiche-1.4-mediation-en-sante-dans-les-quartiers' in disposition


def test_docx_status_column_fits_abandonnee_and_titles_take_the_rest(client_coordinatrice, morlaix):
    contenu = client_coordinatrice.get(url_synthese(morlaix, "docx")).content
    tables = docx.Document(io.BytesIO(contenu)).tables
    table = next(t for t in tables if [c.text for c in t.rows[0].cells] == PROGRAMME)
    assert any(row.cells[2].text == "Abandonnée" for row in table.rows)
    numero, titre, statut, porteur = (c.width for c in table.columns)
    assert statut >= Mm(24)  # « Abandonnée » in 10 pt with the cell's margins
    assert numero >= Mm(10)  # « 1.10 » on one line
    assert titre > statut and porteur > statut
    assert abs(sum((numero, titre, statut, porteur)) - Mm(170)) < Mm(1)


def test_odt_status_column_fits_abandonnee_and_titles_take_the_rest(client_coordinatrice, morlaix):
    contenu = client_coordinatrice.get(url_synthese(morlaix, "odt")).content
    document = odfdo.Document(io.BytesIO(contenu))
    table = next(t for t in document.body.get_tables() if _entetes_odt(t) == PROGRAMME)
    largeurs = []
    for colonne in table.get_columns():
        style = document.get_style("table-column", colonne.style)
        largeurs.append(float(style.get_properties()["style:column-width"].removesuffix("cm")))
    numero, titre, statut, porteur = largeurs
    assert statut >= 2.4 and numero >= 1.0
    assert titre > statut and porteur > statut
    assert abs(sum(largeurs) - 17) < 0.1


def test_docx_and_odt_keep_captions_with_their_table_and_rows_whole(client_coordinatrice, morlaix):
    fichier = docx.Document(
        io.BytesIO(client_coordinatrice.get(url_synthese(morlaix, "docx")).content)
    )
    assert fichier.styles["Caption"].paragraph_format.keep_with_next
    table = fichier.tables[0]
    assert table.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])

    odt = odfdo.Document(io.BytesIO(client_coordinatrice.get(url_synthese(morlaix, "odt")).content))
    legende = odt.get_style("paragraph", "Caption").get_properties(area="paragraph")
    assert legende["fo:keep-with-next"] == "always"
    ligne = odt.body.get_tables()[0].get_elements("table:table-row")[-1]
    style = odt.get_style("table-row", ligne.get_attribute("table:style-name"))
    assert style.get_properties()["fo:keep-together"] == "always"


def test_odt_uses_the_same_sans_serif_font_as_the_docx(client_coordinatrice, fiche_mediation):
    odt = odfdo.Document(
        io.BytesIO(client_coordinatrice.get(url_fiche(fiche_mediation, "odt")).content)
    )
    styles = odt.get_part("styles.xml")
    for style in (odt.get_style("paragraph", None), odt.get_style("paragraph", "Heading")):
        assert style.get_properties(area="text")["style:font-name"] == "Liberation Sans"
    declaration = styles.get_element("//style:font-face[@style:name='Liberation Sans']")
    assert declaration.get_attribute("style:font-family-generic") == "swiss"  # sans-serif

    fichier = docx.Document(
        io.BytesIO(client_coordinatrice.get(url_fiche(fiche_mediation, "docx")).content)
    )
    for nom in ("Normal", "Title", "Heading 1", "Heading 2"):
        polices = fichier.styles[nom].element.rPr.find(qn("w:rFonts"))
        assert polices.get(qn("w:ascii")) == "Liberation Sans"
        assert polices.get(qn("w:asciiTheme")) is None  # a theme font would win over it


def test_pdf_never_leaves_a_caption_alone_at_the_foot_of_a_page(tmp_path):
    """A text grows a paragraph at a time, moving the table after it down the page by less
    than its header and first row: some length puts the caption at the foot of a page."""
    tableau = Tableau(["Étape", "Statut"], [["Recruter", "Réalisée"]] * 3, "Étapes de la fiche")
    chemin = tmp_path / "document.pdf"
    for longueur in range(32):
        texte = Paragraphe("\n\n".join(f"Paragraphe {i}." for i in range(longueur)))
        sections = [Section("Description", 1, [texte]), Section("Étapes", 1, [tableau])]
        chemin.write_bytes(rendre(Document("Fiche", "Essai", "Contrat", "essai", sections), "pdf"))
        for page in texte_pdf(chemin).split("\f"):
            lignes = [ligne.strip() for ligne in page.splitlines() if ligne.strip()]
            corps = [ligne for ligne in lignes if not re.fullmatch(r"Page \d+ sur \d+", ligne)]
            assert corps[-1:] not in (["Étapes de la fiche"], ["Étapes"]), f"{longueur} lignes"
