"""Write an analysed programme: all of it in one transaction, or nothing.

Fiches are written through the programme's own services (``creer_fiche``,
``modifier_fiche``), so an import into a signed contract records the same amendments as
the edit form, and the history names the person who imported. Unchanged rows are not
touched: importing the same file again writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from clsante.imports.champs import normaliser
from clsante.imports.erreurs import ImportInvalide
from clsante.imports.programme import Analyse, FichePlan
from clsante.organisations.models import Organisation
from clsante.programme.avenants import instantane
from clsante.programme.models import Axe, FicheAction, Financement, Indicateur, Objectif
from clsante.programme.services_fiche import creer_fiche, modifier_fiche, types_avenant

Progression = Callable[[int], None]
__all__ = ["ImportInvalide", "ecrire"]


class _Ecrivain:
    def __init__(self, analyse: Analyse, auteur, motif: str):
        self.analyse, self.refs, self.auteur, self.motif = analyse, analyse.refs, auteur, motif
        self.objectifs: dict[tuple, int] = {}

    def preparer(self) -> None:
        refs = self.refs
        for cle, nom in refs.nouvelles_organisations.items():
            refs.organisations[cle] = Organisation.objects.create(
                nom=nom, type=Organisation.Type.AUTRE, secteur=Organisation.Secteur.AUTRE
            )
        for numero, titre in refs.nouveaux_axes.items():
            refs.axes[numero] = Axe.objects.create(contrat=refs.contrat, numero=numero, titre=titre)
        for numero, titre in refs.axes_renommes.items():
            Axe.objects.filter(pk=refs.axes[numero].pk).update(titre=titre)
        prevus = sorted(refs.nouveaux_objectifs.items(), key=lambda kv: kv[1].parent is not None)
        for cle, prevu in prevus:
            parent = self._objectif(prevu.parent) if prevu.parent else None
            objectif = Objectif(
                axe=refs.axes[prevu.axe],
                parent_id=parent,
                niveau=prevu.niveau if parent else Objectif.Niveau.GENERAL,
                code=prevu.code[:20],
                intitule=prevu.intitule,
            )
            objectif.full_clean()
            objectif.save()
            self.objectifs[cle] = objectif.pk

    def _objectif(self, ref: tuple) -> int:
        return ref[1] if ref[0] == "id" else self.objectifs[ref]

    def _org(self, cle: str) -> Organisation | None:
        return self.refs.organisations[cle] if cle else None

    def ecrire(self, plan: FichePlan) -> None:
        fiche = self.refs.fiches.get(plan.numero)
        if fiche is None:
            fiche = FicheAction(contrat=self.refs.contrat, numero=plan.numero)
            self._affecter(fiche, plan)
            creer_fiche(fiche, self._m2m(plan, None), self.auteur, self.motif)
        else:
            avant = instantane(fiche)
            initial = {c: getattr(fiche, c) for c in (*plan.valeurs, "statut")}
            version = fiche.version
            self._affecter(fiche, plan)
            types = types_avenant(initial, plan.valeurs)
            m2m = self._m2m(plan, fiche)
            modifier_fiche(fiche, version, m2m, self.auteur, avant, types, self.motif)
        self._suivi(fiche, plan)

    def _affecter(self, fiche: FicheAction, plan: FichePlan) -> None:
        for cle, valeur in plan.valeurs.items():
            setattr(fiche, cle, valeur if valeur is not None or cle.startswith("date") else "")
        if plan.axe is not None:
            fiche.axe = self.refs.axes[plan.axe]
        if plan.porteur is not None:
            fiche.porteur = self._org(plan.porteur)

    def _m2m(self, plan: FichePlan, fiche: FicheAction | None) -> dict:
        m2m = {}
        if "communes" in plan.m2m:
            m2m["communes"] = sorted(plan.m2m["communes"])
        if "objectifs" in plan.m2m:
            m2m["objectifs"] = [self._objectif(r) for r in plan.m2m["objectifs"]]
        if "partenaires" in plan.m2m:
            m2m["partenaires"] = [self._org(c) for c in plan.m2m["partenaires"]]
        if ajout := plan.m2m.get("partenaires_ajout"):
            actuels = list(fiche.partenaires.all()) if fiche else []
            m2m["partenaires"] = m2m.get("partenaires", actuels) + [self._org(c) for c in ajout]
        return m2m

    def _suivi(self, fiche: FicheAction, plan: FichePlan) -> None:
        actuels = {(normaliser(f.financeur.nom), f.annee): f for f in fiche.financements.all()}
        for cle, annee, montant, statut in plan.financements:
            financement = actuels.get((cle, annee)) or Financement(
                fiche=fiche, financeur=self._org(cle), annee=annee
            )
            if (
                financement.pk
                and financement.montant == montant
                and statut
                in (
                    None,
                    financement.statut,
                )
            ):
                continue
            financement.montant = montant
            financement.statut = statut or financement.statut or Financement.Statut.SOLLICITE
            financement._history_user = self.auteur
            financement.save()
            actuels[(cle, annee)] = financement
        libelles = {normaliser(i.libelle) for i in fiche.indicateurs.all()}
        for libelle in plan.indicateurs:
            if normaliser(libelle) not in libelles:
                indicateur = Indicateur(fiche=fiche, libelle=libelle)
                indicateur._history_user = self.auteur
                indicateur.save()
                libelles.add(normaliser(libelle))


def ecrire(
    analyse: Analyse, auteur, motif: str, progression: Progression | None = None
) -> dict[str, int]:
    """Apply an analysis without errors; returns the counts of created and modified fiches."""
    if analyse.erreurs:
        raise ImportInvalide(analyse.erreurs)
    comptes = {"creee": 0, "modifiee": 0, "inchangee": 0}
    with transaction.atomic():
        ecrivain = _Ecrivain(analyse, auteur, motif)
        ecrivain.preparer()
        for i, plan in enumerate(analyse.plans, start=1):
            if plan.action in ("creee", "modifiee"):
                ecrivain.ecrire(plan)
            comptes[plan.action] += 1
            if progression and i % 10 == 0:
                progression(i)
    return comptes
