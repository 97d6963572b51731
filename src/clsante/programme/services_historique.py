"""The history of a fiche as "who changed what, when".

Reads the simple-history records of the fiche and of its indicators, their values and
its financing lines, and turns each into an event listing the fields changed (French
labels, old → new values). Records are compared with the previous record of the same
object, computed in Python over one query a model (no query per record).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils import timezone

from clsante.core.templatetags.humanize_fr import nombre
from clsante.grille.referentiel import grille
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction, Financement, Indicateur, Mesure

IGNORES = {"id", "version", "cree_le", "modifie_le", "contrat", "fiche", "indicateur"}
VIDE = "—"


@dataclass(frozen=True)
class Changement:
    champ: str
    avant: str
    apres: str


@dataclass
class Evenement:
    date: datetime.datetime
    ordre: int
    qui: str
    objet: str
    action: str
    changements: list[Changement] = field(default_factory=list)


def _champs(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in IGNORES]


class _Libelles:
    """Labels of the objects foreign keys point to, fetched once a model."""

    def __init__(self, records_par_modele: dict[type[models.Model], list]) -> None:
        ids: dict[type[models.Model], set] = defaultdict(set)
        for model, records in records_par_modele.items():
            # A measure is named after its indicator, which is not one of its shown fields.
            relations = [
                *_champs(model),
                *[f for f in model._meta.concrete_fields if f.name == "indicateur"],
            ]
            for f in relations:
                if f.is_relation:
                    ids[f.related_model].update(
                        v for r in records if (v := getattr(r, f.attname)) is not None
                    )
        self.cache = {
            model: {o.pk: str(o) for o in model._default_manager.filter(pk__in=pks)}
            for model, pks in ids.items()
        }

    def de(self, model: type[models.Model], pk) -> str:
        if pk is None:
            return VIDE
        return self.cache.get(model, {}).get(pk, f"élément supprimé n° {pk}")


def _valeur(f: models.Field, valeur, libelles: _Libelles) -> str:
    if f.is_relation:
        return libelles.de(f.related_model, valeur)
    if valeur is None or valeur == "" or valeur == []:
        return VIDE
    if f.choices:
        return str(dict(f.flatchoices).get(valeur, valeur))
    if isinstance(valeur, bool):
        return "Oui" if valeur else "Non"
    if isinstance(valeur, datetime.datetime):
        return timezone.localtime(valeur).strftime("%d/%m/%Y %H:%M")
    if isinstance(valeur, datetime.date):
        return valeur.strftime("%d/%m/%Y")
    if isinstance(valeur, Decimal | int | float):
        return nombre(valeur)
    if f.name == "publics" and isinstance(valeur, list):
        return ", ".join(grille().libelle("publics", c) for c in valeur)
    return str(valeur)


def _libelle_champ(f: models.Field) -> str:
    nom = str(f.verbose_name)
    return nom[:1].upper() + nom[1:]


def _objet(model, record, libelles: _Libelles) -> str:
    if model is FicheAction:
        return "Fiche"
    if model is Indicateur:
        return f"Indicateur « {record.libelle} »"
    if model is Mesure:
        return f"Valeur de l'indicateur « {libelles.de(Indicateur, record.indicateur_id)} »"
    if model is Financement:
        return f"Financement {libelles.de(Organisation, record.financeur_id)} {record.annee}"
    return str(model._meta.verbose_name)


def _evenements(model, records: list, libelles: _Libelles) -> list[Evenement]:
    champs = _champs(model)
    precedent: dict = {}
    evenements = []
    for r in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        avant = precedent.get(r.id)
        precedent[r.id] = r
        if r.history_type == "-":
            action, changements = "Suppression", []
        elif r.history_type == "+" or avant is None:
            action = "Création"
            changements = (
                []
                if model is FicheAction
                else [
                    Changement(_libelle_champ(f), VIDE, _valeur(f, getattr(r, f.attname), libelles))
                    for f in champs
                    if getattr(r, f.attname) not in (None, "", [])
                ]
            )
        else:
            action = "Modification"
            changements = [
                Changement(
                    _libelle_champ(f),
                    _valeur(f, getattr(avant, f.attname), libelles),
                    _valeur(f, getattr(r, f.attname), libelles),
                )
                for f in champs
                if getattr(avant, f.attname) != getattr(r, f.attname)
            ]
            if not changements:
                continue  # saved without a visible change
        qui = str(r.history_user) if r.history_user else "Import ou traitement automatique"
        evenements.append(
            Evenement(
                r.history_date, r.history_id, qui, _objet(model, r, libelles), action, changements
            )
        )
    return evenements


def historique_fiche(fiche: FicheAction) -> list[Evenement]:
    """Every recorded change of the fiche and its follow-up, newest first."""
    indicateurs = set(Indicateur.history.filter(fiche_id=fiche.pk).values_list("id", flat=True))
    requetes = {
        FicheAction: fiche.history.all(),
        Indicateur: Indicateur.history.filter(fiche_id=fiche.pk),
        Mesure: Mesure.history.filter(indicateur_id__in=indicateurs),
        Financement: Financement.history.filter(fiche_id=fiche.pk),
    }
    records = {m: list(q.select_related("history_user")) for m, q in requetes.items()}
    libelles = _Libelles(records)
    evenements = [e for m, rs in records.items() for e in _evenements(m, rs, libelles)]
    return sorted(evenements, key=lambda e: (e.date, e.ordre), reverse=True)
