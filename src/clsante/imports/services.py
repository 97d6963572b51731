"""The life of an import: upload, mapping, preview, then apply (in the background if long).

Progress of a background import is kept in a small file next to the uploads rather than in
the database: the rows are written in one transaction, and on SQLite a second connection
could not write the counter while that transaction holds the database.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from clsante.imports import annuaire, correspondance, ecriture, lecture, programme
from clsante.imports.models import Correspondance, Import, TypeImport

logger = logging.getLogger(__name__)
SEUIL_ARRIERE_PLAN_DEFAUT = 200


def seuil_arriere_plan() -> int:
    return getattr(settings, "CLSANTE_IMPORT_SEUIL_ARRIERE_PLAN", SEUIL_ARRIERE_PLAN_DEFAUT)


def lire_fichier(imp: Import) -> lecture.Classeur:
    with imp.fichier.open("rb") as f:
        return lecture.lire(f, imp.nom_fichier, imp.fichier.size)


def televerser(contrat, type_: str, fichier, auteur) -> Import:
    """Read the upload (FichierRefuse if it is not acceptable) and prepare its import."""
    classeur = lecture.lire(fichier, fichier.name, fichier.size)
    proposition = correspondance.proposer(type_, classeur)
    entetes = correspondance.entetes(classeur, proposition)
    signature = correspondance.signature(entetes)
    memorisee = Correspondance.objects.filter(
        contrat=contrat, type=type_, signature=signature
    ).first()
    imp = Import(contrat=contrat, type=type_, auteur=auteur, nom_fichier=fichier.name[:255])
    imp.statut = Import.Statut.A_CORRESPONDRE
    fichier.seek(0)
    imp.fichier.save(Path(fichier.name).name[:80], fichier, save=False)
    if memorisee:
        imp.correspondance = memorisee.correspondance
        imp.rapport = {"correspondance_reprise": True}
    else:
        imp.correspondance = proposition
    if memorisee or correspondance.est_modele(type_, entetes):
        imp.save()
        analyser(imp, classeur)
    else:
        imp.statut = Import.Statut.A_CORRESPONDRE
        imp.save()
    return imp


def memoriser(imp: Import, classeur: lecture.Classeur) -> None:
    signature = correspondance.signature(correspondance.entetes(classeur, imp.correspondance))
    Correspondance.objects.update_or_create(
        contrat=imp.contrat,
        type=imp.type,
        signature=signature,
        defaults={"correspondance": imp.correspondance},
    )


def rapport(imp: Import, classeur: lecture.Classeur) -> tuple[dict, object]:
    if imp.type == TypeImport.ANNUAIRE:
        resultat = annuaire.analyser(imp.contrat, classeur, imp.correspondance)
        return resultat, resultat
    analyse = programme.analyser(imp.contrat, classeur, imp.correspondance)
    return analyse.rapport(), analyse


def analyser(imp: Import, classeur: lecture.Classeur | None = None) -> None:
    """Build the preview of an import (nothing is written to the contract)."""
    classeur = classeur or lire_fichier(imp)
    reprise = imp.rapport.get("correspondance_reprise", False)
    imp.rapport, _ = rapport(imp, classeur)
    imp.rapport["correspondance_reprise"] = reprise
    imp.lignes_total = len(imp.rapport["lignes"])
    imp.statut = Import.Statut.A_VALIDER
    imp.save()


# -- applying ------------------------------------------------------------------------------


def _fichier_progression(imp: Import) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / "progression" / f"{imp.pk}.txt"


def progression(imp: Import) -> int:
    try:
        return int(_fichier_progression(imp).read_text())
    except (OSError, ValueError):
        return 0


def _noter(imp: Import, lignes: int) -> None:
    chemin = _fichier_progression(imp)
    chemin.parent.mkdir(parents=True, exist_ok=True)
    chemin.write_text(str(lignes))


def executer(imp: Import) -> None:
    """Re-check the file and write it, all or nothing; the import records the outcome."""
    try:
        classeur = lire_fichier(imp)
        with transaction.atomic():
            resultat, analyse = rapport(imp, classeur)
            if resultat["erreurs"]:
                raise ecriture.ImportInvalide("Le fichier contient des erreurs.")
            if imp.type == TypeImport.ANNUAIRE:
                annuaire.ecrire(analyse)
            else:
                motif = f"Import du fichier « {imp.nom_fichier} »."
                ecriture.ecrire(analyse, imp.auteur, motif, lambda n: _noter(imp, n))
        resultat.pop("_donnees", None)
        imp.rapport = resultat
        imp.statut = Import.Statut.TERMINE
        imp.fichier.delete(save=False)
    except (ecriture.ImportInvalide, lecture.FichierRefuse) as exc:
        imp.rapport = {**imp.rapport, "erreurs": imp.rapport.get("erreurs") or [str(exc)]}
        imp.statut = Import.Statut.ECHEC
    except Exception:
        logger.exception("Import %s en échec", imp.pk)
        imp.rapport = {**imp.rapport, "erreurs": ["Erreur inattendue : rien n'a été importé."]}
        imp.statut = Import.Statut.ECHEC
    imp.termine_le = timezone.now()
    imp.save()
    _fichier_progression(imp).unlink(missing_ok=True)


def _executer_en_arriere_plan(pk: int) -> None:
    close_old_connections()
    try:
        executer(Import.objects.select_related("contrat", "auteur").get(pk=pk))
    finally:
        connection.close()


def appliquer(imp: Import) -> None:
    """Apply now, or in a background thread (started after commit) for a long file."""
    if imp.lignes_total <= seuil_arriere_plan():
        executer(imp)
        return
    imp.statut = Import.Statut.EN_COURS
    imp.save(update_fields=["statut"])
    _noter(imp, 0)
    thread = threading.Thread(target=_executer_en_arriere_plan, args=(imp.pk,), daemon=True)
    transaction.on_commit(thread.start)
