from django.urls import path

from clsante.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("tout-lire/", views.tout_marquer_lu, name="tout_lire"),
    path("<int:pk>/ouvrir/", views.ouvrir, name="ouvrir"),
    path("preferences/", views.preferences, name="preferences"),
]
