from django.urls import path

from clsante.contrats import views

app_name = "contrats"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
]
