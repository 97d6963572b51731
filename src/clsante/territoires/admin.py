from django.contrib import admin

from clsante.territoires.models import EPCI, Commune, ContourCommune, Departement, Region


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


@admin.register(ContourCommune)
class ContourCommuneAdmin(admin.ModelAdmin):
    """Read only: outlines come from `charger_contours`, never typed in."""

    list_display = ["commune", "x0", "y0", "x1", "y1"]
    search_fields = ["commune__insee", "commune__nom"]
    list_select_related = ["commune"]
    readonly_fields = ["commune", "trace", "x0", "y0", "x1", "y1"]

    def get_queryset(self, request):
        # The list shows boxes only: a page of outlines would read megabytes of paths (the
        # detail page reads its one path when it shows it).
        return super().get_queryset(request).defer("trace")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
