from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clsante.core.models import Versionne
from clsante.core.requetes import RequeteFigee
from clsante.organisations.models import Organisation
from clsante.territoires.models import EPCI, Commune, Region

ROLE_REFERENT_ARS = "referent_ars"
ROLE_ADMIN = "administrateur"


class ContratQuerySet(models.QuerySet):
    def visibles_par(self, user) -> ContratQuerySet:
        """The one rule deciding which contracts a person may read."""
        if not user.is_authenticated:
            return self.filter(publie=True)
        if user.is_superuser:
            return self
        rule = Q(publie=True) | Q(habilitations__utilisateur=user)
        if user.region_ars_id:
            rule |= Q(region_id=user.region_ars_id)
        return self.filter(rule).distinct()

    def modifiables_par(self, user) -> ContratQuerySet:
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            habilitations__utilisateur=user,
            habilitations__role=Habilitation.Role.COORDINATRICE,
        ).distinct()

    def actifs_au(self, date: datetime.date) -> ContratQuerySet:
        return self.filter(
            date_signature__lte=date, date_debut__lte=date, date_fin__gte=date
        ).exclude(statut=Contrat.Statut.ECHU)


class Contrat(Versionne):
    class Statut(models.TextChoices):
        PRE_CONTRACTUALISATION = "pre_contractualisation", "Pré-contractualisation"
        DIAGNOSTIC = "diagnostic", "Diagnostic"
        ELABORATION = "elaboration", "Élaboration"
        MISE_EN_OEUVRE = "mise_en_oeuvre", "Signé – mise en œuvre"
        EVALUATION = "evaluation", "Évaluation"
        ECHU = "echu", "Échu"

    class TypePorteuse(models.TextChoices):
        COMMUNE = "commune", "Commune"
        EPCI = "epci", "EPCI"
        PETR = "petr", "PETR"
        PAYS = "pays", "Pays"
        SYNDICAT_MIXTE = "syndicat_mixte", "Syndicat mixte"
        DEPARTEMENT = "departement", "Département"
        AUTRE = "autre", "Autre"

    nom = models.CharField(max_length=250)
    communes = models.ManyToManyField(Commune, related_name="contrats", blank=True)
    epcis = models.ManyToManyField(EPCI, related_name="contrats", blank=True, verbose_name="EPCI")
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="contrats", verbose_name="région"
    )
    porteuse = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contrats_portes",
        verbose_name="collectivité porteuse",
    )
    type_porteuse = models.CharField(
        "type de porteuse", max_length=20, choices=TypePorteuse.choices
    )
    generation = models.PositiveSmallIntegerField(
        "génération", default=1, validators=[MinValueValidator(1)]
    )
    precedent = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suivant",
        verbose_name="contrat précédent",
    )
    statut = models.CharField(max_length=30, choices=Statut.choices, default=Statut.ELABORATION)
    date_signature = models.DateField("date de signature", null=True, blank=True)
    date_debut = models.DateField("date de début", null=True, blank=True)
    date_fin = models.DateField("date de fin", null=True, blank=True)
    publie = models.BooleanField(
        "publié", default=False, help_text="Le programme figure au catalogue public des actions."
    )
    synthetique = models.BooleanField(
        "données synthétiques",
        default=False,
        editable=False,
        help_text="Contrat généré pour les essais à l'échelle nationale, jamais réel.",
    )
    referent_ars = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contrats_suivis",
        verbose_name="référent ARS",
    )
    history = HistoricalRecords()

    objects = ContratQuerySet.as_manager()

    class Meta:
        ordering = ["nom"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_fin__isnull=True)
                | Q(date_debut__isnull=True)
                | Q(date_fin__gte=models.F("date_debut")),
                name="contrat_fin_apres_debut",
            )
        ]

    def __str__(self) -> str:
        return self.nom

    def clean(self) -> None:
        if self.date_debut and self.date_fin and self.date_fin < self.date_debut:
            raise ValidationError(
                {"date_fin": "La date de fin ne peut pas précéder la date de début."}
            )
        if self.precedent_id and self.precedent_id == self.pk:
            raise ValidationError({"precedent": "Un contrat ne peut pas se précéder lui-même."})
        if self.statut == self.Statut.MISE_EN_OEUVRE and not self.date_signature:
            raise ValidationError(
                {"date_signature": "Un contrat en mise en œuvre doit avoir une date de signature."}
            )

    @property
    def duree_annees(self) -> float | None:
        if not (self.date_debut and self.date_fin):
            return None
        return round((self.date_fin - self.date_debut).days / 365.25, 1)

    @property
    def population(self) -> int:
        return self.communes.population_totale()

    def coordinatrices(self):
        return self.habilitations.filter(role=Habilitation.Role.COORDINATRICE)

    # Permission predicates: views, templates and exports all ask these.

    def roles_de(self, user) -> set[str]:
        """The person's roles on this contract (habilitations, ARS referent, admin)."""
        if not user.is_authenticated:
            return set()
        cache = getattr(user, "_roles_cache", None)
        if cache is None:
            cache = user._roles_cache = {}
        if self.pk not in cache:
            roles = set(_ROLES.lignes(self.pk, user.pk))
            if user.region_ars_id and user.region_ars_id == self.region_id:
                roles.add(ROLE_REFERENT_ARS)
            if user.is_superuser:
                roles.add(ROLE_ADMIN)
            cache[self.pk] = roles
        return cache[self.pk]

    def est_visible_par(self, user) -> bool:
        """`visibles_par` for one contract already loaded: published, or any role on it
        (habilitation, ARS referent of its region, admin). Reuses the roles' cache, so a
        page that then asks the other predicates pays one query for all of them."""
        return self.publie or bool(self.roles_de(user))

    def peut_modifier(self, user) -> bool:
        return bool(self.roles_de(user) & {Habilitation.Role.COORDINATRICE, ROLE_ADMIN})

    def peut_commenter(self, user) -> bool:
        return bool(self.roles_de(user) - {Habilitation.Role.LECTEUR})

    def peut_voir_contacts(self, user) -> bool:
        """Contact details are for the contract's own people, not for public readers."""
        return bool(self.roles_de(user) - {Habilitation.Role.LECTEUR})

    def peut_lire_bilan(self, user) -> bool:
        """The annual review is for the contract's people (the COPIL), not public readers."""
        return bool(self.roles_de(user) - {Habilitation.Role.LECTEUR})

    def peut_coder(self, user) -> bool:
        """Code fiches on the ISTS grid: the coordination, or the ARS referent (evaluation)."""
        return bool(
            self.roles_de(user) & {Habilitation.Role.COORDINATRICE, ROLE_ADMIN, ROLE_REFERENT_ARS}
        )

    def peut_valider_avenants(self, user) -> bool:
        return bool(self.roles_de(user) & {ROLE_REFERENT_ARS, ROLE_ADMIN})


class Signataire(models.Model):
    class Role(models.TextChoices):
        ARS = "ars", "Agence régionale de santé"
        PREFECTURE = "prefecture", "Préfecture"
        CONSEIL_DEPARTEMENTAL = "conseil_departemental", "Conseil départemental"
        CONSEIL_REGIONAL = "conseil_regional", "Conseil régional"
        CPAM = "cpam", "CPAM"
        MSA = "msa", "MSA"
        CAF = "caf", "CAF"
        COLLECTIVITE = "collectivite", "Collectivité"
        ETABLISSEMENT_SANTE = "etablissement_sante", "Établissement de santé"
        EDUCATION_NATIONALE = "education_nationale", "Éducation nationale"
        AUTRE = "autre", "Autre"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="signataires")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    role = models.CharField("rôle", max_length=30, choices=Role.choices)
    signataire = models.CharField("signé par", max_length=200, blank=True)
    date_signature = models.DateField("date de signature", null=True, blank=True)

    class Meta:
        ordering = ["role", "organisation__nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["contrat", "organisation"], name="signataire_unique_par_contrat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class DispositifLie(models.Model):
    """Another local scheme the contract articulates with."""

    class Type(models.TextChoices):
        ASV = "asv", "Atelier santé ville (ASV)"
        CLSM = "clsm", "Conseil local de santé mentale (CLSM)"
        CPTS = "cpts", "Communauté professionnelle territoriale de santé (CPTS)"
        PAT = "pat", "Projet alimentaire territorial (PAT)"
        MSP = "msp", "Maison de santé pluriprofessionnelle (MSP)"
        CONTRAT_VILLE = "contrat_ville", "Contrat de ville"
        CTS = "cts", "Conseil territorial de santé (CTS)"
        PTS = "pts", "Projet territorial de santé (PTS)"
        AUTRE = "autre", "Autre"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="dispositifs")
    type = models.CharField(max_length=20, choices=Type.choices)
    nom = models.CharField(max_length=250)
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True)
    commentaire = models.TextField(blank=True)

    class Meta:
        ordering = ["type", "nom"]
        verbose_name = "dispositif lié"
        verbose_name_plural = "dispositifs liés"

    def __str__(self) -> str:
        return f"{self.get_type_display()} : {self.nom}"


class Habilitation(models.Model):
    """A person's role on one contract."""

    class Role(models.TextChoices):
        COORDINATRICE = "coordinatrice", "Coordinatrice / coordinateur"
        PORTEUR = "porteur", "Porteur d'action"
        ELU = "elu", "Élu(e)"
        COSIGNATAIRE = "cosignataire", "Institution cosignataire"
        PARTENAIRE = "partenaire", "Partenaire d'une fiche"
        LECTEUR = "lecteur", "Lecteur"

    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="habilitations")
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="habilitations"
    )
    role = models.CharField("rôle", max_length=20, choices=Role.choices)
    date_debut = models.DateField("depuis le", default=datetime.date.today)
    date_fin = models.DateField(
        "jusqu'au", null=True, blank=True, help_text="Vide tant que le rôle est exercé."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["contrat", "utilisateur", "role"], name="habilitation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.utilisateur} — {self.get_role_display()} — {self.contrat}"


# A person's roles on a contract, asked by every page of a contract (`Contrat.roles_de`).
_ROLES = RequeteFigee(
    lambda contrat, utilisateur: Habilitation.objects.filter(
        contrat_id=contrat, utilisateur_id=utilisateur
    ).values_list("role", flat=True)
)
