"""The public catalogue's search index: one row per published fiche action."""

from __future__ import annotations

from django.db import models

from clsante.contrats.models import Contrat
from clsante.programme.models import FicheAction
from clsante.territoires.models import Departement, Region


class IndexAction(models.Model):
    """Denormalised, searchable view of a published fiche (rebuilt from the fiche)."""

    fiche = models.OneToOneField(FicheAction, on_delete=models.CASCADE, related_name="index")
    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    departement = models.ForeignKey(
        Departement, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    titre = models.CharField(max_length=250)
    # The title without accents or case (`cle_de_tri`): the catalogue's order, the same on
    # every database whatever its collation (« Évaluer » among the E, not after « Z »).
    titre_tri = models.CharField(max_length=250, default="", editable=False)
    racines = models.TextField(help_text="Racines françaises du texte, entre espaces.")
    # Facets: codes between spaces (" a b "), so that one LIKE finds a code.
    thematiques = models.CharField(max_length=500, default=" ")
    determinants = models.CharField(max_length=500, default=" ")
    strategies = models.CharField(max_length=500, default=" ")
    publics = models.CharField(max_length=500, default=" ")
    type_porteur = models.CharField(max_length=30, blank=True)
    statut = models.CharField(max_length=20)
    generation = models.PositiveSmallIntegerField()
    synthetique = models.BooleanField(default=False)

    class Meta:
        verbose_name = "action indexée (catalogue)"
        verbose_name_plural = "actions indexées (catalogue)"
        indexes = [
            models.Index(fields=["region", "statut"]),
            # The catalogue lists actions by title: a page is read from this index, not sorted.
            models.Index(fields=["titre_tri", "id"], name="observatoire_index_titre_tri"),
        ]

    def __str__(self) -> str:
        return self.titre
