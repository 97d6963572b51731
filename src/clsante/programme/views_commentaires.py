"""The comment thread of a fiche: everyone who reads the fiche reads it; the contract's
people (coordination, porteurs, elected officials, the ARS referent) write in it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from clsante.programme.acces import fiche_visible
from clsante.programme.forms_echanges import CommentaireForm
from clsante.programme.models import Commentaire
from clsante.programme.views_commun import droits_sur_fiche


def fiche_commentaires(request: HttpRequest, pk: int) -> HttpResponse:
    fiche = fiche_visible(request, pk)
    droits = droits_sur_fiche(fiche, request.user)
    form = None
    if request.method == "POST":
        if not droits["commenter"]:
            raise PermissionDenied(
                "Seules les personnes qui ont un rôle dans le contrat peuvent commenter ses fiches."
            )
        form = CommentaireForm(request.POST, instance=Commentaire(fiche=fiche, auteur=request.user))
        if form.is_valid():
            form.save()
            messages.success(request, "Votre commentaire est publié.")
            return redirect("programme:fiche_commentaires", pk=fiche.pk)
    elif droits["commenter"]:
        form = CommentaireForm()
    context = {
        "title": f"Commentaires sur la fiche {fiche.numero} — {fiche.titre}",
        "fiche": fiche,
        "contrat": fiche.contrat,
        "onglet": "commentaires",
        "droits": droits,
        "commentaires": fiche.commentaires.select_related("auteur"),
        "form": form,
    }
    return render(request, "programme/fiche_commentaires.html", context)
