"""The follow-up tab of a fiche: everyone who reads the fiche sees it; the coordinatrice
and the fiche's porteur record progress (one small form a kind, ``formulaire`` says which).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.module_loading import import_string

from clsante.core.models import ConflitDeVersion
from clsante.programme.acces import fiche_suivable, fiche_visible
from clsante.programme.avenants import instantane
from clsante.programme.forms_suivi import (
    EtapeSuiviForm,
    FinancementForm,
    MesureForm,
    NoteForm,
    StatutForm,
)
from clsante.programme.models import FicheAction, Financement, Mesure, NoteSuivi
from clsante.programme.services_fiche import modifier_fiche
from clsante.programme.services_suivi import etats_indicateurs
from clsante.programme.views_commun import droits_sur_fiche


def fiche_suivi(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        fiche = fiche_suivable(request, pk)
        traitement = TRAITEMENTS.get(request.POST.get("formulaire", ""))
        if traitement is None:
            raise Http404("Ce formulaire de suivi n'existe pas.")
        return traitement(request, fiche)
    return _page(request, fiche_visible(request, pk))


def _encarts(request: HttpRequest, fiche: FicheAction) -> list[str]:
    """Sections other apps add to the tab (settings.CLSANTE_ENCARTS_SUIVI)."""
    encarts = (import_string(chemin)(request, fiche) for chemin in settings.CLSANTE_ENCARTS_SUIVI)
    return [e for e in encarts if e]


def _page(
    request: HttpRequest, fiche: FicheAction, lie: dict | None = None, status: int = 200
) -> HttpResponse:
    """The tab; ``lie`` holds the one bound form to show again with its errors."""
    lie = lie or {}
    droits = droits_sur_fiche(fiche, request.user)
    etapes = list(fiche.etapes.all())
    financements = list(fiche.financements.select_related("financeur"))
    indicateurs = fiche.indicateurs.prefetch_related("mesures")
    context = {
        "title": f"Suivi de la fiche {fiche.numero} — {fiche.titre}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "onglet": "suivi",
        "droits": droits,
        "etapes": etapes,
        "indicateurs": etats_indicateurs(indicateurs),
        "notes": fiche.notes.select_related("auteur"),
        "financements": financements,
        "total_financements": fiche.financements.aggregate(t=Sum("montant"))["t"],
        "encarts": [
            e for c in settings.CLSANTE_ENCARTS_SUIVI if (e := import_string(c)(request, fiche))
        ],
    }
    if droits["suivre"]:
        context |= {
            "statut_form": lie.get("statut") or StatutForm(fiche=fiche),
            "etapes_forms": [
                (e, lie.get(f"etape-{e.pk}") or EtapeSuiviForm(instance=e, prefix=f"etape-{e.pk}"))
                for e in etapes
            ],
            "mesure_form": lie.get("mesure") or MesureForm(fiche=fiche, prefix="mesure"),
            "note_form": lie.get("note") or NoteForm(prefix="note"),
            "financements_forms": [
                (
                    f,
                    lie.get(f"financement-{f.pk}")
                    or FinancementForm(instance=f, prefix=f"financement-{f.pk}"),
                )
                for f in financements
            ],
            "financement_form": lie.get("financement-nouveau")
            or FinancementForm(prefix="financement-nouveau"),
        }
    return render(request, "programme/fiche_suivi.html", context, status=status)


def _objet(queryset: QuerySet, valeur: str | None):
    """An object of this fiche named in the post; a missing or foreign id is a 404."""
    try:
        pk = int(valeur or "")
    except ValueError:
        raise Http404("Cet élément n'appartient pas à la fiche.") from None
    return get_object_or_404(queryset, pk=pk)


def _fait(request: HttpRequest, fiche: FicheAction, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("programme:fiche_suivi", pk=fiche.pk)


def _statut(request: HttpRequest, fiche: FicheAction) -> HttpResponse:
    form = StatutForm(request.POST, fiche=fiche)
    if not form.is_valid():
        return _page(request, fiche, {"statut": form})
    avant = instantane(fiche)
    fiche.statut = form.cleaned_data["statut"]
    try:
        avenants = modifier_fiche(
            fiche,
            form.cleaned_data["version_lue"],
            {},
            request.user,
            avant,
            form.types_avenant,
            form.cleaned_data.get("motif", ""),
        )
    except ConflitDeVersion as conflit:
        form.add_error(None, str(conflit))
        return _page(request, fiche_visible(request, fiche.pk), {"statut": form}, status=409)
    message = f"Statut enregistré : {fiche.get_statut_display().lower()}."
    if avenants:
        message += " L'abandon est soumis à l'ARS comme avenant."
    return _fait(request, fiche, message)


def _etape(request: HttpRequest, fiche: FicheAction) -> HttpResponse:
    etape = _objet(fiche.etapes.all(), request.POST.get("etape"))
    form = EtapeSuiviForm(request.POST, instance=etape, prefix=f"etape-{etape.pk}")
    if not form.is_valid():
        return _page(request, fiche, {f"etape-{etape.pk}": form})
    form.save()
    return _fait(request, fiche, f"Étape « {etape.libelle} » mise à jour.")


def _mesure(request: HttpRequest, fiche: FicheAction) -> HttpResponse:
    if request.POST.get("mesure-indicateur"):
        _objet(fiche.indicateurs.all(), request.POST["mesure-indicateur"])
    form = MesureForm(
        request.POST, instance=Mesure(saisie_par=request.user), fiche=fiche, prefix="mesure"
    )
    if not form.is_valid():
        return _page(request, fiche, {"mesure": form})
    mesure = form.save(commit=False)
    mesure._history_user = request.user
    mesure.save()
    return _fait(request, fiche, f"Valeur enregistrée pour « {mesure.indicateur} ».")


def _note(request: HttpRequest, fiche: FicheAction) -> HttpResponse:
    form = NoteForm(
        request.POST, instance=NoteSuivi(fiche=fiche, auteur=request.user), prefix="note"
    )
    if not form.is_valid():
        return _page(request, fiche, {"note": form})
    form.save()
    return _fait(request, fiche, "Note de suivi ajoutée.")


def _financement(request: HttpRequest, fiche: FicheAction) -> HttpResponse:
    valeur = request.POST.get("financement", "")
    if valeur == "nouveau":
        instance, cle = Financement(fiche=fiche), "financement-nouveau"
    else:
        instance = _objet(fiche.financements.all(), valeur)
        cle = f"financement-{instance.pk}"
    form = FinancementForm(request.POST, instance=instance, prefix=cle)
    if not form.is_valid():
        return _page(request, fiche, {cle: form})
    financement = form.save(commit=False)
    financement._history_user = request.user
    if financement.pk is None:
        financement.save()
        return _fait(request, fiche, "Financement ajouté.")
    try:
        with transaction.atomic():
            financement.enregistrer_si_version(form.cleaned_data["version_lue"])
    except ConflitDeVersion as conflit:
        form.add_error(None, str(conflit).replace("Cette fiche", "Cette ligne de financement"))
        return _page(request, fiche, {cle: form}, status=409)
    return _fait(request, fiche, "Financement mis à jour.")


TRAITEMENTS: dict[str, Callable[[HttpRequest, FicheAction], HttpResponse]] = {
    "statut": _statut,
    "etape": _etape,
    "mesure": _mesure,
    "note": _note,
    "financement": _financement,
}
