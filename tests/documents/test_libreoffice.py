"""Every DOCX and ODT export opens in the real LibreOffice, text and page numbers intact.

One LibreOffice run per format converts the three documents to PDF; the text read back
from those PDFs must hold the French texts (accents included) and the page footer.
"""

import pytest

from tests.documents.conftest import url_bilan, url_fiche, url_synthese
from tests.documents.lecture import libreoffice_en_pdf, texte_pdf


@pytest.mark.parametrize("format", ["docx", "odt"])
def test_exports_open_in_libreoffice_with_their_text(
    client_coordinatrice, morlaix, fiche_mediation, format, tmp_path
):
    documents = {
        "fiche": (url_fiche(fiche_mediation, format), [fiche_mediation.titre, "Indicateurs"]),
        "synthese": (
            url_synthese(morlaix, format),
            ["Synthèse du contrat", "Programme d'actions", "Chiffres clés"],
        ),
        "bilan": (
            url_bilan(morlaix, 2025, format),
            ["Bilan annuel 2025", "Réunions et décisions 2025", "Indicateurs et cibles"],
        ),
    }
    fichiers = []
    for nom, (url, _) in documents.items():
        response = client_coordinatrice.get(url)
        assert response.status_code == 200
        fichier = tmp_path / f"{nom}.{format}"
        fichier.write_bytes(response.content)
        fichiers.append(fichier)

    pdfs = libreoffice_en_pdf(fichiers, tmp_path / "libreoffice")

    for pdf, (nom, (_, textes)) in zip(pdfs, documents.items(), strict=True):
        texte = " ".join(texte_pdf(pdf).split())
        for attendu in [*textes, "Sommaire", "Document généré par CLSanté le", "Page 2 sur"]:
            assert attendu in texte, f"{nom}.{format} : « {attendu} » absent après LibreOffice"
