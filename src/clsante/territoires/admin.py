from django.contrib import admin

from clsante.territoires.models import EPCI, Commune, Departement, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "nom"]
    search_fields = ["code", "nom"]


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "nom", "region"]
    list_filter = ["region"]
    search_fields = ["code", "nom"]


@admin.register(EPCI)
class EPCIAdmin(admin.ModelAdmin):
    list_display = ["siren", "nom", "type", "population"]
    list_filter = ["type"]
    search_fields = ["siren", "nom"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["insee", "nom", "population", "departement", "epci", "grille_densite"]
    list_filter = ["region", "grille_densite"]
    search_fields = ["insee", "nom"]
    list_select_related = ["departement", "epci"]
    raw_id_fields = ["epci"]
