from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clsante.contrats.models import Besoin, Contrat, Decision, Habilitation
from clsante.contrats.models_diagnostic import Priorite
from clsante.core.models import Versionne
from clsante.grille.referentiel import grille
from clsante.organisations.models import Organisation
from clsante.territoires.models import Commune


class Axe(models.Model):
    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="axes")
    numero = models.PositiveSmallIntegerField("numéro")
    titre = models.CharField(max_length=250)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["contrat", "numero"]
        verbose_name = "axe stratégique"
        verbose_name_plural = "axes stratégiques"
        constraints = [
            models.UniqueConstraint(fields=["contrat", "numero"], name="axe_numero_unique")
        ]

    def __str__(self) -> str:
        return f"Axe {self.numero} — {self.titre}"


class Objectif(models.Model):
    class Niveau(models.TextChoices):
        GENERAL = "general", "Objectif général"
        SPECIFIQUE = "specifique", "Objectif spécifique"
        OPERATIONNEL = "operationnel", "Objectif opérationnel"

    axe = models.ForeignKey(Axe, on_delete=models.CASCADE, related_name="objectifs")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="enfants"
    )
    niveau = models.CharField(max_length=20, choices=Niveau.choices)
    code = models.CharField(max_length=20, blank=True)
    intitule = models.TextField("intitulé")

    class Meta:
        ordering = ["axe", "code", "pk"]

    def __str__(self) -> str:
        return f"{self.code} {self.intitule}".strip()

    def clean(self) -> None:
        attendu = {
            self.Niveau.GENERAL: None,
            self.Niveau.SPECIFIQUE: self.Niveau.GENERAL,
            self.Niveau.OPERATIONNEL: self.Niveau.SPECIFIQUE,
        }[self.niveau]
        parent_niveau = self.parent.niveau if self.parent else None
        if parent_niveau != attendu:
            niveau = self.get_niveau_display().lower()
            raise ValidationError({"parent": f"Un {niveau} a un parent de niveau inadapté."})
        if self.parent and self.parent.axe_id != self.axe_id:
            raise ValidationError({"parent": "L'objectif parent appartient à un autre axe."})


class FicheActionQuerySet(models.QuerySet):
    def visibles_par(self, user) -> FicheActionQuerySet:
        return self.filter(contrat__in=Contrat.objects.visibles_par(user))

    def modifiables_par(self, user) -> FicheActionQuerySet:
        return self.filter(contrat__in=Contrat.objects.modifiables_par(user))


def valider_publics(codes: list[str]) -> None:
    if not isinstance(codes, list):
        raise ValidationError("Les publics doivent être une liste de codes de la grille.")
    if inconnus := grille().inconnus("publics", codes):
        raise ValidationError(
            f"Code(s) de public inconnu(s) dans la grille : {', '.join(inconnus)}."
        )


class FicheAction(Versionne):
    class Statut(models.TextChoices):
        PREVUE = "prevue", "Prévue"
        EN_COURS = "en_cours", "En cours"
        REALISEE = "realisee", "Réalisée"
        REPORTEE = "reportee", "Reportée"
        ABANDONNEE = "abandonnee", "Abandonnée"

    class Participation(models.TextChoices):
        AUCUNE = "aucune", "Aucune"
        INFORMATION = "information", "Information"
        CONSULTATION = "consultation", "Consultation"
        CONCERTATION = "concertation", "Concertation"
        CO_CONSTRUCTION = "co_construction", "Co-construction"
        CO_DECISION = "co_decision", "Co-décision"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="fiches")
    axe = models.ForeignKey(Axe, on_delete=models.PROTECT, related_name="fiches")
    objectifs = models.ManyToManyField(Objectif, blank=True, related_name="fiches")
    numero = models.CharField("numéro", max_length=20)
    titre = models.CharField(max_length=250)
    contexte = models.TextField(blank=True)
    besoins = models.ManyToManyField(
        Besoin, blank=True, related_name="fiches", verbose_name="besoins du diagnostic"
    )
    objectifs_texte = models.TextField("objectifs", blank=True)
    description = models.TextField(blank=True)
    modalites = models.TextField("modalités", blank=True)
    publics = models.JSONField(
        "publics cibles", default=list, blank=True, validators=[valider_publics]
    )
    publics_texte = models.TextField("publics (précisions)", blank=True)
    communes = models.ManyToManyField(
        Commune,
        blank=True,
        related_name="fiches",
        help_text="Vide : tout le territoire du contrat.",
    )
    porteur_initial = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="fiches_portees_initialement",
        verbose_name="porteur nommé au contrat",
        null=True,
        blank=True,
    )
    porteur = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="fiches_portees",
        verbose_name="porteur actuel",
        null=True,
        blank=True,
    )
    partenaires = models.ManyToManyField(
        Organisation, blank=True, related_name="fiches_partenaires"
    )
    date_debut = models.DateField("date de début", null=True, blank=True)
    date_fin = models.DateField("date de fin", null=True, blank=True)
    statut = models.CharField(max_length=20, choices=Statut.choices, default=Statut.PREVUE)
    priorite = models.CharField(
        "priorité", max_length=10, choices=Priorite.choices, default=Priorite.MOYENNE
    )
    participation = models.CharField(
        "participation des habitants",
        max_length=20,
        choices=Participation.choices,
        default=Participation.AUCUNE,
    )
    hors_programmation = models.BooleanField(
        "hors programmation initiale", default=False, help_text="Ajoutée après la signature."
    )
    objectif_prs = models.TextField("objectif du Projet régional de santé", blank=True)
    fiches_liees = models.ManyToManyField("self", blank=True, verbose_name="fiches liées")
    decisions = models.ManyToManyField(Decision, blank=True, related_name="fiches")
    history = HistoricalRecords()

    objects = FicheActionQuerySet.as_manager()

    class Meta:
        ordering = ["contrat", "axe__numero", "numero"]
        verbose_name = "fiche action"
        verbose_name_plural = "fiches actions"
        constraints = [
            models.UniqueConstraint(fields=["contrat", "numero"], name="fiche_numero_unique"),
            models.CheckConstraint(
                condition=Q(date_fin__isnull=True)
                | Q(date_debut__isnull=True)
                | Q(date_fin__gte=models.F("date_debut")),
                name="fiche_fin_apres_debut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.numero} — {self.titre}"

    def clean(self) -> None:
        errors = {}
        if self.date_debut and self.date_fin and self.date_fin < self.date_debut:
            errors["date_fin"] = "La date de fin ne peut pas précéder la date de début."
        if self.axe_id and self.contrat_id and self.axe.contrat_id != self.contrat_id:
            errors["axe"] = "Cet axe appartient à un autre contrat."
        if errors:
            raise ValidationError(errors)

    def verifier_communes(self, communes) -> None:
        """Refuse communes outside the contract's territory (called for every add)."""
        ids = {c if isinstance(c, int) else c.pk for c in communes}
        hors = Commune.objects.filter(pk__in=ids).exclude(contrats=self.contrat_id)
        if hors.exists():
            noms = ", ".join(c.nom for c in hors[:5])
            raise ValidationError(
                {"communes": f"Commune(s) hors du territoire du contrat : {noms}."}
            )

    def save(self, *args, **kwargs) -> None:
        valider_publics(self.publics)  # grid codes are an interface: never store an unknown one
        super().save(*args, **kwargs)

    def peut_modifier(self, user) -> bool:
        return self.contrat.peut_modifier(user)

    def peut_suivre(self, user) -> bool:
        """Record progress: the coordinatrice, or a porteur whose organisation carries it."""
        if self.contrat.peut_modifier(user):
            return True
        return (
            Habilitation.Role.PORTEUR in self.contrat.roles_de(user)
            and user.organisation_id is not None
            and user.organisation_id == self.porteur_id
        )

    @property
    def porteur_a_change(self) -> bool:
        return bool(self.porteur_initial_id and self.porteur_id != self.porteur_initial_id)
