"""The life of an import: upload, mapping, preview, then apply (in the background if long).

Progress of a background import is kept in a small file next to the uploads rather than in
the database: the rows are written in one transaction, and on SQLite a second connection
could not write the counter while that transaction holds the database. The thread dies
with the web process: an import « en cours » without progress for ``SANS_PROGRES`` is
shown as interrupted (its transaction wrote nothing) and can be run again.

An uploaded file lives only as long as its import needs it: it is deleted once the import
is applied, has failed, is abandoned, or is older than ``CONSERVATION`` (``purger``, run by
``clsante purger_imports`` and on each new upload to the same contract), and with the
import itself (``signals``).
"""

from __future__ import annotations

import datetime
import logging
import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from clsante.imports import annuaire, correspondance, ecriture, lecture, programme
from clsante.imports.erreurs import ImportInvalide
from clsante.imports.models import Correspondance, Import, TypeImport

logger = logging.getLogger(__name__)
SEUIL_ARRIERE_PLAN_DEFAUT = 200
SANS_PROGRES = datetime.timedelta(minutes=30)
CONSERVATION = datetime.timedelta(days=7)
INTERROMPU = (
    "L'import a été interrompu (redémarrage du serveur) ; rien n'a été importé : relancez-le."
)


def seuil_arriere_plan() -> int:
    return getattr(settings, "CLSANTE_IMPORT_SEUIL_ARRIERE_PLAN", SEUIL_ARRIERE_PLAN_DEFAUT)


def lire_fichier(imp: Import) -> lecture.Classeur:
    with imp.fichier.open("rb") as f:
        return lecture.lire(f, imp.nom_fichier, imp.fichier.size)


def televerser(contrat, type_: str, fichier, auteur) -> Import:
    """Read the upload (FichierRefuse if it is not acceptable) and prepare its import.

    The contract's old uploads are purged on the way (``purger``).
    """
    classeur = lecture.lire(fichier, fichier.name, fichier.size)
    purger(contrat=contrat)
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
    try:
        if memorisee:
            imp.correspondance = memorisee.correspondance
            imp.rapport = {"correspondance_reprise": True}
        else:
            imp.correspondance = proposition
        imp.save()
        if memorisee or correspondance.est_modele(type_, entetes):
            analyser(imp, classeur)
    except BaseException:
        supprimer_fichier(imp)
        if imp.pk:
            imp.delete()
        raise
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
    imp.rapport.pop("_donnees", None)  # written again from the file when applied
    imp.rapport["correspondance_reprise"] = reprise
    imp.lignes_total = len(imp.rapport["lignes"])
    imp.statut = Import.Statut.A_VALIDER
    imp.save()


# -- applying ------------------------------------------------------------------------------


def fichier_progression(imp: Import) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / "progression" / f"{imp.pk}.txt"


def progression(imp: Import) -> int:
    try:
        return int(fichier_progression(imp).read_text())
    except (OSError, ValueError):
        return 0


def _noter(imp: Import, lignes: int) -> None:
    chemin = fichier_progression(imp)
    chemin.parent.mkdir(parents=True, exist_ok=True)
    chemin.write_text(str(lignes))


def _ecrire(imp: Import, classeur: lecture.Classeur) -> dict:
    """Analyse the file again and write it; ImportInvalide carries the new report."""
    with transaction.atomic():
        resultat, analyse = rapport(imp, classeur)
        try:
            if imp.type == TypeImport.ANNUAIRE:
                annuaire.ecrire(imp.contrat, analyse)
            else:
                motif = f"Import du fichier « {imp.nom_fichier} »."
                ecriture.ecrire(analyse, imp.auteur, motif, lambda n: _noter(imp, n))
        except ImportInvalide as exc:
            exc.rapport = {k: v for k, v in resultat.items() if k != "_donnees"}
            raise
    return {k: v for k, v in resultat.items() if k != "_donnees"}


def executer(imp: Import) -> None:
    """Re-check the file and write it, all or nothing; the import records the outcome.

    Whatever the outcome, the uploaded file is deleted: a failed file must be corrected
    and uploaded again.
    """
    imp.demarre_le = imp.demarre_le or timezone.now()
    try:
        imp.rapport = _ecrire(imp, lire_fichier(imp))
        imp.statut = Import.Statut.TERMINE
    except ImportInvalide as exc:
        imp.rapport = {**(exc.rapport or imp.rapport), "erreurs": exc.erreurs, "interrompu": False}
        imp.statut = Import.Statut.ECHEC
    except lecture.FichierRefuse as exc:
        imp.rapport = {**imp.rapport, "erreurs": [str(exc)], "interrompu": False}
        imp.statut = Import.Statut.ECHEC
    except Exception:
        logger.exception("Import %s en échec", imp.pk)
        erreur = "Erreur inattendue : rien n'a été importé."
        imp.rapport = {**imp.rapport, "erreurs": [erreur], "interrompu": False}
        imp.statut = Import.Statut.ECHEC
    imp.termine_le = timezone.now()
    supprimer_fichier(imp)
    imp.save()
    fichier_progression(imp).unlink(missing_ok=True)


def _executer_en_arriere_plan(pk: int) -> None:
    close_old_connections()
    try:
        executer(Import.objects.select_related("contrat", "auteur").get(pk=pk))
    finally:
        connection.close()


def appliquer(imp: Import) -> None:
    """Apply now, or in a background thread (started after commit) for a long file."""
    imp.demarre_le = timezone.now()
    imp.rapport = {**imp.rapport, "erreurs": [], "interrompu": False}
    if imp.lignes_total <= seuil_arriere_plan():
        executer(imp)
        return
    imp.statut = Import.Statut.EN_COURS
    imp.save(update_fields=["statut", "demarre_le", "rapport"])
    _noter(imp, 0)
    thread = threading.Thread(target=_executer_en_arriere_plan, args=(imp.pk,), daemon=True)
    transaction.on_commit(thread.start)


# -- interrupted, abandoned and old imports ------------------------------------------------


def derniere_activite(imp: Import) -> datetime.datetime:
    """When a running import last showed progress (or started)."""
    debut = imp.demarre_le or imp.cree_le
    try:
        noter = fichier_progression(imp).stat().st_mtime
    except OSError:
        return debut
    return max(debut, datetime.datetime.fromtimestamp(noter, tz=datetime.UTC))


def constater_interruption(imp: Import) -> None:
    """An import « en cours » without progress for ``SANS_PROGRES`` was stopped by a restart
    of the server (its thread died with the process; its transaction wrote nothing)."""
    if imp.statut != Import.Statut.EN_COURS:
        return
    if timezone.now() - derniere_activite(imp) < SANS_PROGRES:
        return
    imp.statut = Import.Statut.ECHEC
    imp.rapport = {**imp.rapport, "erreurs": [INTERROMPU], "interrompu": True}
    imp.termine_le = timezone.now()
    imp.save(update_fields=["statut", "rapport", "termine_le"])
    fichier_progression(imp).unlink(missing_ok=True)


def supprimer_fichier(imp: Import) -> None:
    if imp.fichier:
        imp.fichier.delete(save=False)


def abandonner(imp: Import) -> None:
    """Give up an import waiting for the person: it is marked abandoned, its file deleted."""
    if imp.abandonnable:
        imp.statut = Import.Statut.ABANDONNE
        imp.termine_le = timezone.now()
    supprimer_fichier(imp)
    imp.save()


def purger(anciennete: datetime.timedelta = CONSERVATION, contrat=None) -> int:
    """Delete the files of imports older than ``anciennete`` that are not running; those still
    waiting for the person are abandoned. Returns how many files were deleted."""
    anciens = Import.objects.filter(cree_le__lt=timezone.now() - anciennete).exclude(fichier="")
    if contrat is not None:
        anciens = anciens.filter(contrat=contrat)
    supprimes = 0
    for imp in anciens:
        constater_interruption(imp)
        if imp.statut != Import.Statut.EN_COURS:
            abandonner(imp)
            supprimes += 1
    return supprimes
