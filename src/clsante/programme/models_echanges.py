from __future__ import annotations

from django.conf import settings
from django.db import models

from clsante.contrats.models import Contrat
from clsante.programme.models_fiche import FicheAction


class Commentaire(models.Model):
    """A message in a fiche's comment thread."""

    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="commentaires")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cree_le = models.DateTimeField("écrit le", auto_now_add=True)
    texte = models.TextField(max_length=5000)

    class Meta:
        ordering = ["cree_le", "pk"]

    def __str__(self) -> str:
        return f"Commentaire de {self.auteur} sur {self.fiche.numero}"


class ProgrammeSigne(models.Model):
    """The programme as signed, frozen, so that it can be shown beside the current one."""

    contrat = models.OneToOneField(
        Contrat, on_delete=models.CASCADE, related_name="programme_signe"
    )
    date = models.DateField("date de signature")
    fiches = models.JSONField(default=list, help_text="Les fiches telles que signées.")

    class Meta:
        verbose_name = "programme signé"
        verbose_name_plural = "programmes signés"

    def __str__(self) -> str:
        return f"Programme signé de {self.contrat}"


class Avenant(models.Model):
    """A dated change to the contracted programme after signature."""

    class Type(models.TextChoices):
        AJOUT = "ajout", "Nouvelle fiche"
        MODIFICATION = "modification", "Fiche réécrite"
        ABANDON = "abandon", "Fiche abandonnée"

    class Statut(models.TextChoices):
        EN_ATTENTE = "en_attente", "En attente de validation ARS"
        VALIDE = "valide", "Validé"
        REFUSE = "refuse", "Refusé"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="avenants")
    fiche = models.ForeignKey(
        FicheAction, on_delete=models.SET_NULL, null=True, blank=True, related_name="avenants"
    )
    numero_fiche = models.CharField("numéro de fiche", max_length=20)
    type = models.CharField(max_length=20, choices=Type.choices)
    date = models.DateField()
    motif = models.TextField()
    avant = models.JSONField("version précédente", null=True, blank=True)
    apres = models.JSONField("nouvelle version", null=True, blank=True)
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.EN_ATTENTE)
    demande_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    valide_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    valide_le = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"Avenant {self.get_type_display().lower()} — fiche {self.numero_fiche}"
