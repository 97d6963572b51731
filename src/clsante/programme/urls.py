from django.urls import path

from clsante.programme import views
from clsante.programme.urls_pilotage import urlpatterns as pilotage

app_name = "programme"

urlpatterns = [
    path("fiches/<int:pk>/", views.fiche_detail, name="fiche"),
    *pilotage,
]
