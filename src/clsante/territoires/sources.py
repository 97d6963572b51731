"""Reading the Code officiel géographique files shipped by @etalab/decoupage-administratif.

Each file is a JSON array of objects. Records are read one by one with their line
number, so that an error names the file and the line; nothing is written here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class SourceInvalide(Exception):
    """A source file cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Enregistrement:
    ligne: int
    data: dict


def lire_tableau_json(path: Path) -> Iterator[Enregistrement]:
    """Yield each object of a JSON array with the line it starts on."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SourceInvalide(f"{path} : fichier introuvable.") from exc
    except UnicodeDecodeError as exc:
        raise SourceInvalide(f"{path} : le fichier n'est pas encodé en UTF-8.") from exc
    cursor = _Curseur(text)
    decoder = json.JSONDecoder()
    cursor.skip()
    if cursor.char() != "[":
        raise SourceInvalide(f"{path}, ligne {cursor.line()} : un tableau JSON est attendu.")
    cursor.advance(1)
    while cursor.char() not in ("]", ""):
        start_line = cursor.line()
        try:
            obj, end = decoder.raw_decode(text, cursor.pos)
        except json.JSONDecodeError as exc:
            raise SourceInvalide(
                f"{path}, ligne {exc.lineno} : JSON invalide ({exc.msg})."
            ) from exc
        if not isinstance(obj, dict):
            raise SourceInvalide(f"{path}, ligne {start_line} : un objet JSON est attendu.")
        yield Enregistrement(start_line, obj)
        cursor.move_to(end)
        if cursor.char() == ",":
            cursor.advance(1)
        elif cursor.char() != "]":
            raise SourceInvalide(f"{path}, ligne {cursor.line()} : virgule ou « ] » attendu.")
    if cursor.char() == "":
        raise SourceInvalide(f"{path}, ligne {cursor.line()} : le tableau n'est pas fermé.")


class _Curseur:
    """A position in a text that keeps its line number as it moves forward."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self._line, self._counted_to = text, 0, 1, 0

    def char(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip(self) -> None:
        while self.char() in (" ", "\t", "\r", "\n"):
            self.pos += 1

    def advance(self, n: int) -> None:
        self.move_to(self.pos + n)

    def move_to(self, pos: int) -> None:
        self.pos = pos
        self.skip()

    def line(self) -> int:
        self._line += self.text.count("\n", self._counted_to, self.pos)
        self._counted_to = self.pos
        return self._line


def exiger(path: Path, rec: Enregistrement, *keys: str) -> None:
    missing = [k for k in keys if rec.data.get(k) in (None, "")]
    if missing:
        raise SourceInvalide(
            f"{path}, ligne {rec.ligne} : champ(s) manquant(s) : {', '.join(missing)}."
        )


def entier(path: Path, rec: Enregistrement, key: str) -> int:
    value = rec.data.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SourceInvalide(
            f"{path}, ligne {rec.ligne} : « {key} » doit être un entier positif (reçu {value!r})."
        )
    return value
