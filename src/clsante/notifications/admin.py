from django.contrib import admin

from clsante.notifications.models import Courriel, Notification, PreferenceNotification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["titre", "destinataire", "type", "contrat", "cree_le", "lue_le"]
    list_filter = ["type", "dans_application", ("lue_le", admin.EmptyFieldListFilter), "cree_le"]
    search_fields = ["titre", "cle", "destinataire__username", "destinataire__email"]
    raw_id_fields = ["destinataire", "contrat"]
    date_hierarchy = "cree_le"


@admin.register(Courriel)
class CourrielAdmin(admin.ModelAdmin):
    """The outbox: failed mails stay here, with their last error, never deleted silently."""

    list_display = ["sujet", "adresse", "statut", "tentatives", "prochain_essai", "envoye_le"]
    list_filter = ["statut", "cree_le"]
    search_fields = ["sujet", "adresse", "derniere_erreur"]
    raw_id_fields = ["destinataire", "notification"]
    readonly_fields = ["cree_le", "envoye_le", "tentatives", "derniere_erreur"]
    date_hierarchy = "cree_le"
    actions = ["renvoyer"]

    @admin.action(description="Remettre en file d'envoi")
    def renvoyer(self, request, queryset) -> None:
        from django.utils import timezone

        nombre = queryset.exclude(statut=Courriel.Statut.ENVOYE).update(
            statut=Courriel.Statut.A_ENVOYER, tentatives=0, prochain_essai=timezone.now()
        )
        self.message_user(request, f"{nombre} courriel(s) remis en file d'envoi.")


@admin.register(PreferenceNotification)
class PreferenceNotificationAdmin(admin.ModelAdmin):
    list_display = ["utilisateur", "type", "dans_application", "par_courriel"]
    list_filter = ["type", "dans_application", "par_courriel"]
    raw_id_fields = ["utilisateur"]
