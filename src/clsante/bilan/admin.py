from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clsante.bilan.models import CampagneBilan, ReponseBilan


@admin.register(CampagneBilan)
class CampagneBilanAdmin(admin.ModelAdmin):
    list_display = ["annee", "contrat", "date_limite", "ouverte_le", "close_le"]
    list_filter = ["contrat"]
    raw_id_fields = ["ouverte_par"]


@admin.register(ReponseBilan)
class ReponseBilanAdmin(SimpleHistoryAdmin):
    list_display = ["fiche", "campagne", "repondu_par", "repondu_le", "publics_atteints"]
    list_filter = ["campagne"]
    raw_id_fields = ["fiche", "repondu_par", "note", "communes_atteintes", "mesures"]
