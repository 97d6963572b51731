"""Official French geography (Code officiel géographique) and optional attributes."""

from __future__ import annotations

from django.db import models


class Region(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    nom = models.CharField(max_length=120)

    class Meta:
        ordering = ["nom"]
        verbose_name = "région"

    def __str__(self) -> str:
        return self.nom


class Departement(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    nom = models.CharField(max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departements")

    class Meta:
        ordering = ["code"]
        verbose_name = "département"

    def __str__(self) -> str:
        return f"{self.nom} ({self.code})"


class EPCI(models.Model):
    class Type(models.TextChoices):
        CC = "CC", "Communauté de communes"
        CA = "CA", "Communauté d'agglomération"
        CU = "CU", "Communauté urbaine"
        METRO = "METRO", "Métropole"
        MET69 = "MET69", "Métropole de Lyon"

    siren = models.CharField("SIREN", max_length=9, unique=True)
    nom = models.CharField(max_length=200)
    type = models.CharField(max_length=5, choices=Type.choices)
    population = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["nom"]
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"

    def __str__(self) -> str:
        return self.nom


class CommuneQuerySet(models.QuerySet):
    def population_totale(self) -> int:
        return self.aggregate(total=models.Sum("population"))["total"] or 0

    def avec_cadre(self) -> CommuneQuerySet:
        """Each commune with its outline's box, ``cadre_x0`` … ``cadre_y1`` (map units),
        None when it has no outline (`ContourCommune`)."""
        return self.annotate(
            **{f"cadre_{b}": models.F(f"contour__{b}") for b in ("x0", "y0", "x1", "y1")}
        )


class Commune(models.Model):
    class GrilleDensite(models.IntegerChoices):
        """INSEE's seven-level municipal density grid (2022 onwards)."""

        GRANDS_CENTRES = 1, "Grands centres urbains"
        CENTRES_INTERMEDIAIRES = 2, "Centres urbains intermédiaires"
        CEINTURES = 3, "Ceintures urbaines"
        PETITES_VILLES = 4, "Petites villes"
        BOURGS = 5, "Bourgs ruraux"
        RURAL_DISPERSE = 6, "Rural à habitat dispersé"
        RURAL_TRES_DISPERSE = 7, "Rural à habitat très dispersé"

    insee = models.CharField("code INSEE", max_length=5, unique=True)
    nom = models.CharField(max_length=200)
    population = models.PositiveIntegerField(default=0)
    departement = models.ForeignKey(Departement, on_delete=models.PROTECT, related_name="communes")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="communes")
    epci = models.ForeignKey(
        EPCI, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes"
    )
    grille_densite = models.PositiveSmallIntegerField(
        "grille communale de densité", choices=GrilleDensite.choices, null=True, blank=True
    )
    population_qpv = models.PositiveIntegerField(
        "population en quartiers prioritaires", null=True, blank=True
    )
    indice_defavorisation = models.FloatField(
        "indice de défavorisation sociale", null=True, blank=True
    )

    objects = CommuneQuerySet.as_manager()

    class Meta:
        ordering = ["nom"]

    def __str__(self) -> str:
        return f"{self.nom} ({self.insee})"

    @property
    def est_rurale(self) -> bool | None:
        if self.grille_densite is None:
            return None
        return self.grille_densite >= self.GrilleDensite.BOURGS

    @property
    def a_quartier_prioritaire(self) -> bool | None:
        if self.population_qpv is None:
            return None
        return self.population_qpv > 0


# No commune's box is wider than this (map units; Maripasoula, the widest, is 155): a box
# meeting a frame starts at most this far west of it, which bounds the index range read.
LARGEUR_MAX_COMMUNE = 200


class ContourCommuneQuerySet(models.QuerySet):
    def dans_le_cadre(self, x0: float, y0: float, x1: float, y1: float) -> ContourCommuneQuerySet:
        """The outlines whose box meets this frame (map units), found from the boxes' index."""
        return self.filter(
            x0__gte=x0 - LARGEUR_MAX_COMMUNE, x0__lte=x1, x1__gte=x0, y0__lte=y1, y1__gte=y0
        )


class ContourCommune(models.Model):
    """A commune's outline for maps (``territoires.contours`` loads them).

    A table of its own so that Commune rows, read on most pages, stay light. ``trace`` is
    an SVG path of relative moves in map units (1 unit ≈ 1.1 km, north up); the bounding
    box answers "which outlines fall in this frame" from its index alone.
    """

    commune = models.OneToOneField(
        Commune, on_delete=models.CASCADE, primary_key=True, related_name="contour"
    )
    trace = models.TextField("tracé SVG")
    x0 = models.FloatField()
    y0 = models.FloatField()
    x1 = models.FloatField()
    y1 = models.FloatField()

    objects = ContourCommuneQuerySet.as_manager()

    class Meta:
        verbose_name = "contour de commune"
        verbose_name_plural = "contours de communes"
        # Covering the frame test: the query reads the index, not the (long) outlines.
        indexes = [models.Index(fields=["x0", "x1", "y0", "y1"], name="contour_cadre_idx")]

    def __str__(self) -> str:
        return f"Contour de {self.commune_id}"
