"""Optional commune attributes from a documented CSV (docs/donnees.md).

Columns: ``code_insee`` (required) and any of ``grille_densite`` (1–7),
``population_qpv`` (integer ≥ 0), ``indice_defavorisation`` (decimal). An empty
cell leaves the attribute unknown. The whole file is checked before anything is written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.db import transaction

from clsante.territoires.models import Commune
from clsante.territoires.sources import SourceInvalide

COLONNES = ("grille_densite", "population_qpv", "indice_defavorisation")


def lire_attributs(path: Path) -> dict[str, dict]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise SourceInvalide(f"{path} : fichier illisible ({exc.__class__.__name__}).") from exc
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=";,\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames or "code_insee" not in reader.fieldnames:
        raise SourceInvalide(f"{path}, ligne 1 : la colonne « code_insee » est obligatoire.")
    connues = set(Commune.objects.values_list("insee", flat=True))
    rows: dict[str, dict] = {}
    for line, row in enumerate(reader, start=2):
        code = (row.get("code_insee") or "").strip()
        if code not in connues:
            raise SourceInvalide(f"{path}, ligne {line} : commune inconnue « {code} ».")
        rows[code] = {c: _parse(path, line, c, row.get(c)) for c in COLONNES if c in row}
    return rows


def _parse(path: Path, line: int, column: str, raw: str | None):
    raw = (raw or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = float(raw) if column == "indice_defavorisation" else int(raw)
    except ValueError as exc:
        raise SourceInvalide(
            f"{path}, ligne {line}, colonne « {column} » : nombre attendu (reçu « {raw} »)."
        ) from exc
    if column == "grille_densite" and not 1 <= value <= 7:
        raise SourceInvalide(f"{path}, ligne {line} : la grille de densité va de 1 à 7.")
    if column == "population_qpv" and value < 0:
        raise SourceInvalide(f"{path}, ligne {line} : la population ne peut être négative.")
    return value


@transaction.atomic
def appliquer_attributs(rows: dict[str, dict]) -> int:
    communes = list(Commune.objects.filter(insee__in=rows))
    fields: set[str] = set()
    for commune in communes:
        for field, value in rows[commune.insee].items():
            setattr(commune, field, value)
            fields.add(field)
    if fields:
        Commune.objects.bulk_update(communes, sorted(fields), batch_size=2000)
    return len(communes)
