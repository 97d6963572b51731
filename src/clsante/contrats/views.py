from collections import Counter

from django.db.models import F
from django.db.models.functions import Length
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clsante.contrats.acces import contrat_visible
from clsante.contrats.models import (
    Besoin,
    Diagnostic,
    DispositifLie,
    IndicateurDiagnostic,
    Instance,
    Signataire,
)
from clsante.contrats.territoire import communes_du_territoire
from clsante.core.requetes import RequeteFigee, rattacher
from clsante.core.texte import pluriel
from clsante.programme.models import Axe, FicheAction
from clsante.territoires.models import Commune

# What the programme's list shows of each fiche: not its long texts.
LISTE = ("pk", "axe_id", "numero", "titre", "statut", "hors_programmation", "porteur__nom")

# The page's lists, compiled once per process (`RequeteFigee`), with orderings that need no
# join where the models' default ones would join the contract.
_AXES = RequeteFigee(lambda pk: Axe.objects.filter(contrat_id=pk).order_by("numero"))
_FICHES = RequeteFigee(
    lambda pk: FicheAction.objects.filter(contrat_id=pk).order_by("numero").values(*LISTE)
)
_DIAGNOSTICS = RequeteFigee(
    lambda pk: Diagnostic.objects.filter(contrat_id=pk).select_related("auteur").order_by("-date")
)
_INDICATEURS_DIAGNOSTIC = RequeteFigee(
    lambda pk: IndicateurDiagnostic.objects.filter(diagnostic_id=pk).order_by("pk")
)
_BESOINS_DIAGNOSTIC = RequeteFigee(
    lambda pk: Besoin.objects.filter(diagnostic_id=pk).order_by(Length("code"), "code")
)
_REPONSES = RequeteFigee(
    lambda pk: (
        FicheAction.besoins.through.objects.filter(besoin__diagnostic_id=pk)
        .order_by("ficheaction__contrat_id", "ficheaction__axe__numero", "ficheaction__numero")
        .values("besoin_id", fiche=F("ficheaction_id"), numero=F("ficheaction__numero"))
    )
)
_INSTANCES = RequeteFigee(
    lambda pk: Instance.objects.filter(contrat_id=pk).only("contrat", "nom").order_by("type", "nom")
)
_SIGNATAIRES = RequeteFigee(
    lambda pk: Signataire.objects.filter(contrat_id=pk).select_related("organisation")
)
_DISPOSITIFS = RequeteFigee(lambda pk: DispositifLie.objects.filter(contrat_id=pk))


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    axes = _programme(contrat.pk)
    # Counted from the fiches listed below (every fiche belongs to an axe of its contract).
    fiches_par_statut = Counter(f["statut"] for axe in axes for f in axe.liste_fiches)
    # Newest first: the first one is the diagnosis shown, all are listed as documents.
    diagnostics = _DIAGNOSTICS.lignes(contrat.pk)
    communes = communes_du_territoire(contrat)
    context = {
        "title": contrat.nom,
        "contrat": contrat,
        "axes": axes,
        # The page shows only each instance's name: members and meetings are on their tab.
        "instances": _INSTANCES.lignes(contrat.pk),
        "signataires": _SIGNATAIRES.lignes(contrat.pk),
        "dispositifs": _DISPOSITIFS.lignes(contrat.pk),
        "diagnostic": _diagnostic_lu(diagnostics[0]) if diagnostics else None,
        "documents": diagnostics,
        "communes": communes,
        "population": sum(c.population for c in communes),
        "territoire": _territoire(communes),
        "fiches_par_statut": _libelles_statuts(fiches_par_statut),
        "types_instance": Instance.Type,
        "axe_model": Axe,
    }
    return render(request, "contrats/detail.html", context)


def _programme(pk: int) -> list[Axe]:
    """The axes, each with ``liste_fiches``: its fiches as plain rows (the list shows a few
    columns of tens of fiches, no need for model objects), in order, in two queries."""
    axes = _AXES.lignes(pk)
    # A fiche filed under another contract's axe (possible only outside the forms, which
    # refuse it) is left out rather than breaking the page.
    rattacher(axes, _FICHES.lignes(pk), lambda fiche: fiche["axe_id"], "liste_fiches")
    return axes


def _diagnostic_lu(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnosis shown, with ``liste_indicateurs`` and ``liste_besoins``, each need
    with ``liste_fiches`` (the fiches that answer it: id and number)."""
    diagnostic.liste_indicateurs = _INDICATEURS_DIAGNOSTIC.lignes(diagnostic.pk)
    diagnostic.liste_besoins = _BESOINS_DIAGNOSTIC.lignes(diagnostic.pk)
    reponses = _REPONSES.lignes(diagnostic.pk)
    rattacher(diagnostic.liste_besoins, reponses, lambda r: r["besoin_id"], "liste_fiches")
    return diagnostic


def _territoire(communes: list[Commune]) -> dict:
    """The contract's departments and which optional commune attributes are known."""
    departements = {c.departement.code: c.departement for c in communes}
    return {
        "departements": [departements[code] for code in sorted(departements)],
        "rural": any(c.grille_densite is not None for c in communes),
        "qpv": any(c.population_qpv is not None for c in communes),
    }


def document_diagnostic(request: HttpRequest, pk: int, diagnostic_pk: int) -> FileResponse:
    """A diagnosis document, served only to those who may read its contract."""
    contrat = contrat_visible(request, pk)
    diagnostic = get_object_or_404(contrat.diagnostics, pk=diagnostic_pk)
    if not diagnostic.document:
        raise Http404("Aucun document déposé pour ce diagnostic.")
    try:
        fichier = diagnostic.document.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Le document n'est plus disponible sur le serveur.") from exc
    return FileResponse(
        fichier, as_attachment=True, filename=diagnostic.document.name.split("/")[-1]
    )


def _libelles_statuts(comptes: Counter) -> list[str]:
    """« 2 prévues », « 3 en cours »: one agreed count per status."""
    labels = dict(FicheAction.Statut.choices)
    return [pluriel(comptes[statut], labels[statut].lower()) for statut in sorted(comptes)]
