"""Read-only REST API: the same rules as the pages (who sees what), documented in OpenAPI."""

from django.db.models import Count, Sum
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clsante.contrats.models import Contrat
from clsante.observatoire.api.serializers import ContratSerializer, FicheSerializer
from clsante.observatoire.forms import FiltreObservatoireForm
from clsante.observatoire.perimetre import contrats_comptes, perimetre_depuis
from clsante.observatoire.resultats import Resultats
from clsante.programme.models import FicheAction

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
        # The visible contracts as a list of ids, not a subquery: with a subquery, PostgreSQL
        # walks the fiches in id order testing each against the contracts, and a page far in
        # the list took 10 times longer (same rule, `visibles_par`, read once).
        contrats = (
            Contrat.objects.visibles_par(self.request.user).order_by().values_list("pk", flat=True)
        )
        fiches = FicheAction.objects.filter(contrat_id__in=list(contrats))
        if self.action == "retrieve":
            fiches = fiches.select_related("axe", "porteur", "codage")
        params = self.request.query_params
        if contrat := params.get("contrat"):
            if not contrat.isdigit():
                raise ValidationError({"contrat": "Identifiant de contrat attendu (un nombre)."})
            fiches = fiches.filter(contrat_id=int(contrat))
        if statut := params.get("statut"):
            if statut not in FicheAction.Statut.values:
                raise ValidationError({"statut": f"Statut inconnu : {statut[:50]}."})
            fiches = fiches.filter(statut=statut)
        return fiches.order_by("pk")

    def list(self, request: Request, *args, **kwargs) -> Response:
        """A page of fiches: the page's ids first, then those rows with their relations.

        Far in the list, PostgreSQL otherwise joined the axes, porteurs and codings of every
        fiche skipped by the offset (2,500 rows for page 50) to return 50 of them.
        """
        ids = self.paginate_queryset(self.get_queryset().values_list("pk", flat=True))
        lignes = FicheAction.objects.filter(pk__in=ids).select_related("axe", "porteur", "codage")
        fiches = sorted(lignes, key=lambda fiche: fiche.pk)
        return self.get_paginated_response(self.get_serializer(fiches, many=True).data)


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
