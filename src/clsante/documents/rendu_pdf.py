"""Render a Document as PDF: a Django template laid out for print, turned into PDF by WeasyPrint.

The template escapes every text (autoescape) and uses only local fonts. The cover has no
page number; the table of contents gets its page numbers from ``target-counter()``; table
headers repeat on each page; headings become PDF bookmarks; the PDF is tagged.
"""

from __future__ import annotations

import warnings
from dataclasses import asdict

from django.template.loader import render_to_string

from clsante.documents.structure import (
    Definitions,
    Document,
    Liste,
    Paragraphe,
    Tableau,
    date_fr,
)


def rendre_html(document: Document) -> str:
    sections = [
        {"titre": s.titre, "niveau": s.niveau, "blocs": [_bloc(b) for b in s.blocs]}
        for s in document.sections
    ]
    return render_to_string(
        "documents/document.html",
        {"document": document, "sections": sections, "date": date_fr(document.date)},
    )


def rendre_pdf(document: Document) -> bytes:
    HTML = _weasyprint().HTML  # noqa: N806
    html = HTML(string=rendre_html(document), base_url=None)
    return html.write_pdf(pdf_tags=True, pdf_identifier=False, uncompressed_pdf=False)


def _weasyprint():
    """WeasyPrint, imported without its warning about the optional HarfBuzz-Subset library.

    Without ``libharfbuzz-subset0`` WeasyPrint subsets fonts with fontTools (slower, same
    result) and warns at import time, which the test suite turns into an error.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        import weasyprint

    return weasyprint


def _bloc(bloc) -> dict:
    if isinstance(bloc, Paragraphe):
        return {"kind": "paragraphe", "lignes": bloc.texte.split("\n\n")}
    if isinstance(bloc, Liste):
        return {"kind": "liste", **asdict(bloc)}
    if isinstance(bloc, Definitions):
        return {"kind": "definitions", **asdict(bloc)}
    if isinstance(bloc, Tableau):
        return {"kind": "tableau", **asdict(bloc)}
    raise TypeError(f"Bloc inconnu : {bloc!r}")
