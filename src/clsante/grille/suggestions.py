"""The automatic coder's suggestions on a fiche, and the person's decisions on them.

A suggestion is stored per code with its confidence, the supporting words and the
model version. Accepting one adds its code to the fiche's coding (not yet validated);
validating the coding is a separate, explicit act: only validated codings are counted.
"""

from __future__ import annotations

from functools import cache

from django.db import transaction
from django.utils import timezone

from clsante.grille.coder import Codeur
from clsante.grille.coder_django import charger_codeur_en_service, fiche_en_entree
from clsante.grille.models import CodageISTS, SuggestionISTS
from clsante.grille.referentiel import MULTI_AXES
from clsante.programme.models import FicheAction


@cache
def _codeur(version_marker: str) -> Codeur:
    return charger_codeur_en_service()


def codeur() -> Codeur:
    """The coder in use, loaded once per process (reloaded when a new model is put in use)."""
    from clsante.grille.coder_django import modele_en_service

    return _codeur(str(modele_en_service()))


@transaction.atomic
def suggerer(fiche: FicheAction) -> list[SuggestionISTS]:
    """(Re)compute the pending suggestions of a fiche with the model in use."""
    c = codeur()
    (suggestion,) = c.suggerer([fiche_en_entree(fiche)])
    fiche.suggestions.filter(statut=SuggestionISTS.Statut.PROPOSEE).delete()
    decided = set(fiche.suggestions.values_list("axe", "code"))
    rows = []
    for axe in (*MULTI_AXES, "approche"):
        codes = getattr(suggestion, axe)
        for code in [codes] if axe == "approche" else codes:
            if code is None or (axe, code.code) in decided:
                continue
            rows.append(
                SuggestionISTS(
                    fiche=fiche,
                    axe=axe,
                    code=code.code,
                    confiance=round(code.confiance, 4),
                    indices=list(code.indices)[:8],
                    version_modele=suggestion.version,
                )
            )
    return SuggestionISTS.objects.bulk_create(rows)


def a_jour(fiche: FicheAction) -> bool:
    """Whether the fiche already has suggestions from the model in use."""
    return fiche.suggestions.filter(version_modele=codeur().version).exists()


@transaction.atomic
def decider(suggestion: SuggestionISTS, accepter: bool, user) -> CodageISTS:
    codage, _ = CodageISTS.objects.get_or_create(
        fiche=suggestion.fiche,
        defaults={"source": CodageISTS.Source.AUTOMATIQUE, "code_par": user},
    )
    if accepter:
        if suggestion.axe == "approche":
            codage.approche = suggestion.code
        else:
            codes = list(getattr(codage, suggestion.axe))
            if suggestion.code not in codes:
                setattr(codage, suggestion.axe, [*codes, suggestion.code])
        codage.version_modele = suggestion.version_modele
        codage.valide = False
        codage._history_user = user
        codage.save()
    suggestion.statut = (
        SuggestionISTS.Statut.ACCEPTEE if accepter else SuggestionISTS.Statut.REJETEE
    )
    suggestion.decide_par, suggestion.decide_le = user, timezone.now()
    suggestion.save()
    return codage


def valider(codage: CodageISTS, user) -> None:
    codage.valide, codage.valide_par, codage.valide_le = True, user, timezone.now()
    codage._history_user = user
    codage.save()


def enregistrer_codes(fiche: FicheAction, codes: dict, user) -> CodageISTS:
    """A person's own coding (the tree form): replaces the coding, not yet validated."""
    codage, _ = CodageISTS.objects.get_or_create(fiche=fiche, defaults={"code_par": user})
    for axe in MULTI_AXES:
        setattr(codage, axe, list(codes.get(axe) or []))
    codage.approche = codes.get("approche") or ""
    codage.source, codage.code_par, codage.valide = CodageISTS.Source.MANUEL, user, False
    codage._history_user = user
    codage.save()
    return codage
