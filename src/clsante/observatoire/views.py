from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.contrats.models import Contrat
from clsante.core.tableaux import exporter, reponse_schema
from clsante.observatoire import analyses, colonnes
from clsante.observatoire.carte import CarteIndisponible
from clsante.observatoire.forms import FiltreObservatoireForm
from clsante.observatoire.inventaire import generations, total
from clsante.observatoire.perimetre import contrats_comptes, perimetre_depuis
from clsante.observatoire.profils import profils
from clsante.observatoire.rendu_carte import carte_couverture
from clsante.observatoire.resultats import Resultats
from clsante.programme.models import FicheAction

PROFILS_PAR_PAGE = 12


def _contexte(request: HttpRequest):
    form = FiltreObservatoireForm(request.GET or None)
    valeurs = form.valeurs()
    contrats = contrats_comptes(request.user)
    for champ in ("generation", "type_porteuse", "statut"):
        if valeurs[champ] is not None:
            contrats = contrats.filter(**{champ: valeurs[champ]})
    return form, valeurs, contrats, perimetre_depuis(request.GET, request.user)


def inventaire_view(request: HttpRequest) -> HttpResponse:
    form, v, contrats, perimetre = _contexte(request)
    lignes = Resultats().inventaire(contrats, perimetre, v["debut"], v["fin"], v["date"])
    tot = total(lignes)
    gens = generations([*lignes, tot])
    cols = colonnes.inventaire(gens)
    export = exporter(request.GET.get("format", ""), "inventaire-cls", "Inventaire", cols, lignes)
    if export:
        return export
    context = {
        "title": "Inventaire des contrats locaux de santé",
        "form": form,
        "valeurs": v,
        "perimetre": perimetre,
        "lignes": lignes,
        "total": tot,
        "generations": gens,
        "onglet": "inventaire",
    }
    return render(request, "observatoire/inventaire.html", context)


def couverture_view(request: HttpRequest) -> HttpResponse:
    form, v, contrats, perimetre = _contexte(request)
    resultats = Resultats()
    lignes, tot, attributs = resultats.couverture(contrats, perimetre, v["date"])
    cols = colonnes.couverture(attributs)
    export = exporter(request.GET.get("format", ""), "couverture-cls", "Couverture", cols, lignes)
    if export:
        return export
    try:
        parts = resultats.parts_par_departement(contrats, v["date"])
        carte, erreur_carte = carte_couverture(parts, perimetre), None
    except CarteIndisponible as exc:
        carte, erreur_carte = None, str(exc)
    context = {
        "title": "Couverture du territoire par les contrats locaux de santé",
        "form": form,
        "valeurs": v,
        "perimetre": perimetre,
        "lignes": lignes,
        "total": tot,
        "attributs": attributs,
        "carte": carte,
        "erreur_carte": erreur_carte,
        "non_couverts": resultats.non_couverts(contrats, perimetre, v["date"]),
        "onglet": "couverture",
    }
    return render(request, "observatoire/couverture.html", context)


def profils_view(request: HttpRequest) -> HttpResponse:
    form, v, contrats, perimetre = _contexte(request)
    lignes = profils(perimetre.contrats(contrats).select_related("porteuse"))
    cols = colonnes.profils()
    export = exporter(request.GET.get("format", ""), "profils-cls", "Profils", cols, lignes)
    if export:
        return export
    page = Paginator(lignes, PROFILS_PAR_PAGE).get_page(request.GET.get("page"))
    context = {
        "title": "Profils des contrats locaux de santé",
        "form": form,
        "perimetre": perimetre,
        "page": page,
        "onglet": "profils",
    }
    return render(request, "observatoire/profils.html", context)


def analyses_view(request: HttpRequest) -> HttpResponse:
    form, v, contrats, perimetre = _contexte(request)
    lisibles = perimetre.contrats(contrats).filter(
        pk__in=Contrat.objects.visibles_par(request.user).values("pk")
    )
    fiches = FicheAction.objects.filter(contrat__in=lisibles)
    du_territoire = analyses.profil(fiches)
    ident = request.GET.get("contrat", "")
    contrat = (
        Contrat.objects.visibles_par(request.user).filter(pk=int(ident)).first()
        if ident.isdigit()
        else None
    )
    comparaison = (
        analyses.comparer(analyses.profil(contrat.fiches.all()), du_territoire) if contrat else []
    )
    export = exporter(
        request.GET.get("format", ""),
        "comparaison-cls",
        "Comparaison",
        colonnes.comparaison(),
        comparaison,
    )
    if export:
        return export
    context = {
        "title": "Analyses des programmes",
        "form": form,
        "perimetre": perimetre,
        "profil": du_territoire,
        "secteurs": analyses.secteurs_partenaires(fiches),
        "financements": analyses.financements_par_financeur(fiches),
        "contrats": lisibles.order_by("nom")[:300],
        "contrat": contrat,
        "comparaison": comparaison,
        "onglet": "analyses",
    }
    return render(request, "observatoire/analyses.html", context)


def schema_view(request: HttpRequest, nom: str) -> HttpResponse:
    schemas = {
        "inventaire-cls": (
            "Inventaire des contrats locaux de santé",
            "Contrats signés sur une période et actifs à une date, par région ou département.",
            colonnes.inventaire([1, 2, 3]),
        ),
        "profils-cls": (
            "Profils des contrats locaux de santé",
            "Année de signature, durée, porteuse, population, génération, nature du territoire.",
            colonnes.profils(),
        ),
        "couverture-cls": (
            "Couverture du territoire par les CLS",
            "Population et communes couvertes par un CLS actif, par région ou département.",
            colonnes.couverture(None),
        ),
    }
    if nom not in schemas:
        raise Http404("Schéma inconnu.")
    titre, description, cols = schemas[nom]
    return reponse_schema(nom, titre, description, cols)
