from __future__ import annotations

from django.db import models

from clsante.contrats.models_contrat import Contrat
from clsante.organisations.models import Organisation


class Instance(models.Model):
    class Type(models.TextChoices):
        COPIL = "copil", "Comité de pilotage stratégique"
        COTECH = "cotech", "Comité technique / opérationnel"
        GROUPE_TRAVAIL = "groupe_travail", "Groupe de travail thématique"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="instances")
    type = models.CharField(max_length=20, choices=Type.choices)
    nom = models.CharField(max_length=200)
    thematique = models.CharField("thématique", max_length=200, blank=True)

    class Meta:
        ordering = ["contrat", "type", "nom"]

    def __str__(self) -> str:
        return self.nom


class MembreInstance(models.Model):
    """An organisation (with or without a named person) or an inhabitant."""

    instance = models.ForeignKey(Instance, on_delete=models.CASCADE, related_name="membres")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True)
    personne = models.CharField(max_length=200, blank=True)
    qualite = models.CharField("qualité", max_length=200, blank=True)
    habitant = models.BooleanField("représentant des habitants", default=False)

    class Meta:
        verbose_name = "membre d'instance"
        verbose_name_plural = "membres d'instance"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(personne=""),
                name="membre_organisation_ou_personne",
            )
        ]

    def __str__(self) -> str:
        return self.personne or str(self.organisation)


class Reunion(models.Model):
    instance = models.ForeignKey(Instance, on_delete=models.CASCADE, related_name="reunions")
    date = models.DateField()
    lieu = models.CharField(max_length=200, blank=True)
    ordre_du_jour = models.TextField("ordre du jour", blank=True)
    compte_rendu = models.TextField("compte rendu", blank=True)
    presents = models.ManyToManyField(
        Organisation, blank=True, related_name="reunions", verbose_name="organisations présentes"
    )
    autres_presents = models.TextField("autres présents", blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = "réunion"

    def __str__(self) -> str:
        return f"{self.instance} du {self.date:%d/%m/%Y}"


class Decision(models.Model):
    """A decision taken in a meeting; programme.FicheAction links to it."""

    reunion = models.ForeignKey(Reunion, on_delete=models.CASCADE, related_name="decisions")
    texte = models.TextField()

    class Meta:
        verbose_name = "décision"

    def __str__(self) -> str:
        return self.texte[:80]
