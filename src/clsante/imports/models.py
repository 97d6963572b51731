"""An import of a spreadsheet into a contract, and the column mappings remembered per layout."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from clsante.contrats.models import Contrat


class TypeImport(models.TextChoices):
    PROGRAMME = "programme", "Programme"
    ANNUAIRE = "annuaire", "Annuaire des acteurs"


def _chemin(instance: Import, filename: str) -> str:
    return f"imports/{instance.contrat_id}/{filename}"


class Import(models.Model):
    class Statut(models.TextChoices):
        A_CORRESPONDRE = "a_correspondre", "Colonnes à faire correspondre"
        A_VALIDER = "a_valider", "Aperçu à valider"
        EN_COURS = "en_cours", "Import en cours"
        TERMINE = "termine", "Terminé"
        ECHEC = "echec", "Échec"
        ABANDONNE = "abandonne", "Abandonné"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="imports")
    type = models.CharField(max_length=20, choices=TypeImport.choices)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nom_fichier = models.CharField("fichier", max_length=255)
    fichier = models.FileField(upload_to=_chemin, blank=True)
    statut = models.CharField(max_length=20, choices=Statut.choices)
    correspondance = models.JSONField(default=dict, blank=True)
    rapport = models.JSONField(default=dict, blank=True)
    lignes_total = models.PositiveIntegerField(default=0)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    demarre_le = models.DateTimeField("démarré le", null=True, blank=True)
    termine_le = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        ordering = ["-cree_le", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_type_display()} — {self.nom_fichier}"

    @property
    def erreurs(self) -> list[str]:
        return self.rapport.get("erreurs", [])

    @property
    def interrompu(self) -> bool:
        """Stopped by a restart of the server: nothing was written, it can be run again."""
        return self.statut == self.Statut.ECHEC and self.rapport.get("interrompu", False)

    @property
    def abandonnable(self) -> bool:
        attente = (self.Statut.A_CORRESPONDRE, self.Statut.A_VALIDER)
        return self.statut in attente or (self.interrompu and bool(self.fichier))


class Correspondance(models.Model):
    """A column mapping chosen once for a layout, offered again for the same headers."""

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="+")
    type = models.CharField(max_length=20, choices=TypeImport.choices)
    signature = models.CharField(max_length=40)
    correspondance = models.JSONField(default=dict)
    modifie_le = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["contrat", "type", "signature"], name="correspondance_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contrat} — {self.type} — {self.signature[:8]}"
