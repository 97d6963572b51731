"""The « Bilan annuel » tab of a contract, a campaign's progress, reminders and closing."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from clsante.bilan import services
from clsante.bilan.acces import campagne_gerable, campagne_suivie
from clsante.bilan.avancement import a_completer, avancement
from clsante.bilan.forms import CampagneForm
from clsante.bilan.models import CampagneBilan, annee_de_bilan_par_defaut, peut_voir_avancement
from clsante.contrats.acces import contrat_modifiable, contrat_visible
from clsante.contrats.models import Habilitation
from clsante.contrats.views_commun import fil_ariane
from clsante.core.texte import pluriel


def bilan_contrat(request: HttpRequest, pk: int) -> HttpResponse:
    """The contract's campaigns; the coordination opens a new one with a POST."""
    if request.method == "POST":
        contrat = contrat_modifiable(request, pk)
    else:
        contrat = contrat_visible(request, pk)
    today = timezone.localdate()
    peut_gerer = contrat.peut_modifier(request.user)
    form = None
    if peut_gerer:
        form = CampagneForm(
            request.POST or None,
            instance=CampagneBilan(contrat=contrat),
            contrat=contrat,
            today=today,
        )
        if request.method == "POST" and form.is_valid():
            campagne = form.instance
            try:
                notifies = services.ouvrir_campagne(campagne, request.user)
            except services.CampagneEnDouble as double:
                form.add_error(None, str(double))
            else:
                invites = pluriel(notifies, "porteur invité", "porteurs invités")
                messages.success(
                    request,
                    f"Campagne de bilan {campagne.annee} ouverte : {invites} à répondre.",
                )
                return redirect("bilan:campagne", campagne.pk)
    campagnes = list(contrat.campagnes_bilan.all())
    suivi = peut_voir_avancement(contrat, request.user)
    documents = contrat.peut_lire_bilan(request.user)
    context = {
        "title": f"Bilan annuel — {contrat.nom}",
        "breadcrumb_data": fil_ariane(contrat, "Bilan annuel"),
        "contrat": contrat,
        "campagnes": [(c, avancement(c, today) if suivi else None) for c in campagnes],
        "suivi": suivi,
        "peut_gerer": peut_gerer,
        "porteur": Habilitation.Role.PORTEUR in contrat.roles_de(request.user),
        "documents": documents,
        # the review of the year under way (or just ended) is there even before a campaign
        "annee_document": annee_de_bilan_par_defaut(today) if documents else None,
        "form": form,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "bilan/contrat.html", context, status=status)


def campagne(request: HttpRequest, pk: int) -> HttpResponse:
    la_campagne = campagne_suivie(request, pk)
    contrat = la_campagne.contrat
    context = {
        "title": f"Campagne de bilan {la_campagne.annee} — {contrat.nom}",
        "breadcrumb_data": fil_ariane(
            contrat,
            f"Campagne {la_campagne.annee}",
            ("Bilan annuel", reverse("bilan:contrat", args=[contrat.pk])),
        ),
        "contrat": contrat,
        "campagne": la_campagne,
        "avancement": avancement(la_campagne, timezone.localdate()),
        "peut_gerer": la_campagne.peut_gerer(request.user),
    }
    return render(request, "bilan/campagne.html", context)


@require_POST
def relancer(request: HttpRequest, pk: int) -> HttpResponse:
    la_campagne = campagne_gerable(request, pk)
    if not la_campagne.ouverte:
        messages.error(request, "Cette campagne est close : il n'y a plus personne à relancer.")
        return redirect("bilan:campagne", la_campagne.pk)
    relances = services.relancer(la_campagne)
    if relances:
        messages.success(
            request,
            f"{pluriel(relances, 'porteur relancé', 'porteurs relancés')} "
            "(dans l'application et par courriel selon leurs préférences).",
        )
    else:
        messages.info(
            request,
            "Personne à relancer : chaque porteur ayant un compte a répondu pour ses fiches.",
        )
    return redirect("bilan:campagne", la_campagne.pk)


@require_POST
def cloturer(request: HttpRequest, pk: int) -> HttpResponse:
    la_campagne = campagne_gerable(request, pk)
    if la_campagne.ouverte:
        services.cloturer(la_campagne)
        messages.success(
            request,
            f"Campagne de bilan {la_campagne.annee} close : les réponses ne sont plus modifiables.",
        )
    return redirect("bilan:campagne", la_campagne.pk)


def mes_fiches(request: HttpRequest) -> HttpResponse:
    """The open campaigns and the fiches the person's organisation must answer for."""
    user = request.user
    today = timezone.localdate()
    ouvertes = CampagneBilan.objects.ouvertes().visibles_par(user).select_related("contrat")
    coordonnees = [c for c in ouvertes.order_by("date_limite") if c.peut_gerer(user)]
    context = {
        "title": "Mes fiches à compléter",
        "a_completer": a_completer(user, today),
        "coordonnees": coordonnees,
    }
    return render(request, "bilan/mes_fiches.html", context)
