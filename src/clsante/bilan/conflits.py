"""After a version conflict: the answer shown again, ready to be saved over the newer data.

Someone changed the fiche or a financing line while the porteur was filling in the
questionnaire. Nothing was saved. The page comes back with everything the porteur typed,
the current version numbers (so that saving again works) and, on each part changed
meanwhile, a message saying what it holds now.
"""

from __future__ import annotations

from django.http import QueryDict

from clsante.bilan.forms_reponse import Questionnaire
from clsante.bilan.models import CampagneBilan
from clsante.core.templatetags.humanize_fr import euros
from clsante.programme.models import FicheAction

FICHE_MODIFIEE = (
    "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous avez ouvert ce "
    "questionnaire : son statut est maintenant « {statut} ». Vérifiez le vôtre puis "
    "enregistrez à nouveau ; le reste de votre saisie est conservé."
)
FICHE_MODIFIEE_SANS_DETAIL = (
    "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous avez ouvert ce "
    "questionnaire. Vérifiez votre saisie puis enregistrez à nouveau."
)
LIGNE_MODIFIEE = (
    "Cette ligne de financement a été modifiée par quelqu'un d'autre depuis que vous avez "
    "ouvert ce questionnaire : elle indique maintenant {montant} ({statut}). Vérifiez vos "
    "valeurs puis enregistrez à nouveau ; le reste de votre saisie est conservé."
)


def _version_lue(donnees: QueryDict, prefixe: str) -> int | None:
    try:
        return int(donnees.get(f"{prefixe}-version_lue", ""))
    except ValueError:
        return None


def questionnaire_apres_conflit(
    campagne: CampagneBilan, fiche: FicheAction, donnees: QueryDict
) -> Questionnaire:
    """The questionnaire rebuilt from the database and ``donnees`` (the refused POST)."""
    fiche.refresh_from_db()  # the refused save may have changed it in memory
    reponse = campagne.reponses.filter(fiche=fiche).select_related("note").first()
    donnees = donnees.copy()
    signalements: list[tuple[str, str]] = []
    if _version_lue(donnees, "statut") != fiche.version:
        donnees["statut-version_lue"] = str(fiche.version)
        if donnees.get("statut-statut") != fiche.statut:
            signalements.append(
                ("statut", FICHE_MODIFIEE.format(statut=fiche.get_statut_display()))
            )
    for financement in fiche.financements.filter(annee=campagne.annee):
        prefixe = f"financement-{financement.pk}"
        if _version_lue(donnees, prefixe) != financement.version:
            donnees[f"{prefixe}-version_lue"] = str(financement.version)
            message = LIGNE_MODIFIEE.format(
                montant=euros(financement.montant),
                statut=financement.get_statut_display().lower(),
            )
            signalements.append((prefixe, message))
    questionnaire = Questionnaire(campagne, fiche, reponse, donnees)
    questionnaire.is_valid()
    formulaires = {form.prefix: form for form in questionnaire.formulaires()}
    for prefixe, message in signalements or [("statut", FICHE_MODIFIEE_SANS_DETAIL)]:
        formulaires[prefixe].add_error(None, message)
    return questionnaire
