"""Building blocks shared by the domain apps."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import F


class ConflitDeVersion(Exception):
    """Raised when a record was changed by someone else since it was read."""

    message = (
        "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. "
        "Rechargez la page pour voir ses changements avant d'enregistrer les vôtres."
    )


class Versionne(models.Model):
    """A record with a version number, so that a stale save can be refused.

    ``save()`` bumps the number; ``enregistrer_si_version(n)`` saves only if the
    row in the database still carries version ``n``.
    """

    version = models.PositiveIntegerField("version", default=1, editable=False)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk and not kwargs.get("force_insert"):
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    def enregistrer_si_version(self, version_lue: int) -> None:
        """Save only if nobody saved this record since ``version_lue`` was read."""
        with transaction.atomic():
            rows = type(self)._default_manager.filter(pk=self.pk, version=version_lue)
            if not rows.update(version=F("version") + 1):
                raise ConflitDeVersion(ConflitDeVersion.message)
            self.version = version_lue  # save() bumps it to the number just claimed
            self.save()
