"""Load the demo contracts described in data/*.yaml (format: docs/format-demo.md).

Each contract is loaded once: a contract already present (same name) is reused, so
running the loader again changes nothing. Every object goes through model validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from clsante.comptes.models import Utilisateur
from clsante.contrats.models import (
    Besoin,
    Contrat,
    Decision,
    Diagnostic,
    DispositifLie,
    Habilitation,
    IndicateurDiagnostic,
    Instance,
    MembreInstance,
    Reunion,
    Signataire,
)
from clsante.grille.models import CodageISTS
from clsante.organisations.models import Contact, Organisation
from clsante.programme.avenants import figer_programme_signe, instantane
from clsante.programme.models import (
    Avenant,
    Axe,
    Etape,
    FicheAction,
    Financement,
    Indicateur,
    Mesure,
    NoteSuivi,
    Objectif,
)
from clsante.territoires.models import EPCI, Commune, Region

DATA_DIR = Path(__file__).parent / "data"
CONTRATS = ("morlaix.yaml", "poher.yaml")
MOT_DE_PASSE_DEMO = "demo-clsante"


class DemoInvalide(Exception):
    pass


@dataclass
class Contexte:
    organisations: dict[str, Organisation] = field(default_factory=dict)
    utilisateurs: dict[str, Utilisateur] = field(default_factory=dict)


def lire(nom: str) -> dict:
    return yaml.safe_load((DATA_DIR / nom).read_text(encoding="utf-8"))


def valider(obj):
    for model_field in obj._meta.concrete_fields:
        value = getattr(obj, model_field.attname)
        if isinstance(value, float):  # YAML floats: keep the decimal as written
            setattr(obj, model_field.attname, Decimal(str(value)))
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def charger_demo() -> list[str]:
    """Load organisations, users and contracts; return a line per thing done."""
    if not Commune.objects.exists():
        raise DemoInvalide(
            "La géographie n'est pas chargée : lancez d'abord « clsante charger_geographie »."
        )
    journal: list[str] = []
    ctx = Contexte()
    orgs = lire("organisations.yaml")
    ctx.organisations = _organisations(orgs["organisations"])
    for nom in CONTRATS:
        data = lire(nom)
        contrat = Contrat.objects.filter(nom=data["nom"]).first()
        if contrat:
            journal.append(f"Contrat déjà présent, conservé : {contrat.nom}")
            continue
        contrat = _contrat(data, ctx)
        journal.append(f"Contrat créé : {contrat.nom} ({contrat.fiches.count()} fiches actions)")
    _utilisateurs(ctx, orgs["porteur_demo"])
    return journal


def _organisations(rows: list[dict]) -> dict[str, Organisation]:
    out = {}
    for row in rows:
        commune = Commune.objects.filter(insee=row.get("commune")).first()
        org, created = Organisation.objects.get_or_create(
            nom=row["nom"],
            defaults={"type": row["type"], "secteur": row["secteur"], "commune": commune},
        )
        if created:
            org.full_clean()
            for contact in row.get("contacts") or []:
                valider(Contact(organisation=org, **contact))
        out[row["cle"]] = org
    return out


def _org(ctx: Contexte, cle: str | None) -> Organisation | None:
    if cle is None:
        return None
    try:
        return ctx.organisations[cle]
    except KeyError as exc:
        raise DemoInvalide(
            f"Organisation inconnue dans les données de démonstration : {cle}"
        ) from exc


def _contrat(data: dict, ctx: Contexte) -> Contrat:
    epci = EPCI.objects.get(siren=data["epci"])
    communes = (
        list(Commune.objects.filter(insee__in=data["communes"]))
        if data.get("communes")
        else list(epci.communes.all())
    )
    precedent = None
    if data.get("precedent"):
        p = data["precedent"]
        precedent = _nouveau_contrat(
            data,
            ctx,
            communes,
            epci,
            nom=p["nom"],
            generation=data["generation"] - 1,
            statut=Contrat.Statut.ECHU,
            date_signature=p.get("date_signature"),
            date_debut=p.get("date_debut"),
            date_fin=p.get("date_fin"),
            publie=False,
        )
    contrat = _nouveau_contrat(
        data,
        ctx,
        communes,
        epci,
        nom=data["nom"],
        generation=data["generation"],
        statut=data["statut"],
        date_signature=data.get("date_signature"),
        date_debut=data.get("date_debut"),
        date_fin=data.get("date_fin"),
        publie=data.get("publie", False),
        precedent=precedent,
    )
    for s in data.get("signataires") or []:
        valider(
            Signataire(
                contrat=contrat,
                organisation=_org(ctx, s["organisation"]),
                role=s["role"],
                signataire=s.get("signataire", ""),
                date_signature=s.get("date"),
            )
        )
    for d in data.get("dispositifs") or []:
        valider(
            DispositifLie(
                contrat=contrat,
                type=d["type"],
                nom=d["nom"],
                organisation=_org(ctx, d.get("organisation")),
                commentaire=d.get("commentaire", ""),
            )
        )
    besoins = _diagnostic(contrat, data.get("diagnostic"), ctx)
    fiches = _axes(contrat, data.get("axes") or [], besoins, ctx)
    _instances(contrat, data.get("instances") or [], fiches, ctx)
    if contrat.date_signature:
        _avenants_depuis_signature(contrat)
    return contrat


def _avenants_depuis_signature(contrat: Contrat) -> None:
    """The demo programme as signed, and the amendments its later changes made."""
    signe = figer_programme_signe(contrat)
    for fiche in contrat.fiches.filter(hors_programmation=True).select_related("axe"):
        Avenant.objects.create(
            contrat=contrat,
            fiche=fiche,
            numero_fiche=fiche.numero,
            type=Avenant.Type.AJOUT,
            date=fiche.date_debut or signe.date,
            motif="Action ajoutée au programme en cours de contrat.",
            apres=instantane(fiche),
            statut=Avenant.Statut.VALIDE,
        )
    for fiche in contrat.fiches.filter(statut=FicheAction.Statut.ABANDONNEE).select_related("axe"):
        Avenant.objects.create(
            contrat=contrat,
            fiche=fiche,
            numero_fiche=fiche.numero,
            type=Avenant.Type.ABANDON,
            date=max(signe.date, fiche.date_debut or signe.date),
            motif="Action abandonnée en cours de contrat.",
            avant=instantane(fiche),
            statut=Avenant.Statut.EN_ATTENTE,
        )


def _nouveau_contrat(data, ctx, communes, epci, **fields) -> Contrat:
    region = Region.objects.get(pk=communes[0].region_id)
    contrat = valider(
        Contrat(
            region=region,
            porteuse=_org(ctx, data["porteuse"]),
            type_porteuse=data["type_porteuse"],
            **fields,
        )
    )
    contrat.communes.set(communes)
    contrat.epcis.set([epci])
    return contrat


def _diagnostic(contrat: Contrat, data: dict | None, ctx: Contexte) -> dict[str, Besoin]:
    if not data:
        return {}
    diag = valider(
        Diagnostic(
            contrat=contrat,
            titre=data["titre"],
            date=data.get("date"),
            auteur=_org(ctx, data.get("auteur")),
            synthese=data.get("synthese", ""),
        )
    )
    for i in data.get("indicateurs") or []:
        valider(IndicateurDiagnostic(diagnostic=diag, **i))
    return {b["code"]: valider(Besoin(diagnostic=diag, **b)) for b in data.get("besoins") or []}


def _axes(contrat, axes: list[dict], besoins: dict, ctx: Contexte) -> dict[str, FicheAction]:
    fiches: dict[str, FicheAction] = {}
    liens: list[tuple[FicheAction, list[str]]] = []
    for a in axes:
        axe = valider(
            Axe(
                contrat=contrat,
                numero=a["numero"],
                titre=a["titre"],
                description=a.get("description", ""),
            )
        )
        objectifs: dict[str, Objectif] = {}
        for o in a.get("objectifs") or []:
            objectifs[o["cle"]] = valider(
                Objectif(
                    axe=axe,
                    code=o["cle"],
                    niveau=o["niveau"],
                    intitule=o["intitule"],
                    parent=objectifs.get(o.get("parent")),
                )
            )
        for f in a.get("fiches") or []:
            fiche = _fiche(contrat, axe, f, objectifs, besoins, ctx)
            fiches[fiche.numero] = fiche
            liens.append((fiche, f.get("liens") or []))
    for fiche, numeros in liens:
        fiche.fiches_liees.add(*[fiches[n] for n in numeros if n in fiches])
    return fiches


TEXTES = (
    "titre",
    "contexte",
    "objectifs_texte",
    "description",
    "modalites",
    "publics_texte",
    "objectif_prs",
)
CHOIX = ("date_debut", "date_fin", "statut", "priorite", "participation", "hors_programmation")


def _fiche(contrat, axe, f: dict, objectifs, besoins, ctx: Contexte) -> FicheAction:
    fiche = valider(
        FicheAction(
            contrat=contrat,
            axe=axe,
            numero=str(f["numero"]),
            publics=f.get("publics") or [],
            porteur_initial=_org(ctx, f.get("porteur_initial")),
            porteur=_org(ctx, f.get("porteur")),
            **{k: f.get(k) or "" for k in TEXTES},
            **{k: f[k] for k in CHOIX if k in f},
        )
    )
    fiche.objectifs.set([objectifs[k] for k in f.get("objectifs") or []])
    fiche.besoins.set([besoins[k] for k in f.get("besoins") or []])
    fiche.communes.set(Commune.objects.filter(insee__in=f.get("communes") or []))
    fiche.partenaires.set([_org(ctx, k) for k in f.get("partenaires") or []])
    for e in f.get("etapes") or []:
        valider(Etape(fiche=fiche, **e))
    for n in f.get("notes") or []:
        NoteSuivi.objects.create(
            fiche=fiche, date=n["date"], texte=n["texte"], auteur=_auteur(ctx, n.get("auteur"))
        )
    for fin in f.get("financements") or []:
        valider(
            Financement(
                fiche=fiche,
                financeur=_org(ctx, fin["financeur"]),
                montant=fin["montant"],
                annee=fin["annee"],
                statut=fin["statut"],
            )
        )
    for i in f.get("indicateurs") or []:
        mesures = i.pop("mesures", None) or []
        indicateur = valider(Indicateur(fiche=fiche, **i))
        for m in mesures:
            valider(Mesure(indicateur=indicateur, **m))
    if codage := f.get("codage"):
        valider(CodageISTS(fiche=fiche, **codage))
    return fiche


def _auteur(ctx: Contexte, username: str | None) -> Utilisateur | None:
    if not username:
        return None
    if username not in ctx.utilisateurs:
        ctx.utilisateurs[username] = _utilisateur(username)
    return ctx.utilisateurs[username]


def _instances(contrat, instances: list[dict], fiches: dict, ctx: Contexte) -> None:
    for i in instances:
        instance = valider(
            Instance(
                contrat=contrat, type=i["type"], nom=i["nom"], thematique=i.get("thematique") or ""
            )
        )
        for m in i.get("membres") or []:
            valider(
                MembreInstance(
                    instance=instance,
                    organisation=_org(ctx, m.get("organisation")),
                    personne=m.get("personne") or m.get("habitant") or "",
                    qualite=m.get("qualite", ""),
                    habitant="habitant" in m,
                )
            )
        for r in i.get("reunions") or []:
            reunion = valider(
                Reunion(
                    instance=instance,
                    date=r["date"],
                    lieu=r.get("lieu", ""),
                    ordre_du_jour=r.get("ordre_du_jour", ""),
                    compte_rendu=r.get("compte_rendu", ""),
                )
            )
            reunion.presents.set([_org(ctx, k) for k in r.get("presents") or []])
            for d in r.get("decisions") or []:
                decision = valider(Decision(reunion=reunion, texte=d["texte"]))
                decision.fiches.set([fiches[n] for n in d.get("fiches") or [] if n in fiches])


PROFILS = {
    "admin": ("Administratrice", "CLSanté", None),
    "coordinatrice.morlaix": (
        "Claire",
        "Le Bihan",
        ("morlaix.yaml", Habilitation.Role.COORDINATRICE),
    ),
    "coordinatrice.poher": ("Nolwenn", "Guéguen", ("poher.yaml", Habilitation.Role.COORDINATRICE)),
    "referent.ars": ("Yann", "Kerjean", None),
    "porteur.demo": ("Sophie", "Morvan", ("morlaix.yaml", Habilitation.Role.PORTEUR)),
    "elu.morlaix": ("Jean-Pierre", "Caroff", ("morlaix.yaml", Habilitation.Role.ELU)),
    "lecteur": ("Louis", "Tanguy", None),
}


def _utilisateur(username: str) -> Utilisateur:
    prenom, nom, _ = PROFILS.get(username, (username, "", None))
    user, created = Utilisateur.objects.get_or_create(
        username=username,
        defaults={"first_name": prenom, "last_name": nom, "email": f"{username}@example.org"},
    )
    if created:
        user.set_password(MOT_DE_PASSE_DEMO)
        user.save()
    return user


def _utilisateurs(ctx: Contexte, porteur_demo: str) -> None:
    noms = {f: lire(f)["nom"] for f in CONTRATS}
    for username, (_, _, habilitation) in PROFILS.items():
        user = _auteur(ctx, username)
        if username == "admin" and not user.is_superuser:
            user.is_superuser = user.is_staff = True
            user.save()
        if habilitation:
            contrat = Contrat.objects.get(nom=noms[habilitation[0]])
            Habilitation.objects.get_or_create(
                contrat=contrat, utilisateur=user, role=habilitation[1]
            )
    porteur = ctx.utilisateurs["porteur.demo"]
    if porteur.organisation_id is None:
        porteur.organisation = _org(ctx, porteur_demo)
        porteur.save()
    referent = ctx.utilisateurs["referent.ars"]
    contrats = Contrat.objects.filter(nom__in=noms.values())
    if referent.region_ars_id is None:
        referent.region_ars_id = contrats.first().region_id
        referent.save()
    contrats.filter(referent_ars__isnull=True).update(referent_ars=referent)
