from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.core.requetes import RequeteFigee, rattacher
from clsante.grille.referentiel import AXES, grille
from clsante.programme.acces import fiche_visible
from clsante.programme.models import (
    Etape,
    FicheAction,
    Financement,
    Indicateur,
    Mesure,
    NoteSuivi,
    Objectif,
)
from clsante.programme.views_commun import droits_sur_fiche


def fiche_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Only what this page shows, and the ISTS coding (another app's one-to-one row); the
    # initial porteur is read only when it changed (`porteur_a_change`).
    fiche = fiche_visible(request, pk, relations=("contrat", "axe", "porteur", "codage"))
    codage = getattr(fiche, "codage", None)
    context = {
        "title": f"Fiche {fiche.numero} — {fiche.titre}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "onglet": "fiche",
        "droits": droits_sur_fiche(fiche, request.user),
        **listes_de_la_fiche(fiche),
        "codage": codage,
        "codage_libelles": {axe: codage.libelles(axe) for axe in AXES} if codage else {},
        "publics_libelles": [grille().libelle("publics", c) for c in fiche.publics],
    }
    return render(request, "programme/fiche.html", context)


def listes_de_la_fiche(fiche: FicheAction) -> dict:
    """What the fiche page lists, each read with only the columns it shows.

    A page reads ten lists: building each query costs more than running it, so they are
    compiled once per process (`RequeteFigee`), and none reads whole rows it does not show.
    The models' default orderings start with the fiche, which joins the fiche, its contract
    and its axe to sort rows that all belong to one fiche: the same order is given here
    without them.
    """
    return {
        **_noms_lies(fiche.pk),
        "etapes": _ETAPES.lignes(fiche.pk),
        "notes": _NOTES.lignes(fiche.pk),
        "financements": _FINANCEMENTS.lignes(fiche.pk),
        "indicateurs": _indicateurs(fiche.pk),
    }


def _indicateurs(pk: int) -> list[Indicateur]:
    """The indicators, each with ``liste_mesures`` in date order: two queries."""
    indicateurs = _INDICATEURS.lignes(pk)
    rattacher(indicateurs, _MESURES.lignes(pk), lambda m: m.indicateur_id, "liste_mesures")
    return indicateurs


def _noms_lies(pk: int) -> dict:
    """The fiche's many-to-many lists as the page writes them: plain values, no objects."""
    niveaux = dict(Objectif.Niveau.choices)
    return {
        "communes": [f"{nom} ({insee})" for nom, insee in _COMMUNES_FICHE.lignes(pk)],
        "partenaires": _PARTENAIRES.lignes(pk),
        "besoins": [f"{code} — {libelle}" for code, libelle in _BESOINS_FICHE.lignes(pk)],
        "objectifs": [
            f"{niveaux.get(niveau, niveau)} : {intitule}"
            for niveau, intitule in _OBJECTIFS.lignes(pk)
        ],
        "fiches_liees": _FICHES_LIEES.lignes(pk),
    }


def _fiche(pk: int) -> FicheAction:
    """A never-saved stand-in with this id, whose related managers build the list queries
    when they are compiled (no query)."""
    return FicheAction(pk=pk)


_ETAPES = RequeteFigee(
    lambda pk: (
        Etape.objects.filter(fiche_id=pk)
        .only("fiche", "libelle", "date_prevue", "date_realisation", "statut")
        .order_by("date_prevue", "pk")
    )
)
_NOTES = RequeteFigee(
    lambda pk: (
        NoteSuivi.objects.filter(fiche_id=pk)
        .select_related("auteur")
        .only(
            "fiche", "date", "texte", "auteur__username", "auteur__first_name", "auteur__last_name"
        )
    )
)
_FINANCEMENTS = RequeteFigee(
    lambda pk: (
        Financement.objects.filter(fiche_id=pk)
        .select_related("financeur")
        .only("fiche", "annee", "montant", "statut", "financeur__nom")
        .order_by("annee", "financeur__nom")
    )
)
_INDICATEURS = RequeteFigee(
    lambda pk: (
        Indicateur.objects.filter(fiche_id=pk)
        .only("fiche", "libelle", "type", "valeur_initiale", "cible", "unite")
        .order_by("pk")
    )
)
_MESURES = RequeteFigee(
    lambda pk: (
        Mesure.objects.filter(indicateur__fiche_id=pk)
        .only("indicateur_id", "date", "valeur")
        .order_by("date", "pk")
    )
)
_COMMUNES_FICHE = RequeteFigee(lambda pk: _fiche(pk).communes.values_list("nom", "insee"))
_PARTENAIRES = RequeteFigee(lambda pk: _fiche(pk).partenaires.values_list("nom", flat=True))
_BESOINS_FICHE = RequeteFigee(lambda pk: _fiche(pk).besoins.values_list("code", "libelle"))
_OBJECTIFS = RequeteFigee(
    lambda pk: (
        _fiche(pk).objectifs.order_by("axe__numero", "code", "pk").values_list("niveau", "intitule")
    )
)
_FICHES_LIEES = RequeteFigee(
    lambda pk: (
        _fiche(pk)
        .fiches_liees.order_by("contrat_id", "axe__numero", "numero")
        .values("pk", "numero", "titre")
    )
)
