from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clsante.contrats.models import (
    Besoin,
    Contrat,
    Decision,
    Diagnostic,
    DispositifLie,
    Habilitation,
    IndicateurDiagnostic,
    Instance,
    MembreInstance,
    Reunion,
    Signataire,
)


class SignataireInline(admin.TabularInline):
    model = Signataire
    extra = 0
    raw_id_fields = ["organisation"]


class DispositifInline(admin.TabularInline):
    model = DispositifLie
    extra = 0
    raw_id_fields = ["organisation"]


class HabilitationInline(admin.TabularInline):
    model = Habilitation
    extra = 0
    raw_id_fields = ["utilisateur"]


@admin.register(Contrat)
class ContratAdmin(SimpleHistoryAdmin):
    list_display = ["nom", "region", "generation", "statut", "date_signature", "publie"]
    list_filter = ["statut", "generation", "type_porteuse", "region", "publie"]
    search_fields = ["nom"]
    raw_id_fields = ["porteuse", "precedent", "referent_ars"]
    filter_horizontal = ["epcis"]
    autocomplete_fields = ["communes"]
    readonly_fields = ["version"]
    inlines = [SignataireInline, DispositifInline, HabilitationInline]


@admin.register(Habilitation)
class HabilitationAdmin(admin.ModelAdmin):
    list_display = ["utilisateur", "role", "contrat"]
    list_filter = ["role", "contrat"]


class MembreInline(admin.TabularInline):
    model = MembreInstance
    extra = 0
    raw_id_fields = ["organisation"]


@admin.register(Instance)
class InstanceAdmin(admin.ModelAdmin):
    list_display = ["nom", "type", "contrat"]
    list_filter = ["type", "contrat"]
    inlines = [MembreInline]


@admin.register(MembreInstance)
class MembreInstanceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "qualite", "habitant", "instance"]
    list_filter = ["habitant"]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(Reunion)
class ReunionAdmin(admin.ModelAdmin):
    list_display = ["instance", "date", "lieu"]
    list_filter = ["instance__contrat", "instance__type"]
    filter_horizontal = ["presents"]
    inlines = [DecisionInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "reunion"]


class IndicateurDiagnosticInline(admin.TabularInline):
    model = IndicateurDiagnostic
    extra = 0


class BesoinInline(admin.TabularInline):
    model = Besoin
    extra = 0


@admin.register(Diagnostic)
class DiagnosticAdmin(admin.ModelAdmin):
    list_display = ["titre", "contrat", "date", "auteur"]
    inlines = [IndicateurDiagnosticInline, BesoinInline]


@admin.register(IndicateurDiagnostic)
class IndicateurDiagnosticAdmin(admin.ModelAdmin):
    list_display = ["libelle", "valeur_territoire", "valeur_reference", "reference", "diagnostic"]


@admin.register(Besoin)
class BesoinAdmin(admin.ModelAdmin):
    list_display = ["code", "libelle", "priorite", "diagnostic"]
    list_filter = ["priorite"]


@admin.register(Signataire)
class SignataireAdmin(admin.ModelAdmin):
    list_display = ["organisation", "role", "contrat", "date_signature"]


@admin.register(DispositifLie)
class DispositifLieAdmin(admin.ModelAdmin):
    list_display = ["nom", "type", "contrat"]
    list_filter = ["type"]
