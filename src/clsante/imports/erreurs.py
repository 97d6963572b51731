"""The error an import raises when its file cannot be written (nothing has been written)."""

from __future__ import annotations


class ImportInvalide(Exception):
    """The file has errors; ``erreurs`` are the French messages to show, row by row."""

    def __init__(self, erreurs: list[str]):
        self.erreurs = list(erreurs) or ["Le fichier contient des erreurs."]
        self.rapport: dict | None = None  # the analysis that found them, when there is one
        super().__init__(" ; ".join(self.erreurs))
