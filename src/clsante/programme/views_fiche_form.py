"""Create and edit a fiche action, one step at a time (``?etape=N``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from clsante.contrats.acces import contrat_modifiable
from clsante.core.models import ConflitDeVersion
from clsante.programme.acces import fiche_modifiable
from clsante.programme.avenants import contrat_signe, instantane
from clsante.programme.forms_fiche import ETAPES, IdentiteForm, etape_demandee
from clsante.programme.models import FicheAction
from clsante.programme.services_fiche import creer_fiche, modifier_fiche


def fiche_creer(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    fiche = FicheAction(contrat=contrat)
    form = IdentiteForm(request.POST or None, instance=fiche, contrat=contrat)
    if request.method == "POST" and form.is_valid():
        avenant = creer_fiche(fiche, form.m2m(), request.user, form.cleaned_data.get("motif", ""))
        message = f"La fiche {fiche.numero} est créée."
        if avenant:
            message += " Ajoutée après la signature, elle est soumise à l'ARS comme avenant."
        messages.success(request, message)
        return redirect(f"{reverse('programme:fiche_modifier', args=[fiche.pk])}?etape=2")
    context = {
        "title": "Nouvelle fiche action",
        "contrat": contrat,
        "fiche": None,
        "form": form,
        "etape": ETAPES[0],
        "etapes": ETAPES,
        "suivante": ETAPES[1],
        "signe": contrat_signe(contrat),
    }
    return render(request, "programme/fiche_form.html", context)


def fiche_modifier(request: HttpRequest, pk: int) -> HttpResponse:
    fiche = fiche_modifiable(request, pk)
    etape = etape_demandee(request.GET.get("etape"))
    avant = instantane(fiche)
    form = etape.form_class(request.POST or None, instance=fiche, contrat=fiche.contrat)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            avenants = modifier_fiche(
                fiche,
                form.version,
                form.m2m(),
                request.user,
                avant,
                form.types_avenant,
                form.cleaned_data.get("motif", ""),
            )
        except ConflitDeVersion as conflit:
            form.add_error(None, str(conflit))
            status = 409
        else:
            message = f"Étape « {etape.titre} » enregistrée."
            if avenants:
                message += " Le changement est soumis à l'ARS comme avenant."
            messages.success(request, message)
            if etape.numero < len(ETAPES):
                url = reverse("programme:fiche_modifier", args=[fiche.pk])
                return redirect(f"{url}?etape={etape.numero + 1}")
            return redirect("programme:fiche", pk=fiche.pk)
    context = {
        "title": f"Modifier la fiche {avant['numero']} — {etape.titre}",
        "contrat": fiche.contrat,
        "fiche": fiche,
        "numero_lu": avant["numero"],
        "form": form,
        "etape": etape,
        "etapes": ETAPES,
        "suivante": ETAPES[etape.numero] if etape.numero < len(ETAPES) else None,
        "signe": contrat_signe(fiche.contrat),
    }
    return render(request, "programme/fiche_form.html", context, status=status)
