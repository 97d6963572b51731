"""Load regions, departments, communes and EPCI into the database, idempotently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from clsante.territoires.models import EPCI, Commune, Departement, Region
from clsante.territoires.sources import SourceInvalide, entier, exiger, lire_tableau_json

FICHIERS = ("regions.json", "departements.json", "communes.json", "epci.json")


@dataclass
class Bilan:
    crees: dict[str, int] = field(default_factory=dict)
    modifies: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [
            f"{nom} : {self.crees.get(nom, 0)} créé(s), {self.modifies.get(nom, 0)} modifié(s)"
            for nom in ("régions", "départements", "communes", "EPCI")
        ]
        return " ; ".join(parts)


@dataclass
class Source:
    regions: dict[str, dict]
    departements: dict[str, dict]
    communes: dict[str, dict]
    epcis: dict[str, dict]
    epci_de_commune: dict[str, str]


def lire_source(directory: Path) -> Source:
    """Read and check every file before anything is written."""
    regions = _lire(directory / "regions.json", ("code", "nom"), _region)
    departements = _lire(directory / "departements.json", ("code", "nom", "region"), _dept)
    path = directory / "departements.json"
    for code, dept in departements.items():
        if dept["region"] not in regions:
            raise SourceInvalide(f"{path} : le département {code} cite une région inconnue.")
    communes = _lire_communes(directory / "communes.json", departements)
    epcis, membership = _lire_epcis(directory / "epci.json", communes)
    return Source(regions, departements, communes, epcis, membership)


def _region(path: Path, rec) -> dict:
    return {"nom": rec.data["nom"]}


def _dept(path: Path, rec) -> dict:
    return {"nom": rec.data["nom"], "region": rec.data["region"]}


def _lire(path: Path, keys: tuple[str, ...], build: Callable) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for rec in lire_tableau_json(path):
        exiger(path, rec, *keys)
        out[str(rec.data["code"])] = build(path, rec)
    if not out:
        raise SourceInvalide(f"{path} : aucun enregistrement.")
    return out


def _lire_communes(path: Path, departements: dict[str, dict]) -> dict[str, dict]:
    communes: dict[str, dict] = {}
    for rec in lire_tableau_json(path):
        exiger(path, rec, "code", "nom", "type")
        # Delegated/associated communes and municipal arrondissements are not communes
        # of their own; collectivités d'outre-mer have no region and no ARS.
        if rec.data["type"] != "commune-actuelle" or not rec.data.get("region"):
            continue
        exiger(path, rec, "departement")
        dept = rec.data["departement"]
        if dept not in departements:
            raise SourceInvalide(f"{path}, ligne {rec.ligne} : département inconnu « {dept} ».")
        communes[rec.data["code"]] = {
            "nom": rec.data["nom"],
            "population": entier(path, rec, "population"),
            "departement": dept,
            "region": departements[dept]["region"],
        }
    if not communes:
        raise SourceInvalide(f"{path} : aucune commune.")
    return communes


def _lire_epcis(path: Path, communes: dict[str, dict]) -> tuple[dict[str, dict], dict[str, str]]:
    epcis: dict[str, dict] = {}
    membership: dict[str, str] = {}
    types = set(EPCI.Type.values)
    for rec in lire_tableau_json(path):
        exiger(path, rec, "code", "nom", "type", "membres")
        if rec.data["type"] not in types:
            raise SourceInvalide(
                f"{path}, ligne {rec.ligne} : type d'EPCI inconnu « {rec.data['type']} »."
            )
        epcis[rec.data["code"]] = {
            "nom": rec.data["nom"],
            "type": rec.data["type"],
            "population": entier(path, rec, "populationTotale"),
        }
        for membre in rec.data["membres"]:
            if membre.get("code") in communes:
                membership[membre["code"]] = rec.data["code"]
    return epcis, membership


@transaction.atomic
def charger(source: Source) -> Bilan:
    bilan = Bilan()
    regions = _upsert(Region, source.regions, bilan, "régions")
    dept_fields = {
        code: {**d, "region": regions[d["region"]]} for code, d in source.departements.items()
    }
    departements = _upsert(Departement, dept_fields, bilan, "départements")
    epcis = _upsert(EPCI, source.epcis, bilan, "EPCI", key="siren")
    commune_fields = {
        code: {
            **c,
            "departement": departements[c["departement"]],
            "region": regions[c["region"]],
            "epci": epcis.get(source.epci_de_commune.get(code)),
        }
        for code, c in source.communes.items()
    }
    _upsert(Commune, commune_fields, bilan, "communes", key="insee")
    return bilan


def _upsert(model, rows: dict[str, dict], bilan: Bilan, label: str, key: str = "code") -> dict:
    """Create missing rows and update changed ones; return {code: instance}."""
    existing = {getattr(o, key): o for o in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(**{key: code}, **values))
            continue
        changed = [f for f, v in values.items() if _value(obj, f) != _pk(v)]
        if changed:
            for f in changed:
                setattr(obj, f, values[f])
            fields.update(changed)
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields), batch_size=2000)
    bilan.crees[label] = len(to_create)
    bilan.modifies[label] = len(to_update)
    return {getattr(o, key): o for o in model.objects.all()}


def _value(obj, field_name: str):
    field = obj._meta.get_field(field_name)
    if field.is_relation:
        return getattr(obj, field.attname)
    return getattr(obj, field_name)


def _pk(value):
    return value.pk if hasattr(value, "_meta") else value
