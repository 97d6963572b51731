"""Pages of the « Import et export » tab of a contract."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clsante.contrats.acces import contrat_modifiable, contrat_visible
from clsante.contrats.models import Contrat
from clsante.contrats.views_commun import fil_ariane
from clsante.core.texte import pluriel
from clsante.imports import correspondance, lecture, services
from clsante.imports.export import reponse_export
from clsante.imports.forms import CorrespondanceForm, TeleversementForm
from clsante.imports.modele import reponse_modele
from clsante.imports.models import Import, TypeImport

FORMATS = ("xlsx", "ods", "csv")
TITRES = {"programme": "Importer un programme", "annuaire": "Importer un annuaire"}


def contrat_fichiers(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    peut_modifier = contrat.peut_modifier(request.user)
    if peut_modifier:
        for imp in contrat.imports.filter(statut=Import.Statut.EN_COURS):
            services.constater_interruption(imp)
    context = {
        "title": f"Import et export — {contrat.nom}",
        "breadcrumb_data": fil_ariane(contrat, "Import et export"),
        "contrat": contrat,
        "peut_modifier": peut_modifier,
        "formulaires": [(t, TITRES[t], TeleversementForm(auto_id=f"id_{t}_%s")) for t in TITRES],
        "imports": contrat.imports.select_related("auteur")[:20] if peut_modifier else [],
    }
    return render(request, "imports/contrat.html", context)


def modele(request: HttpRequest, type: str, format: str) -> HttpResponse:
    if type not in TITRES or format not in FORMATS:
        raise Http404("Modèle inconnu.")
    return reponse_modele(type, format)


def export_programme(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    if format not in (*FORMATS, "schema"):
        raise Http404("Format inconnu.")
    return reponse_export(contrat, format)


@require_POST
def televerser(request: HttpRequest, pk: int, type: str) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    if type not in TITRES:
        raise Http404("Type d'import inconnu.")
    form = TeleversementForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("imports:contrat", contrat.pk)
    try:
        imp = services.televerser(contrat, type, form.cleaned_data["fichier"], request.user)
    except lecture.FichierRefuse as exc:
        messages.error(request, f"{exc} Rien n'a été importé.")
        return redirect("imports:contrat", contrat.pk)
    return redirect("imports:import", imp.pk)


def _import_modifiable(request: HttpRequest, pk: int) -> Import:
    """404 outside the contracts the person reads, 403 unless she coordinates the contract."""
    imp = get_object_or_404(
        Import.objects.select_related("contrat", "auteur"),
        pk=pk,
        contrat__in=Contrat.objects.visibles_par(request.user),
    )
    if not imp.contrat.peut_modifier(request.user):
        raise PermissionDenied("Seule la coordination du contrat peut suivre ses imports.")
    return imp


def _form_correspondance(imp: Import, classeur, data=None) -> CorrespondanceForm:
    return CorrespondanceForm(
        data,
        type_=imp.type,
        entetes=correspondance.entetes(classeur, imp.correspondance),
        initial_map=imp.correspondance,
    )


def page_import(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import_modifiable(request, pk)
    services.constater_interruption(imp)
    contrat = imp.contrat
    context = {
        "title": f"{TITRES[imp.type]} — {imp.nom_fichier}",
        "breadcrumb_data": fil_ariane(
            contrat,
            imp.nom_fichier,
            ("Import et export", reverse("imports:contrat", args=[contrat.pk])),
        ),
        "contrat": contrat,
        "imp": imp,
        "rapport": imp.rapport,
    }
    modifier = request.GET.get("etape") == "correspondance"
    a_correspondre = imp.statut == Import.Statut.A_CORRESPONDRE
    if imp.fichier and (a_correspondre or (modifier and imp.statut == Import.Statut.A_VALIDER)):
        context["form"] = _form_correspondance(imp, services.lire_fichier(imp))
        return render(request, "imports/correspondance.html", context)
    if imp.statut == Import.Statut.EN_COURS:
        context["faites"] = services.progression(imp)
        context["pourcent"] = int(100 * context["faites"] / max(imp.lignes_total, 1))
    return render(request, "imports/import.html", context)


@require_POST
def correspondre(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import_modifiable(request, pk)
    if imp.statut not in (Import.Statut.A_CORRESPONDRE, Import.Statut.A_VALIDER):
        messages.error(request, "Cet import n'attend plus de correspondance.")
        return redirect("imports:import", imp.pk)
    classeur = services.lire_fichier(imp)
    form = _form_correspondance(imp, classeur, request.POST)
    if not form.is_valid():
        context = {"title": TITRES[imp.type], "contrat": imp.contrat, "imp": imp, "form": form}
        context["breadcrumb_data"] = fil_ariane(imp.contrat, imp.nom_fichier)
        return render(request, "imports/correspondance.html", context, status=400)
    imp.correspondance = {
        **imp.correspondance,
        "premiere_ligne": form.cleaned_data["premiere_ligne"],
        "colonnes": form.colonnes(),
    }
    services.memoriser(imp, classeur)
    services.analyser(imp, classeur)
    return redirect("imports:import", imp.pk)


def _bilan(totaux: dict[str, int], quoi: str) -> str:
    """« 1 ligne créée, 2 modifiées, 0 inchangée »."""
    return ", ".join(
        [
            pluriel(totaux["creee"], f"{quoi} créée", f"{quoi}s créées"),
            pluriel(totaux["modifiee"], "modifiée"),
            pluriel(totaux["inchangee"], "inchangée"),
        ]
    )


@require_POST
def appliquer(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import_modifiable(request, pk)
    pret = imp.statut == Import.Statut.A_VALIDER and not imp.erreurs
    if not (pret or (imp.interrompu and imp.fichier)):
        messages.error(request, "Cet import ne peut pas être appliqué : corrigez le fichier.")
        return redirect("imports:import", imp.pk)
    services.appliquer(imp)
    if imp.statut == Import.Statut.TERMINE:
        quoi = "ligne" if imp.type == TypeImport.ANNUAIRE else "fiche"
        messages.success(request, f"Import terminé : {_bilan(imp.rapport['totaux'], quoi)}.")
    return redirect("imports:import", imp.pk)


@require_POST
def abandonner(request: HttpRequest, pk: int) -> HttpResponse:
    imp = _import_modifiable(request, pk)
    if not imp.abandonnable:
        messages.error(request, "Cet import n'est pas en attente : il ne peut pas être abandonné.")
        return redirect("imports:import", imp.pk)
    services.abandonner(imp)
    messages.success(
        request, f"Import abandonné : le fichier « {imp.nom_fichier} » a été supprimé."
    )
    return redirect("imports:contrat", imp.contrat_id)
