from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clsante.grille.models import CodageISTS, SuggestionISTS


@admin.register(CodageISTS)
class CodageISTSAdmin(SimpleHistoryAdmin):
    list_display = ["fiche", "approche", "source", "valide", "version_modele"]
    list_filter = ["valide", "source", "fiche__contrat"]
    raw_id_fields = ["fiche"]
    readonly_fields = ["version"]


@admin.register(SuggestionISTS)
class SuggestionISTSAdmin(admin.ModelAdmin):
    list_display = ["fiche", "axe", "code", "confiance", "statut", "version_modele"]
    list_filter = ["statut", "axe", "version_modele"]
    raw_id_fields = ["fiche", "decide_par"]
