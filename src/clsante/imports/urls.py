from django.urls import path

from clsante.imports import views

app_name = "imports"

urlpatterns = [
    path("contrats/<int:pk>/fichiers/", views.contrat_fichiers, name="contrat"),
    path(
        "contrats/<int:pk>/programme.<str:format>", views.export_programme, name="export_programme"
    ),
    path("contrats/<int:pk>/fichiers/importer-<str:type>/", views.televerser, name="televerser"),
    path("imports/modele-<str:type>.<str:format>", views.modele, name="modele"),
    path("imports/<int:pk>/", views.page_import, name="import"),
    path("imports/<int:pk>/correspondance/", views.correspondre, name="correspondre"),
    path("imports/<int:pk>/appliquer/", views.appliquer, name="appliquer"),
    path("imports/<int:pk>/abandonner/", views.abandonner, name="abandonner"),
]
