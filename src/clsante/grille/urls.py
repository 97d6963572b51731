from django.urls import path

from clsante.grille import views, views_codage

app_name = "grille"

urlpatterns = [
    path("lecture-ists/", views.lecture, name="lecture"),
    path("fiches/<int:pk>/codage/", views_codage.codage, name="codage"),
]
