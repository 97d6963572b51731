"""A person's own notifications and preferences: nobody else's are ever reachable."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from clsante.notifications import compteur
from clsante.notifications.forms import PreferencesForm
from clsante.notifications.models import Notification

PAR_PAGE = 30


def _fil(courant: str, *avant: tuple[str, str]) -> dict:
    liens = [{"url": url, "title": titre} for titre, url in avant]
    return {"links": liens, "current": courant}


def liste(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.visibles().filter(destinataire=request.user)
    page = Paginator(notifications.select_related("contrat"), PAR_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "title": "Mes notifications",
        "breadcrumb_data": _fil("Mes notifications"),
        "page": page,
        "non_lues": notifications.filter(lue_le__isnull=True).count(),
    }
    return render(request, "notifications/liste.html", context)


@require_POST
def tout_marquer_lu(request: HttpRequest) -> HttpResponse:
    nombre = (
        Notification.objects.non_lues()
        .filter(destinataire=request.user)
        .update(lue_le=timezone.now())
    )
    compteur.oublier(request.user.pk)  # an update() sends no signal
    if nombre:
        messages.success(request, f"{nombre} notification(s) marquée(s) comme lue(s).")
    return redirect("notifications:liste")


def lien_sur(lien: str) -> str:
    """The notification's link if it is a path on this site, else the list (no open redirect)."""
    if (
        lien.startswith("/")
        and not lien.startswith("//")
        and "\\" not in lien
        and url_has_allowed_host_and_scheme(lien, allowed_hosts=None)
    ):
        return lien
    return reverse("notifications:liste")


def ouvrir(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(
        Notification.objects.visibles(), pk=pk, destinataire=request.user
    )
    notification.marquer_lue()
    return redirect(lien_sur(notification.lien))


def preferences(request: HttpRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, utilisateur=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Vos préférences de notification ont été enregistrées.")
        return redirect("notifications:preferences")
    context = {
        "title": "Préférences de notification",
        "breadcrumb_data": _fil(
            "Préférences", ("Mes notifications", reverse("notifications:liste"))
        ),
        "form": form,
        "sans_courriel": not request.user.email,
    }
    return render(request, "notifications/preferences.html", context)
