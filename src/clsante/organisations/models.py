"""The actors of a contract: organisations and their contact persons."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models

from clsante.territoires.models import Commune


class Organisation(models.Model):
    class Type(models.TextChoices):
        ASSOCIATION = "association", "Association"
        ETABLISSEMENT_SANTE = "etablissement_sante", "Établissement de santé"
        COLLECTIVITE = "collectivite", "Collectivité territoriale"
        SERVICE_COLLECTIVITE = "service_collectivite", "Service d'une collectivité"
        ETAT = "etat", "Service de l'État"
        ASSURANCE_MALADIE = "assurance_maladie", "Assurance maladie"
        EDUCATION = "education", "Éducation"
        ENTREPRISE = "entreprise", "Entreprise"
        MUTUELLE = "mutuelle", "Mutuelle"
        PROFESSIONNEL_SANTE = "professionnel_sante", "Professionnels de santé (CPTS, MSP…)"
        BAILLEUR_SOCIAL = "bailleur_social", "Bailleur social"
        AUTRE = "autre", "Autre"

    class Secteur(models.TextChoices):
        SANTE = "sante", "Santé"
        SOCIAL = "social", "Social"
        EDUCATION = "education", "Éducation"
        LOGEMENT = "logement", "Logement"
        URBANISME = "urbanisme", "Urbanisme"
        ENVIRONNEMENT = "environnement", "Environnement"
        TRANSPORT = "transport", "Transport"
        EMPLOI = "emploi", "Emploi"
        SPORT_CULTURE_LOISIRS = "sport_culture_loisirs", "Sport, culture, loisirs"
        ALIMENTATION_AGRICULTURE = "alimentation_agriculture", "Alimentation, agriculture"
        SECURITE_JUSTICE = "securite_justice", "Sécurité, justice"
        AUTRE = "autre", "Autre"

    nom = models.CharField(max_length=200, unique=True)
    type = models.CharField(max_length=30, choices=Type.choices)
    secteur = models.CharField("secteur d'activité", max_length=30, choices=Secteur.choices)
    siret = models.CharField(
        "SIRET",
        max_length=14,
        blank=True,
        validators=[RegexValidator(r"^\d{14}$", "Le SIRET compte exactement 14 chiffres.")],
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.SET_NULL, null=True, blank=True, related_name="organisations"
    )

    class Meta:
        ordering = ["nom"]

    def __str__(self) -> str:
        return self.nom

    @property
    def hors_sante(self) -> bool:
        return self.secteur != self.Secteur.SANTE


class Contact(models.Model):
    """A person to reach in an organisation.

    Personal data kept to the minimum needed for one purpose, stated on the
    « Données personnelles » page: reaching the actors of a contract about its actions.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    prenom = models.CharField("prénom", max_length=100)
    nom = models.CharField(max_length=100)
    fonction = models.CharField(max_length=200, blank=True)
    email = models.EmailField("courriel", blank=True)
    telephone = models.CharField(
        "téléphone",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^[0-9 +().-]{6,20}$", "Numéro de téléphone invalide.")],
    )

    class Meta:
        ordering = ["nom", "prenom"]

    def __str__(self) -> str:
        return f"{self.prenom} {self.nom} ({self.organisation})"
