from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from clsante.comptes.models import Utilisateur


@admin.register(Utilisateur)
class UtilisateurAdmin(UserAdmin):
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Rattachement", {"fields": ["organisation", "region_ars"]}),
    ]
    list_display = ["username", "first_name", "last_name", "organisation", "region_ars"]
    list_filter = ["is_staff", "region_ars"]
    raw_id_fields = ["organisation"]
