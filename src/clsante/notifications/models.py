"""In-app notifications, each person's preferences, and the e-mail outbox.

The outbox (`Courriel`) is the database-backed queue that replaces a broker: `notifier()`
writes to it, the `envoyer_courriels` command (or the `travailleur` loop) sends what is due
and retries failures with a backoff. A mail is never deleted, only marked sent or failed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

# Delay before each retry, after the 1st, 2nd, 3rd, 4th failed attempt. After the last one
# the mail is marked as definitively failed (and stays visible in the admin).
DELAIS_NOUVEL_ESSAI = [
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
]
TENTATIVES_MAX = len(DELAIS_NOUVEL_ESSAI) + 1


class TypeNotification(models.TextChoices):
    INDICATEUR_DU = "indicateur_du", "Valeur d'indicateur attendue"
    ETAPE_EN_RETARD = "etape_en_retard", "Étape en retard"
    REUNION_PROCHAINE = "reunion_prochaine", "Réunion à venir"
    AVENANT_A_VALIDER = "avenant_a_valider", "Modification du programme à valider"
    CAMPAGNE_OUVERTE = "campagne_ouverte", "Campagne de bilan ouverte"
    CAMPAGNE_RELANCE = "campagne_relance", "Relance de campagne de bilan"
    CAMPAGNE_ECHEANCE = "campagne_echeance", "Échéance de campagne de bilan"
    RESUME_HEBDOMADAIRE = "resume_hebdomadaire", "Résumé hebdomadaire"


class NotificationQuerySet(models.QuerySet):
    def visibles(self) -> NotificationQuerySet:
        """Those shown in the app (the others only record that a mail was queued)."""
        return self.filter(dans_application=True)

    def non_lues(self) -> NotificationQuerySet:
        return self.visibles().filter(lue_le__isnull=True)


class Notification(models.Model):
    destinataire = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    type = models.CharField(max_length=30, choices=TypeNotification.choices)
    titre = models.CharField(max_length=250)
    texte = models.TextField(blank=True)
    lien = models.CharField(
        max_length=500, blank=True, help_text="Adresse relative, ex. /contrats/1/"
    )
    contrat = models.ForeignKey(
        "contrats.Contrat",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    cle = models.CharField(
        "clé",
        max_length=200,
        blank=True,
        help_text="Clé de dédoublonnage : une seule notification par personne et par clé.",
    )
    dans_application = models.BooleanField(
        "affichée dans l'application",
        default=True,
        help_text="Faux si la personne ne la reçoit que par courriel.",
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    lue_le = models.DateTimeField("lue le", null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-cree_le", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["destinataire", "cle"],
                condition=~Q(cle=""),
                name="notification_cle_unique_par_destinataire",
            )
        ]
        indexes = [models.Index(fields=["destinataire", "lue_le"])]

    def __str__(self) -> str:
        return self.titre

    @property
    def lue(self) -> bool:
        return self.lue_le is not None

    def marquer_lue(self) -> None:
        if self.lue_le is None:
            self.lue_le = timezone.now()
            self.save(update_fields=["lue_le"])


class PreferenceNotification(models.Model):
    """A person's choice for one type. No row means the defaults (`DEFAUTS`)."""

    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences_notification"
    )
    type = models.CharField(max_length=30, choices=TypeNotification.choices)
    dans_application = models.BooleanField("dans l'application", default=True)
    par_courriel = models.BooleanField("par courriel", default=True)

    class Meta:
        verbose_name = "préférence de notification"
        verbose_name_plural = "préférences de notification"
        constraints = [
            models.UniqueConstraint(
                fields=["utilisateur", "type"], name="preference_unique_par_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.utilisateur} — {self.get_type_display()}"


# Defaults: everything in the app and by e-mail, the weekly digest included (it is mostly
# useful as a mail; a person turns it off in one click on the preferences page).
DEFAUTS = dict.fromkeys(TypeNotification.values, (True, True))


class CourrielQuerySet(models.QuerySet):
    def a_envoyer(self, maintenant: datetime.datetime) -> CourrielQuerySet:
        return self.filter(statut=Courriel.Statut.A_ENVOYER, prochain_essai__lte=maintenant)


class Courriel(models.Model):
    """One queued e-mail: the database-backed outbox."""

    class Statut(models.TextChoices):
        A_ENVOYER = "a_envoyer", "À envoyer"
        ENVOYE = "envoye", "Envoyé"
        ECHEC = "echec", "Échec définitif"

    destinataire = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courriels",
    )
    notification = models.ForeignKey(
        Notification, on_delete=models.SET_NULL, null=True, blank=True, related_name="courriels"
    )
    adresse = models.EmailField("adresse du destinataire")
    sujet = models.CharField(max_length=250)
    corps = models.TextField("corps (texte)")
    corps_html = models.TextField("corps (HTML)", blank=True)
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.A_ENVOYER)
    tentatives = models.PositiveSmallIntegerField(default=0)
    prochain_essai = models.DateTimeField("prochain essai", default=timezone.now)
    derniere_erreur = models.TextField("dernière erreur", blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    envoye_le = models.DateTimeField("envoyé le", null=True, blank=True)

    objects = CourrielQuerySet.as_manager()

    class Meta:
        ordering = ["-cree_le", "-pk"]
        indexes = [models.Index(fields=["statut", "prochain_essai"])]

    def __str__(self) -> str:
        return f"{self.sujet} → {self.adresse}"

    def noter_envoi(self, maintenant: datetime.datetime) -> None:
        self.tentatives += 1
        self.statut = self.Statut.ENVOYE
        self.envoye_le = maintenant
        self.save(update_fields=["tentatives", "statut", "envoye_le"])

    def noter_echec(self, erreur: str, maintenant: datetime.datetime) -> None:
        """Record the error; schedule a retry, or give up after the last attempt."""
        self.tentatives += 1
        self.derniere_erreur = erreur
        if self.tentatives >= TENTATIVES_MAX:
            self.statut = self.Statut.ECHEC
        else:
            self.prochain_essai = maintenant + DELAIS_NOUVEL_ESSAI[self.tentatives - 1]
        self.save(update_fields=["tentatives", "derniere_erreur", "statut", "prochain_essai"])
