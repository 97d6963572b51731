from django.urls import path

from clsante.grille import views

app_name = "grille"

urlpatterns = [
    path("lecture-ists/", views.lecture, name="lecture"),
]
