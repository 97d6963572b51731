import datetime
from collections.abc import Callable

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

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
from clsante.observatoire.versions import cle, en_cache, version_donnees
from clsante.programme.models import FicheAction

PROFILS_PAR_PAGE = 12
# The uncovered territories listed on the page, neediest first.
NON_COUVERTS_MONTRES = 50


def _contexte(request: HttpRequest):
    perimetre = perimetre_depuis(request.GET, request.user)
    donnees = request.GET.copy()
    if "region" not in donnees and perimetre.region and not perimetre.departement:
        # An ARS referent starts on her region: the filter says so.
        donnees["region"] = perimetre.region.code
    form = FiltreObservatoireForm(donnees or None)
    valeurs = form.valeurs()
    contrats = contrats_comptes(request.user)
    for champ in ("generation", "type_porteuse", "statut"):
        if valeurs[champ] is not None:
            contrats = contrats.filter(**{champ: valeurs[champ]})
    return form, valeurs, contrats, perimetre


def _contenu_en_cache(
    request: HttpRequest, espace: str, contenu: Callable[[HttpRequest, Resultats], str]
) -> str:
    """The page's content, rendered once for the same data, query and reader's scope.

    What these pages show depends on the query string, today's date (the default dates),
    the reader's region (the default territory), the contracts the reader may count, and
    the contracts' and communes' data: the key holds all of them, so two readers share an
    entry only when they would see the same page, and a data change shows at once.
    """
    ids = contrats_comptes(request.user).order_by("pk").values_list("pk", flat=True)
    version = version_donnees()
    cle_cache = cle(
        espace,
        version,
        cle("contrats", ",".join(map(str, ids))),
        getattr(request.user, "region_ars_id", None),
        datetime.date.today(),
        request.GET.urlencode(),
    )
    return en_cache(cle_cache, lambda: contenu(request, Resultats(version)))


def _page(request: HttpRequest, titre: str, contenu: str) -> HttpResponse:
    return render(request, "observatoire/page.html", {"title": titre, "contenu": contenu})


def _contenu_inventaire(request: HttpRequest, resultats: Resultats) -> str:
    form, v, contrats, perimetre = _contexte(request)
    lignes = resultats.inventaire(contrats, perimetre, v["debut"], v["fin"], v["date"])
    tot = total(lignes)
    context = {
        "form": form,
        "valeurs": v,
        "perimetre": perimetre,
        "lignes": lignes,
        "total": tot,
        "generations": generations([*lignes, tot]),
        "onglet": "inventaire",
    }
    return render_to_string("observatoire/_inventaire.html", context, request=request)


def inventaire_view(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format"):
        form, v, contrats, perimetre = _contexte(request)
        lignes = Resultats().inventaire(contrats, perimetre, v["debut"], v["fin"], v["date"])
        cols = colonnes.inventaire(generations([*lignes, total(lignes)]))
        export = exporter(request.GET["format"], "inventaire-cls", "Inventaire", cols, lignes)
        if export:
            return export
    contenu = _contenu_en_cache(request, "page-inventaire", _contenu_inventaire)
    return _page(request, "Inventaire des contrats locaux de santé", contenu)


def _contenu_couverture(request: HttpRequest, resultats: Resultats) -> str:
    form, v, contrats, perimetre = _contexte(request)
    lignes, tot, attributs = resultats.couverture(contrats, perimetre, v["date"])
    try:
        parts = resultats.parts_par_departement(contrats, v["date"])
        carte, erreur_carte = carte_couverture(parts, perimetre), None
    except CarteIndisponible as exc:
        carte, erreur_carte = None, str(exc)
    non_couverts = resultats.non_couverts(contrats, perimetre, v["date"])
    context = {
        "form": form,
        "valeurs": v,
        "perimetre": perimetre,
        "lignes": lignes,
        "total": tot,
        "attributs": attributs,
        "carte": carte,
        "erreur_carte": erreur_carte,
        "non_couverts": non_couverts[:NON_COUVERTS_MONTRES],
        "non_couverts_total": len(non_couverts),
        "onglet": "couverture",
    }
    return render_to_string("observatoire/_couverture.html", context, request=request)


def couverture_view(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format"):
        form, v, contrats, perimetre = _contexte(request)
        lignes, _, attributs = Resultats().couverture(contrats, perimetre, v["date"])
        cols = colonnes.couverture(attributs)
        export = exporter(request.GET["format"], "couverture-cls", "Couverture", cols, lignes)
        if export:
            return export
    contenu = _contenu_en_cache(request, "page-couverture", _contenu_couverture)
    return _page(request, "Couverture du territoire par les contrats locaux de santé", contenu)


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
