"""Re-index the public catalogue whenever a fiche, its coding, contract or porteur changes;
forget the data version when a contract, its communes or a commune change; empty the shared
cache after migrations (a deployment)."""

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from clsante.contrats.models import Contrat
from clsante.grille.models import CodageISTS
from clsante.observatoire.indexation import reindexer, reindexer_fiche
from clsante.observatoire.versions import oublier_version_donnees
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction
from clsante.territoires.models import Commune


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


@receiver(post_save, sender=Organisation)
def organisation_enregistree(sender, instance: Organisation, raw=False, created=False, **kwargs):
    """A porteur's name is indexed (searchable) and shown in the catalogue's results."""
    if raw or created:
        return
    porte = Contrat.objects.filter(publie=True, fiches__porteur=instance).values("pk")
    transaction.on_commit(lambda: reindexer(Contrat.objects.filter(pk__in=porte)))


@receiver(post_save, sender=Contrat)
@receiver(post_delete, sender=Contrat)
@receiver(m2m_changed, sender=Contrat.communes.through)
@receiver(post_save, sender=Commune)
@receiver(post_delete, sender=Commune)
def donnees_changees(sender, **kwargs) -> None:
    """The kept data version, forgotten at once and again after the commit (a version read
    meanwhile by another thread is not kept: `versions._gardee`). Bulk writes and
    `update()` send no signal: they show when the version expires."""
    oublier_version_donnees()
    transaction.on_commit(oublier_version_donnees)


@receiver(post_migrate)
def cache_partage_vide(sender, **kwargs) -> None:
    """The shared cache's files outlive the processes: after an upgrade (which migrates),
    results and markup made by the previous code must not be served."""
    if sender.name == "clsante.observatoire":
        caches["partage"].clear()
