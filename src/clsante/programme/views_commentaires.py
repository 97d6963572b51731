"""The comment thread of a fiche: the contract's people (coordination, porteurs, elected
officials, the ARS referent) read and write in it; public readers of a published contract
do not see it, as they do not see the history.
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
    if not droits["commenter"]:
        raise PermissionDenied(
            "Les commentaires d'une fiche sont réservés aux personnes qui ont un rôle dans le "
            "contrat."
        )
    form = CommentaireForm()
    if request.method == "POST":
        form = CommentaireForm(request.POST, instance=Commentaire(fiche=fiche, auteur=request.user))
        if form.is_valid():
            form.save()
            messages.success(request, "Votre commentaire est publié.")
            return redirect("programme:fiche_commentaires", pk=fiche.pk)
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
