from django.contrib import admin

from clsante.organisations.models import Contact, Organisation


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["nom", "type", "secteur", "commune"]
    list_filter = ["type", "secteur"]
    search_fields = ["nom", "siret"]
    raw_id_fields = ["commune"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["nom", "prenom", "fonction", "organisation", "email"]
    search_fields = ["nom", "prenom", "email", "organisation__nom"]
    list_select_related = ["organisation"]
