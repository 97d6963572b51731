from django.urls import path

from clsante.observatoire import views_catalogue

app_name = "catalogue"

urlpatterns = [
    path("", views_catalogue.recherche, name="recherche"),
    path("actions/<int:pk>/", views_catalogue.action, name="action"),
]
