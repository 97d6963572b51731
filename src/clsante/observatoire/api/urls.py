from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from clsante.observatoire.api import views

router = DefaultRouter()
router.register("contrats", views.ContratViewSet, basename="contrat")
router.register("fiches", views.FicheViewSet, basename="fiche")

app_name = "api"

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/observatoire/inventaire/", views.InventaireView.as_view(), name="inventaire"),
    path("v1/observatoire/couverture/", views.CouvertureView.as_view(), name="couverture"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
