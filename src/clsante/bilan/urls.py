from django.urls import path

from clsante.bilan import views, views_reponse

app_name = "bilan"

urlpatterns = [
    path("contrats/<int:pk>/bilan/", views.bilan_contrat, name="contrat"),
    path("bilan/campagnes/<int:pk>/", views.campagne, name="campagne"),
    path("bilan/campagnes/<int:pk>/relancer/", views.relancer, name="relancer"),
    path("bilan/campagnes/<int:pk>/cloturer/", views.cloturer, name="cloturer"),
    path("bilan/campagnes/<int:pk>/rouvrir/", views.rouvrir, name="rouvrir"),
    path(
        "bilan/campagnes/<int:pk>/fiches/<int:fiche_pk>/",
        views_reponse.repondre,
        name="repondre",
    ),
    path("bilan/a-completer/", views.mes_fiches, name="mes_fiches"),
]
