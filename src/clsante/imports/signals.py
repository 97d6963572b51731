"""An import's uploaded file goes with it (deleting a contract deletes its imports)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from clsante.imports.models import Import


@receiver(post_delete, sender=Import)
def supprimer_le_fichier(sender, instance: Import, **kwargs) -> None:
    from clsante.imports.services import fichier_progression

    if instance.fichier:
        nom, stockage = instance.fichier.name, instance.fichier.storage
        transaction.on_commit(lambda: stockage.delete(nom))
    progression = fichier_progression(instance)
    transaction.on_commit(lambda: progression.unlink(missing_ok=True))
