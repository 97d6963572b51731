from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.grille.referentiel import AXES, grille
from clsante.programme.acces import fiche_visible
from clsante.programme.models import FicheAction, Mesure, Objectif
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

    A page reads ten lists: building each query costs more than running it, and the
    cost grows with the number of columns and joins, so none reads whole rows it does not
    show. The models' default orderings start with the fiche, which joins the fiche, its
    contract and its axe to sort rows that all belong to one fiche: the same order is
    given here without them.
    """
    return {
        **_noms_lies(fiche),
        "etapes": fiche.etapes.only(
            "fiche", "libelle", "date_prevue", "date_realisation", "statut"
        ).order_by("date_prevue", "pk"),
        "notes": fiche.notes.select_related("auteur").only(
            "fiche", "date", "texte", "auteur__username", "auteur__first_name", "auteur__last_name"
        ),
        "financements": fiche.financements.select_related("financeur")
        .only("fiche", "annee", "montant", "statut", "financeur__nom")
        .order_by("annee", "financeur__nom"),
        "indicateurs": fiche.indicateurs.only(
            "fiche", "libelle", "type", "valeur_initiale", "cible", "unite"
        )
        .order_by("pk")
        .prefetch_related(
            Prefetch(
                "mesures",
                queryset=Mesure.objects.only("indicateur_id", "date", "valeur").order_by("date"),
            )
        ),
    }


def _noms_lies(fiche: FicheAction) -> dict:
    """The fiche's many-to-many lists as the page writes them: plain values, no objects."""
    niveaux = dict(Objectif.Niveau.choices)
    objectifs = fiche.objectifs.order_by("axe__numero", "code", "pk")
    return {
        "communes": [
            f"{nom} ({insee})" for nom, insee in fiche.communes.values_list("nom", "insee")
        ],
        "partenaires": list(fiche.partenaires.values_list("nom", flat=True)),
        "besoins": [
            f"{code} — {libelle}" for code, libelle in fiche.besoins.values_list("code", "libelle")
        ],
        "objectifs": [
            f"{niveaux.get(niveau, niveau)} : {intitule}"
            for niveau, intitule in objectifs.values_list("niveau", "intitule")
        ],
        "fiches_liees": list(
            fiche.fiches_liees.order_by("contrat_id", "axe__numero", "numero").values(
                "pk", "numero", "titre"
            )
        ),
    }
