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
from clsante.programme.models import Financement, Mesure, NoteSuivi
from clsante.programme.services_fiche import modifier_fiche


@transaction.atomic
def enregistrer_reponse(questionnaire: Questionnaire, auteur, today: datetime.date) -> ReponseBilan:
    """Save a valid questionnaire; ConflitDeVersion (nothing saved) if the fiche or a
    financing line was changed by someone else since the form was shown."""
    _statut(questionnaire, auteur)
    reponse = questionnaire.reponse.save(commit=False)
    reponse.repondu_par = auteur
    reponse.repondu_le = timezone.now()
    reponse.note = _note(questionnaire, reponse, auteur, today)
    reponse._history_user = auteur
    reponse.save()
    questionnaire.reponse.save_m2m()
    _mesures(questionnaire, reponse, auteur, today)
    _financements(questionnaire, auteur)
    return reponse


def _statut(questionnaire: Questionnaire, auteur) -> None:
    form, fiche = questionnaire.statut, questionnaire.fiche
    statut = form.cleaned_data["statut"]
    if statut == fiche.statut:
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
    texte = questionnaire.reponse.cleaned_data["avancement"].strip()
    note = reponse.note or NoteSuivi(fiche=questionnaire.fiche)
    if note.pk and note.texte == texte:
        return note
    note.texte, note.auteur, note.date = texte, auteur, today
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
    for _, form in questionnaire.financements:
        if not form.has_changed():
            continue
        financement = form.save(commit=False)
        financement._history_user = auteur
        financement.enregistrer_si_version(form.cleaned_data["version_lue"])
    nouveau = questionnaire.nouveau_financement
    if nouveau.rempli:
        financement: Financement = nouveau.save(commit=False)
        financement._history_user = auteur
        financement.save()
