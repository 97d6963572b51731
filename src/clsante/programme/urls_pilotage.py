"""URL patterns of the home page, the programme list and the dashboard (programme/pilotage/)."""

from django.urls import path

from clsante.programme.pilotage import views

urlpatterns = [
    path("", views.accueil, name="accueil"),
    path("contrats/<int:pk>/programme/", views.programme, name="programme"),
    path("contrats/<int:pk>/tableau-de-bord/", views.tableau_de_bord, name="tableau_de_bord"),
]
