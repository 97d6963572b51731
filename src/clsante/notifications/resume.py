"""The weekly digest: what changed in each person's contracts during the last 7 days.

Produced on Mondays by `preparer_rappels` (or any day with `--resume`), at most once per
ISO week and person (key `resume-<year>-<week>`), and only for people with something to read.
The period is the 7 days before the day it runs, midnight to midnight, local time.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from clsante.contrats.models import Contrat, Habilitation, Reunion
from clsante.core.texte import pluriel
from clsante.notifications.models import TypeNotification
from clsante.notifications.rappels import contrats_suivis
from clsante.notifications.services import notifier
from clsante.programme.models import Avenant, Commentaire, FicheAction, Mesure, NoteSuivi

JOUR_RESUME = 0  # Monday
DUREE = datetime.timedelta(days=7)


def _instant(jour: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(jour, datetime.time.min))


def _numeros(ids_numeros: dict[int, str]) -> str:
    numeros = sorted(set(ids_numeros.values()))
    suite = ", ".join(numeros[:8])
    return suite + ("…" if len(numeros) > 8 else "")


def _fiches(contrat: Contrat, debut, fin) -> list[str]:
    records = FicheAction.history.filter(
        contrat_id=contrat.pk, history_date__gte=debut, history_date__lt=fin
    ).values_list("id", "numero", "history_type")
    creees = {i: n for i, n, t in records if t == "+"}
    modifiees = {i: n for i, n, t in records if t == "~" and i not in creees}
    lignes = []
    if creees:
        lignes.append(
            pluriel(len(creees), "fiche créée", "fiches créées") + f" ({_numeros(creees)})"
        )
    if modifiees:
        lignes.append(
            pluriel(len(modifiees), "fiche modifiée", "fiches modifiées")
            + f" ({_numeros(modifiees)})"
        )
    return lignes


def _compteurs(contrat: Contrat, debut, fin, jour_debut, jour_fin) -> list[str]:
    mesures = Mesure.history.filter(
        indicateur__fiche__contrat=contrat,
        history_type="+",
        history_date__gte=debut,
        history_date__lt=fin,
    ).count()
    notes = NoteSuivi.objects.filter(
        fiche__contrat=contrat, date__gte=jour_debut, date__lt=jour_fin
    ).count()
    commentaires = Commentaire.objects.filter(
        fiche__contrat=contrat, cree_le__gte=debut, cree_le__lt=fin
    ).count()
    reunions = Reunion.objects.filter(
        instance__contrat=contrat, date__gte=jour_debut, date__lt=jour_fin
    ).count()
    avenants = Avenant.objects.filter(contrat=contrat).aggregate(
        demandes=Count("pk", filter=Q(date__gte=jour_debut, date__lt=jour_fin)),
        decides=Count("pk", filter=Q(valide_le__gte=debut, valide_le__lt=fin)),
    )
    textes = [
        (mesures, "valeur d'indicateur saisie", "valeurs d'indicateurs saisies"),
        (notes, "note de suivi", "notes de suivi"),
        (commentaires, "commentaire", "commentaires"),
        (reunions, "réunion tenue", "réunions tenues"),
        (
            avenants["demandes"],
            "modification du programme demandée",
            "modifications du programme demandées",
        ),
        (
            avenants["decides"],
            "modification du programme validée ou refusée",
            "modifications du programme validées ou refusées",
        ),
    ]
    return [pluriel(n, s, p) for n, s, p in textes if n]


def changements(contrat: Contrat, aujourdhui: datetime.date) -> list[str]:
    """One line per kind of change in the contract during the 7 days before `aujourdhui`."""
    jour_debut, jour_fin = aujourdhui - DUREE, aujourdhui
    debut, fin = _instant(jour_debut), _instant(jour_fin)
    return _fiches(contrat, debut, fin) + _compteurs(contrat, debut, fin, jour_debut, jour_fin)


def contrats_par_personne(contrats: list[Contrat]) -> dict[int, set[int]]:
    """Person id → ids of the contracts they follow (roles, ARS region, named referent)."""
    suivis: dict[int, set[int]] = defaultdict(set)
    ids = [c.pk for c in contrats]
    for user_id, contrat_id in Habilitation.objects.filter(contrat_id__in=ids).values_list(
        "utilisateur_id", "contrat_id"
    ):
        suivis[user_id].add(contrat_id)
    par_region = defaultdict(set)
    for c in contrats:
        par_region[c.region_id].add(c.pk)
        if c.referent_ars_id:
            suivis[c.referent_ars_id].add(c.pk)
    referents = get_user_model().objects.filter(region_ars_id__in=list(par_region))
    for user_id, region_id in referents.values_list("pk", "region_ars_id"):
        suivis[user_id] |= par_region[region_id]
    return suivis


def _texte(blocs: list[tuple[Contrat, list[str]]]) -> str:
    parties = []
    for contrat, lignes in blocs:
        parties.append(f"{contrat.nom} :\n" + "\n".join(f"- {ligne}" for ligne in lignes))
    return "\n\n".join(parties)


def produire_resumes(aujourdhui: datetime.date) -> int:
    """The digest of the week for every person who has something in it."""
    annee, semaine, _ = aujourdhui.isocalendar()
    contrats = list(contrats_suivis())
    par_contrat = {c.pk: (c, changements(c, aujourdhui)) for c in contrats}
    personnes = get_user_model().objects.filter(is_active=True).in_bulk()
    nombre = 0
    for user_id, contrat_ids in contrats_par_personne(contrats).items():
        personne = personnes.get(user_id)
        blocs = [par_contrat[i] for i in sorted(contrat_ids, key=lambda i: par_contrat[i][0].nom)]
        blocs = [(c, lignes) for c, lignes in blocs if lignes]
        if personne is None or not blocs:
            continue
        seul = blocs[0][0] if len(blocs) == 1 else None
        lien = reverse("contrats:detail", args=[seul.pk]) if seul else reverse("programme:accueil")
        nombre += notifier(
            [personne],
            TypeNotification.RESUME_HEBDOMADAIRE,
            f"Résumé de la semaine {semaine} : ce qui a changé dans vos contrats",
            _texte(blocs),
            lien=lien,
            contrat=seul,
            cle=f"resume-{annee}-{semaine:02d}",
        )
    return nombre


def resume_du(aujourdhui: datetime.date) -> bool:
    return aujourdhui.weekday() == JOUR_RESUME
