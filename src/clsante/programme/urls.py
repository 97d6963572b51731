from django.urls import path

from clsante.programme import views

app_name = "programme"

urlpatterns = [
    path("fiches/<int:pk>/", views.fiche_detail, name="fiche"),
]
