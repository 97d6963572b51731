"""Every DOCX and ODT export opens in the real LibreOffice, text and page numbers intact.

One LibreOffice run per format converts the three documents to PDF; the text read back
from those PDFs must hold the French texts (accents included, no word broken across lines),
the page footer, and a Sommaire whose entries give the page of their heading and link to it.
"""

import re

import pytest

from tests.documents.conftest import url_bilan, url_fiche, url_synthese
from tests.documents.lecture import libreoffice_en_pdf, texte_pdf


def _page_annoncee(texte: str, titre: str) -> int:
    """The page number the Sommaire (on page 2) gives for ``titre``."""
    sommaire = " ".join(texte.split("\f")[1].split())
    trouve = re.search(rf"{re.escape(titre)} ?\.+ ?(\d+)", sommaire)
    assert trouve, f"« {titre} » sans numéro de page dans le sommaire : {sommaire}"
    return int(trouve.group(1))


def _titres_de_page(texte: str, numero: int) -> list[str]:
    return [ligne.strip() for ligne in texte.split("\f")[numero - 1].splitlines()]


@pytest.mark.parametrize("format", ["docx", "odt"])
def test_exports_open_in_libreoffice_with_their_text(
    client_coordinatrice, morlaix, fiche_mediation, format, tmp_path
):
    documents = {
        "fiche": (
            url_fiche(fiche_mediation, format),
            [fiche_mediation.titre, "Indicateurs"],
            ["Identification", "Contacts du porteur"],
        ),
        "synthese": (
            url_synthese(morlaix, format),
            ["Synthèse du contrat", "Programme d'actions", "Chiffres clés"],
            ["Carte d'identité", "Coordination du contrat"],
        ),
        "bilan": (
            url_bilan(morlaix, 2025, format),
            ["Bilan annuel 2025", "Réunions et décisions 2025", "Indicateurs et cibles"]
            + ["Abandonnée"],  # fiche 1.7's status, whole in its narrow column
            ["L'année 2025 en bref", "Actions par commune"],
        ),
    }
    fichiers = []
    for nom, (url, _, _) in documents.items():
        response = client_coordinatrice.get(url)
        assert response.status_code == 200
        fichier = tmp_path / f"{nom}.{format}"
        fichier.write_bytes(response.content)
        fichiers.append(fichier)

    pdfs = libreoffice_en_pdf(fichiers, tmp_path / "libreoffice")

    for pdf, (nom, (_, textes, titres)) in zip(pdfs, documents.items(), strict=True):
        brut = texte_pdf(pdf)
        texte = " ".join(brut.split())
        for attendu in [*textes, "Sommaire", "Document généré par CLSanté le", "Page 2 sur"]:
            assert attendu in texte, f"{nom}.{format} : « {attendu} » absent après LibreOffice"
        premier, dernier = (_page_annoncee(brut, titre) for titre in titres)
        assert premier == 3 and dernier > premier
        assert titres[1] in _titres_de_page(brut, dernier), f"{nom}.{format} : mauvaise page"
        entrees = re.findall(r"\.{3,} ?\d+\n", brut.split("\f")[1])
        assert pdf.read_bytes().count(b"/Subtype/Link") >= len(entrees) > 2  # clickable
