"""The porteur's answer for one fiche of a campaign."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from clsante.bilan.acces import campagne_visible, fiche_a_completer
from clsante.bilan.conflits import questionnaire_apres_conflit
from clsante.bilan.forms_reponse import Questionnaire
from clsante.bilan.models import CampagneBilan
from clsante.bilan.reponses import enregistrer_reponse
from clsante.contrats.views_commun import fil_ariane
from clsante.core.models import ConflitDeVersion


def repondre(request: HttpRequest, pk: int, fiche_pk: int) -> HttpResponse:
    campagne = campagne_visible(request, pk)
    fiche = fiche_a_completer(request, campagne, fiche_pk)
    reponse = campagne.reponses.filter(fiche=fiche).select_related("note").first()
    donnees = request.POST if request.method == "POST" else None
    questionnaire = Questionnaire(campagne, fiche, reponse, donnees)
    status = 200
    if donnees is not None:
        if questionnaire.is_valid():
            try:
                enregistrer_reponse(questionnaire, request.user, timezone.localdate())
            except ConflitDeVersion:
                questionnaire = questionnaire_apres_conflit(campagne, fiche, request.POST)
                reponse = questionnaire.reponse_existante
                status = 409
            else:
                messages.success(
                    request,
                    f"Réponse enregistrée pour la fiche {fiche.numero} : son suivi est mis à jour.",
                )
                if campagne.peut_gerer(request.user):
                    return redirect("bilan:campagne", campagne.pk)
                return redirect("bilan:mes_fiches")
        else:
            status = 400
    context = {
        "title": f"Bilan {campagne.annee} — fiche {fiche.numero}",
        "breadcrumb_data": fil_ariane(
            campagne.contrat,
            f"Fiche {fiche.numero}",
            ("Bilan annuel", reverse("bilan:contrat", args=[campagne.contrat_id])),
            (f"Campagne {campagne.annee}", _page_campagne(campagne, request.user)),
        ),
        "campagne": campagne,
        "fiche": fiche,
        "reponse": reponse,
        "q": questionnaire,
        "date_mesures": campagne.date_des_mesures(timezone.localdate()),
        "retour": (
            reverse("bilan:campagne", args=[campagne.pk])
            if campagne.peut_gerer(request.user)
            else reverse("bilan:mes_fiches")
        ),
    }
    return render(request, "bilan/repondre.html", context, status=status)


def _page_campagne(campagne: CampagneBilan, user) -> str:
    """The campaign's progress page for those who follow it; a porteur's own list otherwise."""
    if campagne.peut_voir_avancement(user):
        return reverse("bilan:campagne", args=[campagne.pk])
    return reverse("bilan:mes_fiches") + f"#campagne-{campagne.pk}"
