"""Read-only REST API: the same rules as the pages (who sees what), documented in OpenAPI."""

from array import array

from django.db.models import Count, Sum
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clsante.contrats.models import Contrat
from clsante.observatoire.api.lignes import lignes_api
from clsante.observatoire.api.serializers import ContratSerializer, FicheSerializer
from clsante.observatoire.forms import FiltreObservatoireForm
from clsante.observatoire.perimetre import contrats_comptes, perimetre_depuis
from clsante.observatoire.resultats import Resultats
from clsante.observatoire.versions import cle, en_cache, version_fiches
from clsante.programme.models import FicheAction

DUREE_IDS = 300  # seconds

FILTRES_CONTRAT = [
    OpenApiParameter("region", str, description="Code INSEE de la région"),
    OpenApiParameter("departement", str, description="Code INSEE du département"),
    OpenApiParameter("statut", str, enum=Contrat.Statut.values),
    OpenApiParameter("generation", int),
]


def _filtres(request: Request) -> FiltreObservatoireForm:
    form = FiltreObservatoireForm(request.query_params)
    if not form.is_valid():
        raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
    return form


@extend_schema(parameters=FILTRES_CONTRAT)
class ContratViewSet(viewsets.ReadOnlyModelViewSet):
    """Contracts counted by the observatory: signed ones, and drafts you may see."""

    serializer_class = ContratSerializer

    def get_queryset(self):
        form = _filtres(self.request)
        contrats = contrats_comptes(self.request.user)
        for champ in ("statut", "generation"):
            if form.cleaned_data.get(champ):
                contrats = contrats.filter(**{champ: form.cleaned_data[champ]})
        perimetre = perimetre_depuis(self.request.query_params, self.request.user)
        if "region" not in self.request.query_params and not perimetre.departement:
            perimetre = type(perimetre)()
        return (
            perimetre.contrats(contrats)
            .select_related("region", "porteuse")
            .annotate(
                pop=Sum("communes__population", distinct=True),
                n_communes=Count("communes", distinct=True),
                n_fiches=Count("fiches", distinct=True),
            )
            .order_by("pk")
        )


@extend_schema(
    parameters=[
        OpenApiParameter("contrat", int),
        OpenApiParameter("statut", str, enum=FicheAction.Statut.values),
    ]
)
class FicheViewSet(viewsets.ReadOnlyModelViewSet):
    """Fiches actions of the contracts you may read."""

    serializer_class = FicheSerializer

    def get_queryset(self):
        fiches = FicheAction.objects.filter(**self._filtres_fiches())
        if self.action == "retrieve":
            fiches = fiches.select_related("axe", "porteur", "codage")
        return fiches.order_by("pk")

    def _filtres_fiches(self) -> dict:
        """The reader's visible contracts (`visibles_par`) and the query's filters.

        The contracts as a list of ids, not a subquery: with a subquery, PostgreSQL walks
        the fiches in id order testing each against the contracts, and a page far in the
        list took 10 times longer.
        """
        contrats = Contrat.objects.visibles_par(self.request.user).order_by("pk")
        filtres: dict = {"contrat_id__in": list(contrats.values_list("pk", flat=True))}
        params = self.request.query_params
        if contrat := params.get("contrat"):
            if not contrat.isdigit():
                raise ValidationError({"contrat": "Identifiant de contrat attendu (un nombre)."})
            filtres["contrat_id"] = int(contrat)
        if statut := params.get("statut"):
            if statut not in FicheAction.Statut.values:
                raise ValidationError({"statut": f"Statut inconnu : {statut[:50]}."})
            filtres["statut"] = statut
        return filtres

    def list(self, request: Request, *args, **kwargs) -> Response:
        """A page of fiches: the page's ids from the cached id list, then those rows.

        Counting the visible fiches and walking to a far page cost two scans of the fiches
        on every request; the ordered ids are cached instead (`ids_visibles`), and only the
        page's rows are read (`lignes_api`).
        """
        ids = self.paginate_queryset(ids_visibles(self._filtres_fiches()))
        return self.get_paginated_response(lignes_api(list(ids)))


def ids_visibles(filtres: dict) -> array:
    """The ids of the fiches matching ``filtres``, in order, cached by the filters
    themselves (the reader's visible contracts included) and the fiches' version.

    Two readers share an entry only when they may see the same fiches. The entry lives
    5 minutes: what `version_fiches` cannot see (a bulk update) is never older than that.
    """
    cle_cache = cle("api-fiches", version_fiches(), sorted(filtres.items()))

    def calcul() -> array:
        fiches = FicheAction.objects.filter(**filtres).order_by("pk")
        return array("q", fiches.values_list("pk", flat=True))

    return en_cache(cle_cache, calcul, DUREE_IDS)


class InventaireView(APIView):
    """Contracts signed over a period and active on a date, by region or department."""

    @extend_schema(parameters=FILTRES_CONTRAT, responses=dict)
    def get(self, request: Request) -> Response:
        v = _filtres(request).valeurs()
        perimetre = perimetre_depuis(request.query_params, request.user)
        lignes = Resultats().inventaire(
            contrats_comptes(request.user), perimetre, v["debut"], v["fin"], v["date"]
        )
        return Response(
            {
                "perimetre": perimetre.libelle,
                "lignes": [
                    {
                        "code": ligne.code,
                        "territoire": ligne.nom,
                        "signes_periode": ligne.signes_periode,
                        "actifs": ligne.actifs,
                        "en_preparation": ligne.en_preparation,
                    }
                    for ligne in lignes
                ],
            }
        )


class CouvertureView(APIView):
    """Population and communes covered by an active contract."""

    @extend_schema(parameters=FILTRES_CONTRAT, responses=dict)
    def get(self, request: Request) -> Response:
        v = _filtres(request).valeurs()
        perimetre = perimetre_depuis(request.query_params, request.user)
        contrats = contrats_comptes(request.user)
        lignes, total, _ = Resultats().couverture(contrats, perimetre, v["date"])
        return Response(
            {
                "perimetre": perimetre.libelle,
                "date": v["date"],
                "lignes": [_couv(ligne) for ligne in lignes],
                "total": _couv(total),
            }
        )


def _couv(ligne) -> dict:
    return {
        "code": ligne.code,
        "territoire": ligne.nom,
        "population": ligne.population,
        "population_couverte": ligne.population_couverte,
        "part_population_couverte": ligne.part_population,
        "communes": ligne.communes,
        "communes_couvertes": ligne.communes_couvertes,
    }
