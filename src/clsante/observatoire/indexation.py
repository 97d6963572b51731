"""Keep the catalogue's index in step with the published fiches."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import QuerySet

from clsante.contrats.models import Contrat
from clsante.core.texte import cle_de_tri
from clsante.observatoire.inventaire import departement_principal
from clsante.observatoire.models import IndexAction
from clsante.observatoire.recherche import racines_indexees
from clsante.programme.models import FicheAction

CHAMPS_TEXTE = ("titre", "contexte", "objectifs_texte", "description", "modalites", "publics_texte")


def fiches_publiees() -> QuerySet[FicheAction]:
    return FicheAction.objects.filter(contrat__publie=True)


def _codes(codes: Iterable[str], top: bool = False) -> str:
    values = {c.split(".")[0] for c in codes} if top else set(codes)
    return " " + " ".join(sorted(values)) + " "


def construire(fiche: FicheAction, departement_id: int | None) -> IndexAction:
    codage = getattr(fiche, "codage", None)
    texte = " ".join(getattr(fiche, champ) or "" for champ in CHAMPS_TEXTE)
    texte += " " + fiche.axe.titre + " " + (fiche.porteur.nom if fiche.porteur else "")
    return IndexAction(
        fiche=fiche,
        contrat=fiche.contrat,
        region_id=fiche.contrat.region_id,
        departement_id=departement_id,
        titre=fiche.titre,
        titre_tri=cle_de_tri(fiche.titre)[:250],
        racines=racines_indexees(texte),
        thematiques=_codes(codage.thematiques if codage else []),
        determinants=_codes(codage.determinants if codage else [], top=True),
        strategies=_codes(codage.strategies if codage else [], top=True),
        publics=_codes(fiche.publics),
        type_porteur=fiche.porteur.type if fiche.porteur else "",
        statut=fiche.statut,
        generation=fiche.contrat.generation,
        synthetique=fiche.contrat.synthetique,
    )


def reindexer(
    contrats: QuerySet[Contrat] | None = None,
    progression: Callable[[int, int], None] | None = None,
    lot: int = 2000,
) -> int:
    """Rebuild the index of the given contracts (all by default); return the count."""
    contrats = contrats if contrats is not None else Contrat.objects.all()
    depts = departement_principal(contrats.filter(publie=True))
    fiches = (
        fiches_publiees()
        .filter(contrat__in=contrats)
        .select_related("contrat", "axe", "porteur", "codage")
        .order_by("pk")
    )
    total = fiches.count()
    with transaction.atomic():
        IndexAction.objects.filter(contrat__in=contrats).delete()
        batch, done = [], 0
        for fiche in fiches.iterator(chunk_size=lot):
            batch.append(construire(fiche, depts.get(fiche.contrat_id)))
            if len(batch) >= lot:
                IndexAction.objects.bulk_create(batch)
                done += len(batch)
                batch = []
                if progression:
                    progression(done, total)
        IndexAction.objects.bulk_create(batch)
    if progression:
        progression(total, total)
    return total


def reindexer_fiche(fiche: FicheAction) -> None:
    IndexAction.objects.filter(fiche=fiche).delete()
    if not fiche.contrat.publie:
        return
    depts = departement_principal(Contrat.objects.filter(pk=fiche.contrat_id))
    fiche = FicheAction.objects.select_related("contrat", "axe", "porteur", "codage").get(
        pk=fiche.pk
    )
    construire(fiche, depts.get(fiche.contrat_id)).save()
