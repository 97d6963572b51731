from django.urls import path

from clsante.documents import views

app_name = "documents"

urlpatterns = [
    path("fiches/<int:pk>/document.<str:format>", views.fiche, name="fiche"),
    path("contrats/<int:pk>/synthese.<str:format>", views.synthese, name="synthese"),
    path("contrats/<int:pk>/bilan-<int:annee>.<str:format>", views.bilan, name="bilan"),
]
