"""Re-index a fiche in the public catalogue whenever it, its coding or its contract changes."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from clsante.contrats.models import Contrat
from clsante.grille.models import CodageISTS
from clsante.observatoire.indexation import reindexer, reindexer_fiche
from clsante.programme.models import FicheAction


@receiver(post_save, sender=FicheAction)
def fiche_enregistree(sender, instance: FicheAction, raw=False, **kwargs) -> None:
    if not raw:
        transaction.on_commit(lambda: reindexer_fiche(instance))


@receiver(post_save, sender=CodageISTS)
def codage_enregistre(sender, instance: CodageISTS, raw=False, **kwargs) -> None:
    if not raw:
        transaction.on_commit(lambda: reindexer_fiche(instance.fiche))


@receiver(post_save, sender=Contrat)
def contrat_enregistre(sender, instance: Contrat, raw=False, created=False, **kwargs) -> None:
    if not raw and not created:
        transaction.on_commit(lambda: reindexer(Contrat.objects.filter(pk=instance.pk)))
