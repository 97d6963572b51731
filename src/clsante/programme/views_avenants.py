"""The amendments (avenants) of a contract, and the ARS referent's decision on them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from clsante.contrats.acces import contrat_visible
from clsante.contrats.models import Contrat
from clsante.programme.forms_echanges import DecisionAvenantForm
from clsante.programme.models import Avenant, ProgrammeSigne
from clsante.programme.services_avenants import comparer_programmes, decider_avenant, ecarts


def avenants(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    signe = ProgrammeSigne.objects.filter(contrat=contrat).first()
    liste = contrat.avenants.select_related("fiche", "demande_par", "valide_par")
    context = {
        "title": f"Avenants — {contrat.nom}",
        "contrat": contrat,
        "signe": signe,
        "avenants": [(a, ecarts(a.avant, a.apres)) for a in liste],
        "lignes": comparer_programmes(contrat, signe.fiches) if signe else [],
        "peut_valider": contrat.peut_valider_avenants(request.user),
        "en_attente": Avenant.Statut.EN_ATTENTE,
        "valide": Avenant.Statut.VALIDE,
        "refuse": Avenant.Statut.REFUSE,
    }
    return render(request, "programme/avenants.html", context)


@require_POST
def avenant_decider(request: HttpRequest, pk: int) -> HttpResponse:
    visibles = Avenant.objects.filter(contrat__in=Contrat.objects.visibles_par(request.user))
    avenant = get_object_or_404(visibles.select_related("contrat"), pk=pk)
    if not avenant.contrat.peut_valider_avenants(request.user):
        raise PermissionDenied(
            "Seul le référent ARS du contrat peut valider ou refuser un avenant."
        )
    form = DecisionAvenantForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("decision", ["Décision invalide."])))
    elif decider_avenant(avenant, form.cleaned_data["decision"], request.user):
        verbe = "validé" if form.cleaned_data["decision"] == Avenant.Statut.VALIDE else "refusé"
        messages.success(request, f"L'avenant de la fiche {avenant.numero_fiche} est {verbe}.")
    else:
        messages.error(request, "Cet avenant a déjà fait l'objet d'une décision.")
    return redirect("programme:avenants", pk=avenant.contrat_id)
