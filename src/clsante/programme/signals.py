"""Model-level guards that Django cannot express in clean() (many-to-many adds)."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from clsante.programme.models_fiche import FicheAction


@receiver(m2m_changed, sender=FicheAction.communes.through)
def communes_dans_le_territoire(sender, instance, action, pk_set, reverse, **kwargs) -> None:
    if action != "pre_add" or not pk_set:
        return
    if reverse:
        for fiche in FicheAction.objects.filter(pk__in=pk_set).select_related("contrat"):
            fiche.verifier_communes([instance.pk])
    else:
        instance.verifier_communes(pk_set)
