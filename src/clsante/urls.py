from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Administration de CLSanté"
admin.site.site_title = "CLSanté"

handler403 = "clsante.core.views.erreur_403"
handler404 = "clsante.core.views.erreur_404"

urlpatterns = [
    path("", include("clsante.core.urls")),
    path("comptes/", include("clsante.comptes.urls")),
    path("contrats/", include("clsante.contrats.urls")),
    path("", include("clsante.programme.urls")),
    path("observatoire/", include("clsante.observatoire.urls")),
    path("api/", include("clsante.observatoire.api.urls")),
    path("catalogue/", include("clsante.observatoire.urls_catalogue")),
    path("", include("clsante.grille.urls")),
    path("notifications/", include("clsante.notifications.urls")),
    path("", include("clsante.bilan.urls")),
    path("", include("clsante.documents.urls")),
    path("", include("clsante.imports.urls")),
    path("admin/", admin.site.urls),
]
