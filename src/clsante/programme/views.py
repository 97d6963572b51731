from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clsante.grille.referentiel import AXES, grille
from clsante.programme.acces import fiche_visible
from clsante.programme.views_commun import droits_sur_fiche


def fiche_detail(request: HttpRequest, pk: int) -> HttpResponse:
    fiche = fiche_visible(request, pk)
    codage = getattr(fiche, "codage", None)
    context = {
        "title": f"Fiche {fiche.numero} — {fiche.titre}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "onglet": "fiche",
        "droits": droits_sur_fiche(fiche, request.user),
        "communes": fiche.communes.all(),
        "partenaires": fiche.partenaires.all(),
        "etapes": fiche.etapes.all(),
        "notes": fiche.notes.select_related("auteur"),
        "financements": fiche.financements.select_related("financeur"),
        "indicateurs": fiche.indicateurs.prefetch_related("mesures"),
        "besoins": fiche.besoins.all(),
        "objectifs": fiche.objectifs.all(),
        "fiches_liees": fiche.fiches_liees.all(),
        "codage": codage,
        "codage_libelles": {axe: codage.libelles(axe) for axe in AXES} if codage else {},
        "publics_libelles": [grille().libelle("publics", c) for c in fiche.publics],
    }
    return render(request, "programme/fiche.html", context)
