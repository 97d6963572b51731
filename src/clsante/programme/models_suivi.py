from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clsante.core.models import Versionne
from clsante.organisations.models import Organisation
from clsante.programme.models_fiche import FicheAction


class Etape(models.Model):
    class Statut(models.TextChoices):
        A_VENIR = "a_venir", "À venir"
        EN_COURS = "en_cours", "En cours"
        REALISEE = "realisee", "Réalisée"
        EN_RETARD = "en_retard", "En retard"
        ABANDONNEE = "abandonnee", "Abandonnée"

    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="etapes")
    libelle = models.CharField("libellé", max_length=250)
    date_prevue = models.DateField("date prévue", null=True, blank=True)
    date_realisation = models.DateField("date de réalisation", null=True, blank=True)
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.A_VENIR)

    class Meta:
        ordering = ["fiche", "date_prevue", "pk"]
        verbose_name = "étape"

    def __str__(self) -> str:
        return self.libelle

    def en_retard_au(self, date: datetime.date) -> bool:
        termine = self.statut in (self.Statut.REALISEE, self.Statut.ABANDONNEE)
        return self.statut == self.Statut.EN_RETARD or (
            not termine and self.date_prevue is not None and self.date_prevue < date
        )


class NoteSuivi(models.Model):
    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="notes")
    date = models.DateField(default=datetime.date.today)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    texte = models.TextField()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "note de suivi"
        verbose_name_plural = "notes de suivi"

    def __str__(self) -> str:
        return f"Note du {self.date:%d/%m/%Y}"


class Financement(Versionne):
    class Statut(models.TextChoices):
        SOLLICITE = "sollicite", "Sollicité"
        ACQUIS = "acquis", "Acquis"
        VERSE = "verse", "Versé"

    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="financements")
    financeur = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="financements"
    )
    montant = models.DecimalField(
        "montant (€)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0, "Un montant ne peut pas être négatif.")],
    )
    annee = models.PositiveSmallIntegerField(
        "année", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.SOLLICITE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fiche", "annee", "financeur__nom"]
        constraints = [
            models.CheckConstraint(condition=Q(montant__gte=0), name="financement_montant_positif")
        ]

    def __str__(self) -> str:
        return f"{self.financeur} {self.annee} : {self.montant} €"


class Indicateur(Versionne):
    class Type(models.TextChoices):
        PROCESSUS = "processus", "Processus"
        RESULTAT = "resultat", "Résultat"

    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="indicateurs")
    libelle = models.CharField("libellé", max_length=250)
    type = models.CharField(max_length=20, choices=Type.choices, default=Type.PROCESSUS)
    unite = models.CharField("unité", max_length=50, blank=True)
    valeur_initiale = models.DecimalField(
        "valeur initiale", max_digits=14, decimal_places=2, null=True, blank=True
    )
    cible = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    date_cible = models.DateField("échéance de la cible", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fiche", "pk"]

    def __str__(self) -> str:
        return self.libelle

    def derniere_mesure(self) -> Mesure | None:
        return self.mesures.order_by("-date", "-pk").first()

    @property
    def quantifie(self) -> bool:
        return self.cible is not None


class Mesure(models.Model):
    indicateur = models.ForeignKey(Indicateur, on_delete=models.CASCADE, related_name="mesures")
    date = models.DateField()
    valeur = models.DecimalField(max_digits=14, decimal_places=2)
    commentaire = models.TextField(blank=True)
    saisie_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicateur", "date"]
        verbose_name = "mesure d'indicateur"
        verbose_name_plural = "mesures d'indicateurs"

    def __str__(self) -> str:
        return f"{self.valeur} au {self.date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.date and self.date > datetime.date.today() + datetime.timedelta(days=1):
            raise ValidationError({"date": "Une mesure ne peut pas être datée dans le futur."})
