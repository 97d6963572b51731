"""A neutral description of a document, rendered alike to DOCX, ODT and PDF.

Builders (``contenus/``) describe *what* a document says with these plain dataclasses;
renderers (``rendu_*.py``) decide how it looks in each format. Sections are a flat list
with a level (1 or 2), which is all a table of contents needs.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace

from clsante.core.texte import date_fr as date_fr  # the documents read it from here
from clsante.documents.largeurs import parts_de_largeur

# Characters XML 1.0 refuses (DOCX and ODT are XML): C0 controls but tab and newlines,
# lone surrogates and the two non-characters U+FFFE / U+FFFF.
_INVALIDES_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def texte_sur(valeur: object) -> str:
    """Any value as text that every format can hold."""
    return _INVALIDES_XML.sub("", "" if valeur is None else str(valeur))


@dataclass
class Paragraphe:
    texte: str


@dataclass
class Liste:
    items: list[str]


@dataclass
class Tableau:
    """A table with one header row; ``legende`` titles it for every reader."""

    entetes: list[str]
    lignes: list[list[str]]
    legende: str = ""

    def largeurs(self) -> list[float]:
        """Each column's share of the width, sized to its texts (see ``largeurs.py``)."""
        return parts_de_largeur(self.entetes, self.lignes)


@dataclass
class Definitions:
    """Key facts as label / value pairs (the identity of a fiche or a contract)."""

    paires: list[tuple[str, str]]


Bloc = Paragraphe | Liste | Tableau | Definitions


@dataclass
class Section:
    titre: str
    niveau: int = 1
    blocs: list[Bloc] = field(default_factory=list)


@dataclass
class Document:
    titre: str
    sous_titre: str
    contrat: str  # the contract's name, printed on the cover
    nom_fichier: str  # ASCII-safe base name, without extension
    sections: list[Section] = field(default_factory=list)
    date: datetime.date = field(default_factory=datetime.date.today)
    auteur: str = "CLSanté"

    @property
    def mention_generation(self) -> str:
        return f"Document généré par CLSanté le {date_fr(self.date)}"


def signet_section(numero: int) -> str:
    """The bookmark of the ``numero``-th section's heading, which its Sommaire entry links to
    (« _Toc… » names are hidden from Word's list of bookmarks)."""
    return f"_Toc{numero + 1:06d}"


def nettoyer(document: Document) -> Document:
    """A copy of the document whose every text is safe in XML."""
    return replace(
        document,
        titre=texte_sur(document.titre),
        sous_titre=texte_sur(document.sous_titre),
        contrat=texte_sur(document.contrat),
        sections=[
            Section(texte_sur(s.titre), s.niveau, [_bloc_sur(b) for b in s.blocs])
            for s in document.sections
        ],
    )


def _bloc_sur(bloc: Bloc) -> Bloc:
    if isinstance(bloc, Paragraphe):
        return Paragraphe(texte_sur(bloc.texte))
    if isinstance(bloc, Liste):
        return Liste([texte_sur(i) for i in bloc.items])
    if isinstance(bloc, Tableau):
        return Tableau(
            [texte_sur(e) for e in bloc.entetes],
            [[texte_sur(c) for c in ligne] for ligne in bloc.lignes],
            texte_sur(bloc.legende),
        )
    return Definitions([(texte_sur(k), texte_sur(v)) for k, v in bloc.paires])
