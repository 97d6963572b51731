from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from clsante.programme.models import (
    Avenant,
    Axe,
    Commentaire,
    Etape,
    FicheAction,
    Financement,
    Indicateur,
    Mesure,
    NoteSuivi,
    Objectif,
    ProgrammeSigne,
)


class ObjectifInline(admin.TabularInline):
    model = Objectif
    extra = 0
    raw_id_fields = ["parent"]


@admin.register(Axe)
class AxeAdmin(admin.ModelAdmin):
    list_display = ["numero", "titre", "contrat"]
    list_filter = ["contrat"]
    inlines = [ObjectifInline]


@admin.register(Objectif)
class ObjectifAdmin(admin.ModelAdmin):
    list_display = ["code", "intitule", "niveau", "axe"]
    list_filter = ["niveau", "axe__contrat"]


class EtapeInline(admin.TabularInline):
    model = Etape
    extra = 0


class NoteInline(admin.TabularInline):
    model = NoteSuivi
    extra = 0
    raw_id_fields = ["auteur"]


@admin.register(FicheAction)
class FicheActionAdmin(SimpleHistoryAdmin):
    list_display = ["numero", "titre", "contrat", "statut", "porteur", "hors_programmation"]
    list_filter = ["statut", "priorite", "participation", "hors_programmation", "contrat"]
    search_fields = ["numero", "titre", "description"]
    raw_id_fields = ["porteur", "porteur_initial", "axe"]
    filter_horizontal = ["partenaires", "objectifs", "besoins", "fiches_liees", "decisions"]
    autocomplete_fields = ["communes"]
    readonly_fields = ["version"]
    inlines = [EtapeInline, NoteInline]


@admin.register(Etape)
class EtapeAdmin(admin.ModelAdmin):
    list_display = ["libelle", "fiche", "date_prevue", "statut"]
    list_filter = ["statut"]


@admin.register(NoteSuivi)
class NoteSuiviAdmin(admin.ModelAdmin):
    list_display = ["fiche", "date", "auteur"]


@admin.register(Financement)
class FinancementAdmin(SimpleHistoryAdmin):
    list_display = ["fiche", "financeur", "annee", "montant", "statut"]
    list_filter = ["statut", "annee"]
    raw_id_fields = ["fiche", "financeur"]
    readonly_fields = ["version"]


class MesureInline(admin.TabularInline):
    model = Mesure
    extra = 0
    raw_id_fields = ["saisie_par"]


@admin.register(Indicateur)
class IndicateurAdmin(SimpleHistoryAdmin):
    list_display = ["libelle", "fiche", "type", "valeur_initiale", "cible"]
    list_filter = ["type"]
    raw_id_fields = ["fiche"]
    readonly_fields = ["version"]
    inlines = [MesureInline]


@admin.register(Mesure)
class MesureAdmin(SimpleHistoryAdmin):
    list_display = ["indicateur", "date", "valeur"]
    raw_id_fields = ["indicateur", "saisie_par"]


@admin.register(Commentaire)
class CommentaireAdmin(admin.ModelAdmin):
    list_display = ["fiche", "auteur", "cree_le"]
    raw_id_fields = ["fiche", "auteur"]


@admin.register(ProgrammeSigne)
class ProgrammeSigneAdmin(admin.ModelAdmin):
    list_display = ["contrat", "date"]


@admin.register(Avenant)
class AvenantAdmin(admin.ModelAdmin):
    list_display = ["numero_fiche", "type", "contrat", "date", "statut"]
    list_filter = ["type", "statut", "contrat"]
    raw_id_fields = ["fiche", "demande_par", "valide_par"]
