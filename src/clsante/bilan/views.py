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
from clsante.bilan.avancement import Avancement, a_completer, avancement
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
    en_cours = contrat.campagnes_bilan.ouvertes().first()
    form = None
    # While a campaign is open a new one would be refused: no form, except to show why
    # a POST sent from an older page was refused.
    if peut_gerer and (en_cours is None or request.method == "POST"):
        form = CampagneForm(
            request.POST or None,
            instance=CampagneBilan(contrat=contrat),
            contrat=contrat,
            today=today,
        )
        if request.method == "POST" and form.is_valid():
            campagne = form.instance
            try:
                invitation = services.ouvrir_campagne(campagne, request.user)
            except services.CampagneEnDouble as double:
                form.add_error(None, str(double))
            else:
                messages.success(request, _message_ouverture(campagne, invitation))
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
        "en_cours": en_cours,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "bilan/contrat.html", context, status=status)


def _message_ouverture(campagne: CampagneBilan, invitation: services.Invitation) -> str:
    """« 1 personne invitée ; 18 structures porteuses n'ont pas de compte… »."""
    invites = pluriel(invitation.personnes, "personne invitée", "personnes invitées")
    message = f"Campagne de bilan {campagne.annee} ouverte : {invites} à répondre"
    sans_compte = invitation.structures_sans_compte
    if sans_compte == 1:
        message += (
            " ; 1 structure porteuse n'a pas de compte dans CLSanté : "
            "ses fiches sont à renseigner par la coordination"
        )
    elif sans_compte > 1:
        message += (
            f" ; {sans_compte} structures porteuses n'ont pas de compte dans CLSanté : "
            "leurs fiches sont à renseigner par la coordination"
        )
    return message + "."


def campagne(request: HttpRequest, pk: int) -> HttpResponse:
    la_campagne = campagne_suivie(request, pk)
    contrat = la_campagne.contrat
    av = avancement(la_campagne, timezone.localdate())
    peut_gerer = la_campagne.peut_gerer(request.user)
    context = {
        "title": f"Campagne de bilan {la_campagne.annee} — {contrat.nom}",
        "breadcrumb_data": fil_ariane(
            contrat,
            f"Campagne {la_campagne.annee}",
            ("Bilan annuel", reverse("bilan:contrat", args=[contrat.pk])),
        ),
        "contrat": contrat,
        "campagne": la_campagne,
        "avancement": av,
        "peut_gerer": peut_gerer,
        "sans_compte": _alerte_sans_compte(av, peut_gerer) if la_campagne.ouverte else None,
    }
    return render(request, "bilan/campagne.html", context)


def _alerte_sans_compte(av: Avancement, peut_gerer: bool) -> dict | None:
    """Tell who must answer for the porteurs nobody can log in for (the coordination)."""
    n = av.en_attente_sans_compte
    if not n:
        return None
    if n == 1:
        titre = "1 structure porteuse n'a pas de compte dans CLSanté"
    else:
        titre = f"{n} structures porteuses n'ont pas de compte dans CLSanté"
    texte = f"{'Ses' if n == 1 else 'Leurs'} fiches sont à renseigner par la coordination"
    if peut_gerer:
        structure = "la structure" if n == 1 else "chaque structure"
        texte += (
            f" : recueillez le bilan auprès de {structure} et répondez pour elle "
            "(fiches marquées « Sans compte » ci-dessous)"
        )
    return {"titre": titre, "texte": texte + "."}


@require_POST
def relancer(request: HttpRequest, pk: int) -> HttpResponse:
    la_campagne = campagne_gerable(request, pk)
    if not la_campagne.ouverte:
        messages.error(request, "Cette campagne est close : il n'y a plus personne à relancer.")
        return redirect("bilan:campagne", la_campagne.pk)
    relance = services.relancer(la_campagne)
    if relance.relances:
        message = (
            f"{pluriel(relance.relances, 'personne relancée', 'personnes relancées')} "
            "(dans l'application et par courriel, selon les préférences de chacun)"
        )
        if relance.recents:
            deja = pluriel(relance.recents, "autre l'a", "autres l'ont")
            message += f" ; {deja} été dans les dernières 24 heures"
        messages.success(request, message + ".")
    elif relance.recents:
        messages.info(
            request,
            "Personne n'a été relancé : "
            + (
                "la personne qui n'a pas répondu l'a"
                if relance.recents == 1
                else f"les {relance.recents} personnes qui n'ont pas répondu l'ont"
            )
            + " été dans les dernières 24 heures (relance ou invitation). Une nouvelle relance "
            "sera possible 24 heures après la précédente.",
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


@require_POST
def rouvrir(request: HttpRequest, pk: int) -> HttpResponse:
    la_campagne = campagne_gerable(request, pk)
    if not la_campagne.ouverte:
        if empechement := services.rouvrir(la_campagne):
            messages.error(request, empechement)
        else:
            messages.success(
                request,
                f"Campagne de bilan {la_campagne.annee} rouverte : les porteurs peuvent de "
                "nouveau répondre.",
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
        "aujourdhui": today,
    }
    return render(request, "bilan/mes_fiches.html", context)
