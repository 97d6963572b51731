from django.contrib import admin

from clsante.imports.models import Correspondance, Import


@admin.register(Import)
class ImportAdmin(admin.ModelAdmin):
    list_display = ["nom_fichier", "contrat", "type", "statut", "auteur", "cree_le", "termine_le"]
    list_filter = ["type", "statut", "contrat"]
    raw_id_fields = ["auteur"]
    readonly_fields = ["cree_le", "demarre_le", "termine_le"]


@admin.register(Correspondance)
class CorrespondanceAdmin(admin.ModelAdmin):
    list_display = ["contrat", "type", "signature", "modifie_le"]
    list_filter = ["type", "contrat"]
