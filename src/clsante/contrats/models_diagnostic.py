from __future__ import annotations

from django.db import models
from django.db.models.functions import Length

from clsante.contrats.models_contrat import Contrat
from clsante.organisations.models import Organisation


class Priorite(models.TextChoices):
    HAUTE = "haute", "Haute"
    MOYENNE = "moyenne", "Moyenne"
    BASSE = "basse", "Basse"


class Diagnostic(models.Model):
    """The shared local health diagnosis a contract rests on."""

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="diagnostics")
    titre = models.CharField(max_length=250)
    date = models.DateField(null=True, blank=True)
    auteur = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    document = models.FileField(upload_to="diagnostics/", blank=True)
    synthese = models.TextField("synthèse", blank=True)

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.titre


class IndicateurDiagnostic(models.Model):
    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="indicateurs")
    libelle = models.CharField("libellé", max_length=250)
    unite = models.CharField("unité", max_length=50, blank=True)
    valeur_territoire = models.DecimalField(max_digits=14, decimal_places=2)
    valeur_reference = models.DecimalField(
        "valeur de référence", max_digits=14, decimal_places=2, null=True, blank=True
    )
    reference = models.CharField(
        "territoire de référence", max_length=100, blank=True, help_text="Région ou France"
    )
    annee = models.PositiveSmallIntegerField("année", null=True, blank=True)

    class Meta:
        verbose_name = "indicateur du diagnostic"
        verbose_name_plural = "indicateurs du diagnostic"

    def __str__(self) -> str:
        return self.libelle

    @property
    def ecart(self):
        if self.valeur_reference is None:
            return None
        return self.valeur_territoire - self.valeur_reference


class BesoinQuerySet(models.QuerySet):
    def sans_action(self) -> BesoinQuerySet:
        return self.filter(fiches__isnull=True)


class Besoin(models.Model):
    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="besoins")
    code = models.CharField(max_length=10)
    libelle = models.CharField("libellé", max_length=250)
    description = models.TextField(blank=True)
    priorite = models.CharField(
        "priorité", max_length=10, choices=Priorite.choices, default=Priorite.MOYENNE
    )

    objects = BesoinQuerySet.as_manager()

    class Meta:
        # B2 before B10: the shorter code first, then the code.
        ordering = ["diagnostic", Length("code"), "code"]
        constraints = [
            models.UniqueConstraint(fields=["diagnostic", "code"], name="besoin_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.libelle}"
