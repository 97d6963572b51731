"""Saving an answer into the fiche's own follow-up: status, note, values, financing.

Everything is written through the same models (and history) as the follow-up tab, and
answering again updates what the first answer wrote instead of adding to it.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from clsante.bilan.forms_reponse import Questionnaire
from clsante.bilan.models import ReponseBilan
from clsante.programme.avenants import instantane
from clsante.programme.models import FicheAction, Financement, Mesure, NoteSuivi
from clsante.programme.services_fiche import modifier_fiche


@transaction.atomic
def enregistrer_reponse(questionnaire: Questionnaire, auteur, today: datetime.date) -> ReponseBilan:
    """Save a valid questionnaire; ConflitDeVersion (nothing saved) if the fiche or a
    financing line was changed by someone else since the form was shown.

    Answers for one fiche are saved one at a time (its row is locked): an answer given
    meanwhile (a double click, two people at once) is updated rather than duplicated.
    """
    fiche = questionnaire.fiche
    verrou = FicheAction.objects.select_for_update().filter(pk=fiche.pk)
    _statut(questionnaire, verrou.values_list("statut", flat=True).get(), auteur)
    reponse = questionnaire.reponse.save(commit=False)
    if reponse.pk is None:
        deja = ReponseBilan.objects.filter(campagne=questionnaire.campagne, fiche=fiche).first()
        if deja is not None:
            reponse.pk, reponse.note = deja.pk, deja.note
            reponse._state.adding = False
    reponse.repondu_par = auteur
    reponse.repondu_le = timezone.now()
    reponse.note = _note(questionnaire, reponse, auteur, today)
    reponse._history_user = auteur
    reponse.save()
    questionnaire.reponse.save_m2m()
    _mesures(questionnaire, reponse, auteur, today)
    _financements(questionnaire, auteur)
    return reponse


def _statut(questionnaire: Questionnaire, statut_actuel: str, auteur) -> None:
    """Change the status if it differs from the one in the database (not the one read:
    an answer sent twice does not conflict with itself)."""
    form, fiche = questionnaire.statut, questionnaire.fiche
    statut = form.cleaned_data["statut"]
    if statut == statut_actuel:
        return
    avant = instantane(fiche)
    fiche.statut = statut
    modifier_fiche(
        fiche,
        form.cleaned_data["version_lue"],
        {},
        auteur,
        avant,
        form.types_avenant,
        form.cleaned_data.get("motif", ""),
    )


def _note(questionnaire: Questionnaire, reponse: ReponseBilan, auteur, today) -> NoteSuivi:
    """The answer's progress note, dated in the reviewed year like the indicator values,
    so that the annual review of that year shows it."""
    texte = questionnaire.reponse.cleaned_data["avancement"].strip()
    date = questionnaire.campagne.date_des_mesures(today)
    note = reponse.note or NoteSuivi(fiche=questionnaire.fiche)
    if note.pk and (note.texte, note.date) == (texte, date):
        return note
    note.texte, note.auteur, note.date = texte, auteur, date
    note.save()
    return note


def _mesures(questionnaire: Questionnaire, reponse: ReponseBilan, auteur, today) -> None:
    date = questionnaire.campagne.date_des_mesures(today)
    commentaire = f"Bilan annuel {questionnaire.campagne.annee}"
    deja = {m.indicateur_id: m for m in reponse.mesures.all()}
    for indicateur, valeur in questionnaire.indicateurs.valeurs():
        mesure = deja.get(indicateur.pk)
        if valeur is None:
            if mesure is not None:  # the value this answer gave was withdrawn
                mesure._history_user = auteur
                mesure.delete()
            continue
        if mesure is None:
            mesure = indicateur.mesures.filter(date=date).first() or Mesure(indicateur=indicateur)
        if mesure.pk and (mesure.valeur, mesure.date) == (valeur, date):
            reponse.mesures.add(mesure)
            continue
        mesure.valeur, mesure.date, mesure.saisie_par = valeur, date, auteur
        mesure.commentaire = mesure.commentaire or commentaire
        mesure.full_clean()
        mesure._history_user = auteur
        mesure.save()
        reponse.mesures.add(mesure)


def _financements(questionnaire: Questionnaire, auteur) -> None:
    for ligne, form in questionnaire.financements:
        if not form.has_changed() or _deja_enregistre(ligne, form.cleaned_data):
            continue
        financement = form.save(commit=False)
        financement._history_user = auteur
        financement.enregistrer_si_version(form.cleaned_data["version_lue"])
    nouveau = questionnaire.nouveau_financement
    if nouveau.rempli:
        financement: Financement = nouveau.save(commit=False)
        financement._history_user = auteur
        financement.save()


def _deja_enregistre(ligne: Financement, cleaned: dict) -> bool:
    """The line already holds these values (the same answer sent twice): nothing to save."""
    actuel = Financement.objects.filter(pk=ligne.pk).values("montant", "statut").get()
    return (actuel["montant"], actuel["statut"]) == (cleaned["montant"], cleaned["statut"])
