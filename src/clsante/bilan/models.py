"""The annual review campaign of a contract, and the porteurs' answers to it.

An answer holds only what belongs to the campaign itself (publics and communes reached,
difficulties); the status, progress note, indicator values and financing it collects are
written into the fiche's own follow-up records, so there is never a second copy of them.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from clsante.contrats.models import Contrat, Habilitation
from clsante.contrats.models_contrat import ROLE_ADMIN, ROLE_REFERENT_ARS
from clsante.programme.models import FicheAction, Mesure, NoteSuivi
from clsante.territoires.models import Commune

# Who follows a campaign's progress: the contract's people, not its public readers
# (porteurs see their own fiches on « Mes fiches à compléter »).
ROLES_AVANCEMENT = {
    Habilitation.Role.COORDINATRICE,
    Habilitation.Role.ELU,
    ROLE_REFERENT_ARS,
    ROLE_ADMIN,
}


def annee_de_bilan_par_defaut(today: datetime.date) -> int:
    """The year to review: the current one, or the one just ended in its first quarter.

    The campaign form and the annual review's download links both start from it.
    """
    return today.year - 1 if today.month <= 3 else today.year


def peut_voir_avancement(contrat: Contrat, user) -> bool:
    return bool(contrat.roles_de(user) & ROLES_AVANCEMENT)


class CampagneBilanQuerySet(models.QuerySet):
    def visibles_par(self, user) -> CampagneBilanQuerySet:
        return self.filter(contrat__in=Contrat.objects.visibles_par(user))

    def ouvertes(self) -> CampagneBilanQuerySet:
        return self.filter(close_le__isnull=True)


class CampagneBilan(models.Model):
    contrat = models.ForeignKey(Contrat, on_delete=models.CASCADE, related_name="campagnes_bilan")
    annee = models.PositiveSmallIntegerField(
        "année du bilan", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    date_limite = models.DateField("date limite de réponse")
    message = models.TextField("message aux porteurs", blank=True)
    ouverte_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ouverte par",
    )
    ouverte_le = models.DateTimeField("ouverte le", auto_now_add=True)
    close_le = models.DateTimeField("close le", null=True, blank=True)

    objects = CampagneBilanQuerySet.as_manager()

    class Meta:
        ordering = ["contrat", "-annee"]
        verbose_name = "campagne de bilan annuel"
        verbose_name_plural = "campagnes de bilan annuel"
        constraints = [
            models.UniqueConstraint(fields=["contrat", "annee"], name="campagne_bilan_unique")
        ]

    def __str__(self) -> str:
        return f"Bilan {self.annee} — {self.contrat}"

    @property
    def ouverte(self) -> bool:
        return self.close_le is None

    def echeance_depassee(self, today: datetime.date) -> bool:
        return today > self.date_limite

    def fiches(self) -> models.QuerySet[FicheAction]:
        """The fiches asked for: carried by someone and not abandoned, plus those answered.

        Computed rather than frozen at opening, so a fiche added by an amendment is asked
        for too; once closed, fiches created afterwards no longer count.
        """
        demandees = Q(porteur__isnull=False) & ~Q(statut=FicheAction.Statut.ABANDONNEE)
        fiches = self.contrat.fiches.filter(demandees | Q(reponses_bilan__campagne=self))
        if self.close_le:
            fiches = fiches.filter(cree_le__lte=self.close_le)
        return fiches.distinct()

    def _autres(self):
        """The contract's other campaigns."""
        return CampagneBilan.objects.filter(contrat_id=self.contrat_id).exclude(pk=self.pk)

    def empechement(self) -> str:
        """Why this campaign cannot be opened ("" if it can): one a year, one open at a time."""
        if self._autres().filter(annee=self.annee).exists():
            return f"Une campagne de bilan existe déjà pour {self.annee} sur ce contrat."
        ouverte = self._autres().ouvertes().first()
        if ouverte is not None:
            return (
                f"La campagne de bilan {ouverte.annee} est encore ouverte : "
                "clôturez-la avant d'en ouvrir une autre."
            )
        return ""

    def empechement_a_rouvrir(self) -> str:
        """Why this closed campaign cannot be reopened ("" if it can): one open at a time."""
        ouverte = self._autres().ouvertes().first()
        if ouverte is not None:
            return (
                f"La campagne de bilan {ouverte.annee} est ouverte : "
                "clôturez-la avant de rouvrir celle-ci."
            )
        return ""

    def date_des_mesures(self, today: datetime.date) -> datetime.date:
        """Values are dated on 31 December of the year, or today while it runs."""
        return min(datetime.date(self.annee, 12, 31), today)

    # Permission predicates (views and templates ask these).

    def peut_gerer(self, user) -> bool:
        """Open, remind, close: the contract's coordination."""
        return self.contrat.peut_modifier(user)

    def peut_voir_avancement(self, user) -> bool:
        return peut_voir_avancement(self.contrat, user)

    def peut_repondre(self, fiche: FicheAction, user) -> bool:
        return self.ouverte and fiche.contrat_id == self.contrat_id and fiche.peut_suivre(user)


class ReponseBilan(models.Model):
    class Publics(models.TextChoices):
        OUI = "oui", "Oui"
        EN_PARTIE = "en_partie", "En partie"
        NON = "non", "Non"
        NE_SAIT_PAS = "ne_sait_pas", "Ne sait pas"

    campagne = models.ForeignKey(CampagneBilan, on_delete=models.CASCADE, related_name="reponses")
    fiche = models.ForeignKey(FicheAction, on_delete=models.CASCADE, related_name="reponses_bilan")
    repondu_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="répondu par",
    )
    repondu_le = models.DateTimeField("répondu le")
    publics_atteints = models.CharField(
        "l'action a-t-elle atteint ses publics ?", max_length=20, choices=Publics.choices
    )
    communes_atteintes = models.ManyToManyField(
        Commune, blank=True, related_name="+", verbose_name="communes atteintes"
    )
    difficultes = models.TextField("difficultés rencontrées", blank=True)
    note = models.ForeignKey(
        NoteSuivi,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="note de suivi",
    )
    # The indicator values this answer wrote, so that answering again updates them.
    mesures = models.ManyToManyField(Mesure, blank=True, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["campagne", "fiche"]
        verbose_name = "réponse au bilan annuel"
        verbose_name_plural = "réponses au bilan annuel"
        constraints = [
            models.UniqueConstraint(fields=["campagne", "fiche"], name="reponse_bilan_unique")
        ]

    def __str__(self) -> str:
        return f"{self.fiche.numero} — {self.campagne}"
