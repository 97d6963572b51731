"""Governance of a contract: instances, members and meetings with their decisions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from clsante.contrats import gouvernance
from clsante.contrats.acces import contrat_modifiable, contrat_visible
from clsante.contrats.forms_gouvernance import (
    DecisionFormSet,
    MembreForm,
    ReunionForm,
    enregistrer_reunion,
)
from clsante.contrats.models import Contrat, Instance, Reunion
from clsante.contrats.views_commun import fil_ariane


def _lien_gouvernance(contrat: Contrat) -> tuple[str, str]:
    return ("Gouvernance", reverse("contrats:gouvernance", args=[contrat.pk]))


def _lien_instance(contrat: Contrat, instance: Instance) -> tuple[str, str]:
    return (instance.nom, reverse("contrats:instance", args=[contrat.pk, instance.pk]))


def gouvernance_contrat(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    aujourd_hui = timezone.localdate()
    instances = []
    for instance in gouvernance.instances_du_contrat(contrat):
        a_venir, passees = gouvernance.separer_reunions(instance.reunions.all(), aujourd_hui)
        instances.append({"instance": instance, "a_venir": a_venir, "passees": passees})
    context = {
        "title": f"Gouvernance — {contrat.nom}",
        "breadcrumb_data": fil_ariane(contrat, "Gouvernance"),
        "contrat": contrat,
        "instances": instances,
        "peut_modifier": contrat.peut_modifier(request.user),
    }
    return render(request, "gouvernance/gouvernance.html", context)


def instance_membres(request: HttpRequest, pk: int, instance_pk: int) -> HttpResponse:
    """The members of an instance; the coordination adds one with a POST."""
    if request.method == "POST":
        contrat = contrat_modifiable(request, pk)
    else:
        contrat = contrat_visible(request, pk)
    instance = gouvernance.instance_du_contrat(contrat, instance_pk)
    form = MembreForm(request.POST or None, instance_gouvernance=instance)
    if request.method == "POST" and form.is_valid():
        membre = form.save()
        messages.success(request, f"{membre} siège désormais au {instance.nom.lower()}.")
        return redirect("contrats:instance", contrat.pk, instance.pk)
    context = {
        "title": f"{instance.nom} — {contrat.nom}",
        "breadcrumb_data": fil_ariane(contrat, instance.nom, _lien_gouvernance(contrat)),
        "contrat": contrat,
        "instance": instance,
        "membres": gouvernance.membres_ordonnes().filter(instance=instance),
        "form": form,
        "peut_modifier": contrat.peut_modifier(request.user),
    }
    return render(request, "gouvernance/instance.html", context)


def membre_retirer(request: HttpRequest, pk: int, instance_pk: int, membre_pk: int) -> HttpResponse:
    # Access first, so that a contract one cannot see is a 404 whatever the method.
    contrat = contrat_modifiable(request, pk)
    instance = gouvernance.instance_du_contrat(contrat, instance_pk)
    membre = gouvernance.membre_de_l_instance(instance, membre_pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    membre.delete()
    messages.success(request, f"{membre} ne siège plus au {instance.nom.lower()}.")
    return redirect("contrats:instance", contrat.pk, instance.pk)


def reunion(request: HttpRequest, pk: int, reunion_pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    la_reunion = gouvernance.reunion_du_contrat(contrat, reunion_pk)
    context = {
        "title": f"{la_reunion.instance.nom} du {la_reunion.date:%d/%m/%Y} — {contrat.nom}",
        "breadcrumb_data": fil_ariane(
            contrat,
            f"Réunion du {la_reunion.date:%d/%m/%Y}",
            _lien_gouvernance(contrat),
            _lien_instance(contrat, la_reunion.instance),
        ),
        "contrat": contrat,
        "reunion": la_reunion,
        "presence": gouvernance.presence(la_reunion),
        "decisions": gouvernance.decisions_de(la_reunion),
        "peut_modifier": contrat.peut_modifier(request.user),
    }
    return render(request, "gouvernance/reunion.html", context)


def reunion_creer(request: HttpRequest, pk: int, instance_pk: int) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    instance = gouvernance.instance_du_contrat(contrat, instance_pk)
    return _formulaire_reunion(request, contrat, instance, Reunion())


def reunion_modifier(request: HttpRequest, pk: int, reunion_pk: int) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    la_reunion = gouvernance.reunion_du_contrat(contrat, reunion_pk)
    return _formulaire_reunion(request, contrat, la_reunion.instance, la_reunion)


def _formulaire_reunion(
    request: HttpRequest, contrat: Contrat, instance: Instance, la_reunion: Reunion
) -> HttpResponse:
    donnees = request.POST if request.method == "POST" else None
    form = ReunionForm(donnees, instance=la_reunion, instance_gouvernance=instance)
    decisions = DecisionFormSet(donnees, instance=la_reunion, contrat=contrat, prefix="decisions")
    if donnees is not None and form.is_valid() and decisions.is_valid():
        nouvelle = la_reunion.pk is None
        la_reunion = enregistrer_reunion(form, decisions)
        verbe = "créée" if nouvelle else "enregistrée"
        messages.success(request, f"La réunion du {la_reunion.date:%d/%m/%Y} a été {verbe}.")
        return redirect(reverse("contrats:reunion", args=[contrat.pk, la_reunion.pk]))
    titre = (
        f"Modifier la réunion du {la_reunion.date:%d/%m/%Y}"
        if la_reunion.pk
        else f"Nouvelle réunion — {instance.nom}"
    )
    context = {
        "title": titre,
        "breadcrumb_data": fil_ariane(
            contrat, titre, _lien_gouvernance(contrat), _lien_instance(contrat, instance)
        ),
        "contrat": contrat,
        "instance": instance,
        "reunion": la_reunion,
        "form": form,
        "decisions": decisions,
    }
    return render(request, "gouvernance/reunion_form.html", context)
