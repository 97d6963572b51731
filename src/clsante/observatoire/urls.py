from django.urls import path

from clsante.observatoire import views, views_carte

app_name = "observatoire"

urlpatterns = [
    path("", views.inventaire_view, name="inventaire"),
    path("couverture/", views.couverture_view, name="couverture"),
    path("profils/", views.profils_view, name="profils"),
    path("analyses/", views.analyses_view, name="analyses"),
    path("schemas/<slug:nom>.json", views.schema_view, name="schema"),
    path(
        "contrats/<int:pk>/carte-communes.svg",
        views_carte.carte_communes_svg,
        name="carte_communes",
    ),
]
