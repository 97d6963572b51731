"""A fiche action's reading with the ISTS grid (seed 004, annexe 3)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from clsante.core.models import Versionne
from clsante.grille.referentiel import AXE_LIBELLES, MULTI_AXES, grille
from clsante.programme.models import FicheAction


class CodageQuerySet(models.QuerySet):
    def valides(self) -> CodageQuerySet:
        return self.filter(valide=True)


class CodageISTS(Versionne):
    class Source(models.TextChoices):
        MANUEL = "manuel", "Codage manuel"
        AUTOMATIQUE = "automatique", "Suggestion du codeur automatique"

    fiche = models.OneToOneField(FicheAction, on_delete=models.CASCADE, related_name="codage")
    determinants = models.JSONField("déterminants", default=list, blank=True)
    strategies = models.JSONField("stratégies", default=list, blank=True)
    approche = models.CharField(max_length=40, blank=True)
    thematiques = models.JSONField("thématiques", default=list, blank=True)
    publics = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUEL)
    version_modele = models.CharField("version du modèle", max_length=50, blank=True)
    code_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="codé par",
    )
    valide = models.BooleanField("validé", default=False)
    valide_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="validé par",
    )
    valide_le = models.DateTimeField("validé le", null=True, blank=True)
    history = HistoricalRecords()

    objects = CodageQuerySet.as_manager()

    class Meta:
        verbose_name = "codage ISTS"
        verbose_name_plural = "codages ISTS"

    def __str__(self) -> str:
        return f"Codage de {self.fiche}"

    def clean(self) -> None:
        g = grille()
        errors: dict[str, str] = {}
        for axe in MULTI_AXES:
            codes = getattr(self, axe)
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                errors[axe] = "Une liste de codes de la grille est attendue."
            elif inconnus := g.inconnus(axe, codes):
                errors[axe] = (
                    f"Code(s) inconnu(s) pour « {AXE_LIBELLES[axe]} » : {', '.join(inconnus)}."
                )
        if self.approche and not g.existe("approche", self.approche):
            errors["approche"] = f"Type d'approche inconnu : {self.approche}."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        self.full_clean(exclude=["fiche", "code_par", "valide_par"])
        super().save(*args, **kwargs)

    def libelles(self, axe: str) -> list[str]:
        if axe == "approche":
            codes = [self.approche] if self.approche else []
        else:
            codes = getattr(self, axe)
        return [grille().libelle(axe, c) for c in codes]


class SuggestionISTS(models.Model):
    """One code proposed by the automatic coder for a fiche, accepted or rejected by a person."""

    class Statut(models.TextChoices):
        PROPOSEE = "proposee", "Proposée"
        ACCEPTEE = "acceptee", "Acceptée"
        REJETEE = "rejetee", "Rejetée"

    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="suggestions")
    axe = models.CharField(max_length=20)
    code = models.CharField(max_length=120)
    confiance = models.FloatField()
    indices = models.JSONField("mots à l'appui", default=list, blank=True)
    version_modele = models.CharField("version du modèle", max_length=50)
    statut = models.CharField(max_length=10, choices=Statut.choices, default=Statut.PROPOSEE)
    decide_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decide_le = models.DateTimeField(null=True, blank=True)
    cree_le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "suggestion de codage"
        verbose_name_plural = "suggestions de codage"
        ordering = ["axe", "-confiance"]

    def __str__(self) -> str:
        return f"{self.code} ({self.confiance:.0%}) pour {self.fiche}"

    @property
    def libelle(self) -> str:
        return (
            grille().libelle(self.axe, self.code)
            if grille().existe(self.axe, self.code)
            else self.code
        )
