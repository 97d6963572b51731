from django.urls import path

from clsante.programme import (
    views,
    views_avenants,
    views_commentaires,
    views_fiche_form,
    views_historique,
    views_suivi,
)
from clsante.programme.urls_pilotage import urlpatterns as pilotage

app_name = "programme"

urlpatterns = [
    path("fiches/<int:pk>/", views.fiche_detail, name="fiche"),
    path("contrats/<int:pk>/fiches/nouvelle/", views_fiche_form.fiche_creer, name="fiche_creer"),
    path("fiches/<int:pk>/modifier/", views_fiche_form.fiche_modifier, name="fiche_modifier"),
    path("fiches/<int:pk>/suivi/", views_suivi.fiche_suivi, name="fiche_suivi"),
    path(
        "fiches/<int:pk>/commentaires/",
        views_commentaires.fiche_commentaires,
        name="fiche_commentaires",
    ),
    path("fiches/<int:pk>/historique/", views_historique.fiche_historique, name="fiche_historique"),
    path("contrats/<int:pk>/avenants/", views_avenants.avenants, name="avenants"),
    path("avenants/<int:pk>/decision/", views_avenants.avenant_decider, name="avenant_decider"),
    *pilotage,
]
