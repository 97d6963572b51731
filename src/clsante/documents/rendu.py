"""The three formats a document is offered in, and the one call that renders it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clsante.documents.rendu_docx import rendre_docx
from clsante.documents.rendu_odt import rendre_odt
from clsante.documents.rendu_pdf import rendre_pdf
from clsante.documents.structure import Document, nettoyer


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    libelle: str
    rendre: Callable[[Document], bytes]


FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", "application/pdf", "PDF", rendre_pdf),
    "docx": Format(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
        rendre_docx,
    ),
    "odt": Format("odt", "application/vnd.oasis.opendocument.text", "ODT", rendre_odt),
}


def rendre(document: Document, format: str) -> bytes:
    """The document as bytes in ``format`` (a key of FORMATS), every text made XML-safe."""
    return FORMATS[format].rendre(nettoyer(document))
