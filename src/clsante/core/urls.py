from django.urls import path

from clsante.core import views

app_name = "core"

urlpatterns = [
    path("sante/", views.sante, name="sante"),
    path("accessibilite/", views.page_legale, {"page": "accessibilite"}, name="accessibilite"),
    path("mentions-legales/", views.page_legale, {"page": "mentions"}, name="mentions"),
    path(
        "donnees-personnelles/",
        views.page_legale,
        {"page": "donnees_personnelles"},
        name="donnees_personnelles",
    ),
]
