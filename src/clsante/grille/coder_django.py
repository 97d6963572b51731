"""The ISTS coder inside the application: fiches actions in, validated codings as training.

The pure-Python coder (``clsante.grille.coder``) knows nothing of Django. This module turns
a :class:`~clsante.programme.models.FicheAction` into the dict the coder reads, collects
the codings validated by users as training examples, retrains, and keeps track of the
model in use: trained models live under ``settings.DATA_DIR / "modeles"`` (one JSON + NPZ
pair per version) and ``en_service.json`` there names the one in use. Without it, the
shipped model is used.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from clsante.grille.coder import Codeur, charger_codeur, donnees, entrainer, modele_livre
from clsante.grille.models import CodageISTS
from clsante.grille.referentiel import MULTI_AXES
from clsante.programme.models import FicheAction

POINTEUR = "en_service.json"
# Fields of a fiche action joined, in this order, into the text the coder reads.
CHAMPS_DESCRIPTIFS = ("contexte", "objectifs_texte", "description", "modalites")


def dossier_modeles() -> Path:
    """Where retrained models are written (``DATA_DIR/modeles``)."""
    return Path(settings.DATA_DIR) / "modeles"


def fiche_en_entree(fiche: FicheAction) -> dict:
    """The fiche as the coder reads it: title, joined text fields, axis, publics, actors."""
    texte = "\n\n".join(
        t.strip() for t in (getattr(fiche, c) or "" for c in CHAMPS_DESCRIPTIFS) if t.strip()
    )
    partenaires = " ; ".join(o.nom for o in fiche.partenaires.all())
    return {
        "id": fiche.pk,
        "titre": fiche.titre,
        "texte": texte,
        "axe": fiche.axe.titre if fiche.axe_id else None,
        "publics_texte": fiche.publics_texte or None,
        "porteur_texte": fiche.porteur.nom if fiche.porteur_id else None,
        "partenaires_texte": partenaires or None,
    }


def codage_en_labels(codage: CodageISTS) -> dict:
    """The five axes of a coding, in the examples' ``labels`` format."""
    labels = {axe: list(getattr(codage, axe) or []) for axe in MULTI_AXES}
    labels["approche"] = codage.approche or None
    return labels


def exemples_valides() -> list[dict]:
    """One training example per validated coding whose fiche has some text."""
    codages = (
        CodageISTS.objects.valides()
        .select_related("fiche__axe", "fiche__porteur")
        .prefetch_related("fiche__partenaires")
        .order_by("fiche_id")
    )
    out = []
    for codage in codages:
        exemple = {**fiche_en_entree(codage.fiche), "labels": codage_en_labels(codage)}
        if not (exemple["texte"] or exemple["titre"] or "").strip():
            continue
        if not exemple["texte"]:
            exemple["texte"] = exemple["titre"]
        exemple["id"] = f"fiche-{codage.fiche_id}"
        out.append(exemple)
    return out


def modele_en_service() -> Path | None:
    """The JSON file of the retrained model in use, or None for the shipped model."""
    pointeur = dossier_modeles() / POINTEUR
    if not pointeur.is_file():
        return None
    try:
        nom = json.loads(pointeur.read_text("utf-8"))["fichier"]
    except (ValueError, KeyError, TypeError):
        return None
    chemin = dossier_modeles() / Path(nom).name
    if not (chemin.is_file() and chemin.with_suffix(".npz").is_file()):
        return None
    return chemin


def charger_codeur_en_service() -> Codeur:
    """The coder with the model in use: the newest retrained one, else the shipped one."""
    return charger_codeur(modele_en_service())


def _ecrire_pointeur(contenu: dict) -> None:
    dossier = dossier_modeles()
    dossier.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dossier, prefix=".en_service", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(contenu, f, ensure_ascii=False, indent=2)
    os.replace(tmp, dossier / POINTEUR)  # atomic: readers see the old or the new model


def mettre_en_service(chemin: Path, version: str) -> None:
    """Mark the model at ``chemin`` (inside the models folder) as the one in use."""
    _ecrire_pointeur(
        {"version": version, "fichier": chemin.name, "depuis": timezone.now().isoformat()}
    )


def revenir_au_modele_livre() -> None:
    """Put the shipped model back in use (retrained models are kept on disk)."""
    pointeur = dossier_modeles() / POINTEUR
    if pointeur.exists():
        pointeur.unlink()


@dataclass(frozen=True)
class ResultatEntrainement:
    version: str
    chemin: Path
    n_livres: int
    n_valides: int
    version_precedente: str


def entrainer_depuis_validations(
    progression: Callable[[str], None] = lambda message: None,
) -> ResultatEntrainement:
    """Retrain on the shipped examples plus the validated codings, save the new model as
    a new version and put it in use. Raises ValueError when no coding is validated."""
    precedente = charger_codeur_en_service().version
    valides = exemples_valides()
    if not valides:
        raise ValueError("Aucun codage validé avec du texte : rien de nouveau à apprendre.")
    n_livres = len(donnees.exemples_livres())
    progression(f"{len(valides)} codage(s) validé(s) lu(s) dans la base.")
    progression(
        f"Entraînement sur {n_livres + len(valides)} exemples "
        f"({n_livres} livrés + {len(valides)} validés)…"
    )
    meta = {
        "sources": {"exemples_livres": n_livres, "codages_valides": len(valides)},
        "entraine_le": timezone.now().isoformat(),
        "version_precedente": precedente,
    }
    codeur = entrainer(valides, meta=meta)
    chemin = codeur.modele.sauvegarder(dossier_modeles(), nom=codeur.version)
    progression(f"Modèle {codeur.version} écrit dans {chemin}.")
    mettre_en_service(chemin, codeur.version)
    return ResultatEntrainement(codeur.version, chemin, n_livres, len(valides), precedente)


__all__ = [
    "ResultatEntrainement",
    "charger_codeur_en_service",
    "codage_en_labels",
    "dossier_modeles",
    "entrainer_depuis_validations",
    "exemples_valides",
    "fiche_en_entree",
    "mettre_en_service",
    "modele_en_service",
    "modele_livre",
    "revenir_au_modele_livre",
]
