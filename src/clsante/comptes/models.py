"""People who log in. Their role on a contract is a contrats.Habilitation."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from clsante.organisations.models import Organisation
from clsante.territoires.models import Region


class Utilisateur(AbstractUser):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="utilisateurs",
        help_text="Pour un porteur : l'organisation dont il suit les fiches actions.",
    )
    region_ars = models.ForeignKey(
        Region,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referents_ars",
        verbose_name="région (référent ARS)",
        help_text="Pour un référent ARS : la région dont il lit tous les contrats.",
    )

    class Meta:
        verbose_name = "utilisateur"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def est_referent_ars(self) -> bool:
        return self.region_ars_id is not None
