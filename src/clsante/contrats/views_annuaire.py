"""The actors' directory of a contract, an actor's page and its contact persons."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from clsante.contrats import annuaire
from clsante.contrats.acces import contrat_modifiable, contrat_visible
from clsante.contrats.forms_annuaire import ContactForm, FiltreAnnuaireForm
from clsante.contrats.models import Contrat
from clsante.contrats.views_commun import fil_ariane
from clsante.organisations.models import Contact


def annuaire_contrat(request: HttpRequest, pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    voir_contacts = contrat.peut_voir_contacts(request.user)
    acteurs = list(annuaire.acteurs_du_contrat(contrat, avec_contacts=voir_contacts).values())
    form = FiltreAnnuaireForm(request.GET or None, contrat=contrat)
    form.is_valid()
    retenus = annuaire.filtrer(acteurs, form.filtres())
    context = {
        "title": f"Annuaire des acteurs — {contrat.nom}",
        "breadcrumb_data": fil_ariane(contrat, "Annuaire des acteurs"),
        "contrat": contrat,
        "form": form,
        "total": len(acteurs),
        "nombre": len(retenus),
        "groupes": annuaire.par_secteur(retenus),
        "voir_contacts": voir_contacts,
        "peut_modifier": contrat.peut_modifier(request.user),
        "libelles_roles": annuaire.Role.LABELS,
    }
    if request.htmx:
        return render(request, "acteurs/_resultats.html", context)
    return render(request, "acteurs/annuaire.html", context)


def _acteur(contrat: Contrat, org_pk: int) -> annuaire.Acteur:
    acteur = annuaire.acteur_du_contrat(contrat, org_pk)
    if acteur is None:
        raise Http404("Cette organisation ne prend pas part à ce contrat.")
    return acteur


def acteur(request: HttpRequest, pk: int, org_pk: int) -> HttpResponse:
    contrat = contrat_visible(request, pk)
    fiche_acteur = _acteur(contrat, org_pk)
    organisation = fiche_acteur.organisation
    context = {
        "title": f"{organisation.nom} — {contrat.nom}",
        "breadcrumb_data": fil_ariane(contrat, organisation.nom, _lien_annuaire(contrat)),
        "contrat": contrat,
        "acteur": fiche_acteur,
        "organisation": organisation,
        "financements": organisation.financements.filter(fiche__contrat=contrat)
        .select_related("fiche")
        .order_by("annee", "fiche__numero"),
        "sieges": organisation.membreinstance_set.filter(instance__contrat=contrat)
        .select_related("instance")
        .order_by("instance__type", "instance__nom"),
        "signatures": organisation.signataire_set.filter(contrat=contrat),
        "voir_contacts": contrat.peut_voir_contacts(request.user),
        "peut_modifier": contrat.peut_modifier(request.user),
    }
    return render(request, "acteurs/acteur.html", context)


def _lien_annuaire(contrat: Contrat) -> tuple[str, str]:
    return ("Annuaire des acteurs", reverse("contrats:annuaire", args=[contrat.pk]))


def _page_acteur(contrat: Contrat, org_pk: int) -> str:
    return reverse("contrats:acteur", args=[contrat.pk, org_pk]) + "#contacts"


def contact_ajouter(request: HttpRequest, pk: int, org_pk: int) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    organisation = _acteur(contrat, org_pk).organisation
    form = ContactForm(request.POST or None, instance=Contact(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        contact = form.save()
        messages.success(request, f"Le contact {contact.prenom} {contact.nom} a été ajouté.")
        return redirect(_page_acteur(contrat, org_pk))
    return _formulaire_contact(request, contrat, organisation, form, "Ajouter un contact")


def contact_modifier(request: HttpRequest, pk: int, org_pk: int, contact_pk: int) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    organisation = _acteur(contrat, org_pk).organisation
    contact = get_object_or_404(organisation.contacts, pk=contact_pk)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Le contact {contact.prenom} {contact.nom} a été modifié.")
        return redirect(_page_acteur(contrat, org_pk))
    titre = f"Modifier le contact {contact.prenom} {contact.nom}"
    return _formulaire_contact(request, contrat, organisation, form, titre)


def _formulaire_contact(request, contrat, organisation, form, titre: str) -> HttpResponse:
    context = {
        "title": titre,
        "breadcrumb_data": _fil_contact(contrat, organisation, titre),
        "contrat": contrat,
        "organisation": organisation,
        "form": form,
    }
    return render(request, "acteurs/contact_form.html", context)


def _fil_contact(contrat: Contrat, organisation, courant: str) -> dict:
    page = reverse("contrats:acteur", args=[contrat.pk, organisation.pk])
    return fil_ariane(contrat, courant, _lien_annuaire(contrat), (organisation.nom, page))


def contact_supprimer(request: HttpRequest, pk: int, org_pk: int, contact_pk: int) -> HttpResponse:
    contrat = contrat_modifiable(request, pk)
    organisation = _acteur(contrat, org_pk).organisation
    contact = get_object_or_404(organisation.contacts, pk=contact_pk)
    if request.method == "POST":
        contact.delete()
        messages.success(request, f"Le contact {contact.prenom} {contact.nom} a été supprimé.")
        return redirect(_page_acteur(contrat, org_pk))
    context = {
        "title": f"Supprimer le contact {contact.prenom} {contact.nom}",
        "breadcrumb_data": _fil_contact(contrat, organisation, "Supprimer un contact"),
        "contrat": contrat,
        "organisation": organisation,
        "contact": contact,
    }
    return render(request, "acteurs/contact_supprimer.html", context)
