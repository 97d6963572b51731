"""Each document, in each format, opens with its own library and says what it should."""

import io

import docx
import odfdo
import pytest

from tests.documents.conftest import url_bilan, url_fiche, url_synthese
from tests.documents.lecture import (
    infos_pdf,
    sommaire_docx,
    sommaire_odt,
    texte_docx,
    texte_odt,
    texte_pdf,
)

TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def _telecharger(client, url: str, format: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[format]
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="') and disposition.isascii()
    assert disposition.endswith(f'.{format}"')
    return response.content


@pytest.fixture
def attendus(morlaix, fiche_mediation):
    """Per document: its URL in a format, and texts its reader must find in it."""
    indicateur = fiche_mediation.indicateurs.first()
    axe = morlaix.axes.get(numero=3)
    return {
        "fiche": (
            lambda f: url_fiche(fiche_mediation, f),
            [fiche_mediation.titre, "Fiche action 1.4", indicateur.libelle, "Étapes"],
        ),
        "synthese": (
            lambda f: url_synthese(morlaix, f),
            ["Synthèse du contrat", f"Axe 3 — {axe.titre}", "Comité de pilotage", "Signataires"],
        ),
        "bilan": (
            lambda f: url_bilan(morlaix, 2025, f),
            [
                "Bilan annuel 2025",
                "Financements 2025",
                "Comité de pilotage du 26 juin 2025",
                "Partenaires par secteur",
                "Actions par commune",
            ],
        ),
    }


@pytest.mark.parametrize("document", ["fiche", "synthese", "bilan"])
def test_docx_has_cover_toc_repeated_headers_and_page_numbers(
    client_coordinatrice, attendus, document
):
    url, textes = attendus[document]
    contenu = _telecharger(client_coordinatrice, url("docx"), "docx")
    fichier = docx.Document(io.BytesIO(contenu))
    texte = texte_docx(contenu)
    for attendu in [*textes, "Sommaire", "Document généré par CLSanté le"]:
        assert attendu in texte
    assert fichier.core_properties.language == "fr-FR"
    assert fichier.core_properties.title
    corps = fichier.element.xml
    assert "<w:tblHeader" in corps  # header rows repeat on every page
    assert any(p.style.name == "Heading 1" for p in fichier.paragraphs)
    pied = fichier.sections[0].footer._element.xml
    assert " PAGE " in pied and " NUMPAGES " in pied


@pytest.mark.parametrize("document", ["fiche", "synthese", "bilan"])
def test_odt_has_cover_toc_repeated_headers_and_page_numbers(
    client_coordinatrice, attendus, document
):
    url, textes = attendus[document]
    contenu = _telecharger(client_coordinatrice, url("odt"), "odt")
    fichier = odfdo.Document(io.BytesIO(contenu))
    texte = texte_odt(contenu)
    for attendu in [*textes, "Sommaire", "Document généré par CLSanté le"]:
        assert attendu in texte
    assert fichier.meta.get_language() == "fr-FR"
    toc = fichier.body.get_toc()
    assert toc is not None and "Sommaire" in str(toc)
    assert fichier.body.get_elements("//table:table-header-rows")
    assert fichier.body.get_elements("//text:h[@text:outline-level='1']")
    styles = fichier.get_part("styles.xml").serialize().decode()
    assert "<text:page-number" in styles and "<text:page-count" in styles


@pytest.mark.parametrize("document", ["fiche", "synthese", "bilan"])
def test_every_sommaire_entry_links_to_its_heading_and_asks_for_its_page(
    client_coordinatrice, attendus, document
):
    url, _ = attendus[document]
    docx_ = sommaire_docx(_telecharger(client_coordinatrice, url("docx"), "docx"))
    odt = sommaire_odt(_telecharger(client_coordinatrice, url("odt"), "odt"))
    titres = [texte for texte, _, _ in docx_]
    assert len(titres) > 3 and [texte for texte, _, _ in odt] == titres
    # each entry's link reaches the heading of that name, and its page number (computed by
    # the reader's software) is that heading's page
    assert docx_ == [(t, t, t) for t in titres]
    assert odt == [(t, t, t) for t in titres]


@pytest.mark.parametrize("document", ["fiche", "synthese", "bilan"])
def test_pdf_text_is_selectable_and_tagged(client_coordinatrice, attendus, document, tmp_path):
    url, textes = attendus[document]
    chemin = tmp_path / f"{document}.pdf"
    chemin.write_bytes(_telecharger(client_coordinatrice, url("pdf"), "pdf"))
    texte = " ".join(texte_pdf(chemin).split())
    for attendu in [*textes, "Sommaire", "Page 2 sur"]:
        assert " ".join(attendu.split()) in texte
    infos = " ".join(infos_pdf(chemin).split())
    assert "Tagged: yes" in infos  # a structure tree for screen readers
    assert "Author: CLSanté" in infos
