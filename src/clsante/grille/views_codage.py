"""The coding panel of a fiche: the automatic coder's suggestions and a person's decisions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from clsante.grille import suggestions
from clsante.grille.forms import CodageForm
from clsante.grille.models import CodageISTS, SuggestionISTS
from clsante.grille.referentiel import AXE_LIBELLES, AXES
from clsante.programme.acces import fiche_visible
from clsante.programme.models import FicheAction
from clsante.programme.views_commun import droits_sur_fiche


def codage(request: HttpRequest, pk: int) -> HttpResponse:
    fiche = fiche_visible(request, pk)
    autorise = fiche.contrat.peut_coder(request.user)
    if request.method == "POST":
        if not autorise:
            raise PermissionDenied("Seules la coordination et l'ARS codent les fiches.")
        return _action(request, fiche)
    if autorise and not suggestions.a_jour(fiche):
        suggestions.suggerer(fiche)
    codage_actuel = CodageISTS.objects.filter(fiche=fiche).first()
    initial = {axe: getattr(codage_actuel, axe) for axe in AXES} if codage_actuel else {}
    context = {
        "title": f"Codage ISTS de la fiche {fiche.numero}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "codage": codage_actuel,
        "libelles": {AXE_LIBELLES[a]: codage_actuel.libelles(a) for a in AXES}
        if codage_actuel
        else {},
        "propositions": _par_axe(fiche.suggestions.filter(statut=SuggestionISTS.Statut.PROPOSEE)),
        "decidees": fiche.suggestions.exclude(statut=SuggestionISTS.Statut.PROPOSEE).select_related(
            "decide_par"
        ),
        "form": CodageForm(initial=initial) if autorise else None,
        "autorise": autorise,
        "droits": droits_sur_fiche(fiche, request.user),
    }
    return render(request, "grille/codage.html", context)


def _par_axe(queryset) -> list[tuple[str, list[SuggestionISTS]]]:
    rows = list(queryset)
    return [
        (AXE_LIBELLES[a], [s for s in rows if s.axe == a])
        for a in AXES
        if any(s.axe == a for s in rows)
    ]


def _action(request: HttpRequest, fiche: FicheAction) -> HttpResponse:
    action = request.POST.get("action", "")
    if action in ("accepter", "rejeter"):
        ident = request.POST.get("suggestion", "")
        suggestion = get_object_or_404(
            fiche.suggestions,
            pk=int(ident) if ident.isdigit() else 0,
            statut=SuggestionISTS.Statut.PROPOSEE,
        )
        suggestions.decider(suggestion, action == "accepter", request.user)
        verbe = "acceptée" if action == "accepter" else "rejetée"
        messages.success(request, f"Suggestion « {suggestion.libelle} » {verbe}.")
    elif action == "suggerer":
        n = len(suggestions.suggerer(fiche))
        messages.info(request, f"{n} suggestion(s) calculée(s) par le codeur automatique.")
    elif action == "valider":
        codage_actuel = get_object_or_404(CodageISTS, fiche=fiche)
        suggestions.valider(codage_actuel, request.user)
        messages.success(request, "Codage validé : il compte désormais dans la lecture ISTS.")
    elif action == "enregistrer":
        form = CodageForm(request.POST)
        if not form.is_valid():
            messages.error(
                request,
                "Codage non enregistré : "
                + "; ".join(
                    f"{form.fields[k].label} : {' '.join(v)}" for k, v in form.errors.items()
                ),
            )
            return redirect("grille:codage", pk=fiche.pk)
        suggestions.enregistrer_codes(fiche, form.cleaned_data, request.user)
        messages.success(request, "Codage enregistré. Validez-le pour qu'il soit compté.")
    else:
        messages.error(request, "Action inconnue : rien n'a été modifié.")
    return redirect("grille:codage", pk=fiche.pk)
