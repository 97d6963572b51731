from django.contrib import admin

from clsante.observatoire.models import IndexAction


@admin.register(IndexAction)
class IndexActionAdmin(admin.ModelAdmin):
    list_display = ["titre", "contrat", "region", "statut"]
    list_filter = ["region", "statut", "synthetique"]
    search_fields = ["titre"]
    raw_id_fields = ["fiche", "contrat"]
