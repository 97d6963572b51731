"""The CLSanté fields a spreadsheet column can be matched to, for each kind of import.

A field has a stable key (stored in remembered mappings), the column title of the CLSanté
template, a help text (the template's « Aide » sheet and docs/import-programme.md) and the
synonyms by which other layouts name it (normalised, see ``normaliser``). Funding columns
come in numbered groups: ``financeur:1``, ``montant:1``, ``annee:1``, ``statut_fin:1``…
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FINANCEMENTS_MAX = 6


@dataclass(frozen=True)
class Champ:
    cle: str
    titre: str
    aide: str
    synonymes: tuple[str, ...] = ()


def normaliser(texte: object) -> str:
    """Lowercase, accents stripped, punctuation turned into single spaces."""
    texte = unicodedata.normalize("NFKD", str(texte or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", texte.lower()).strip()


STATUTS = "prévue, en cours, réalisée, reportée, abandonnée (et leurs variantes, voir la doc)"

PROGRAMME = [
    Champ("axe_numero", "Axe (numéro)", "Numéro de l'axe stratégique : 1, 2, 3…", ("numero axe",)),
    Champ("axe_titre", "Axe (titre)", "Titre de l'axe stratégique.", ("titre axe", "intitule axe")),
    Champ(
        "axe",
        "Axe (numéro et titre)",
        "Numéro et titre dans une même cellule : « 1. Accès aux soins ».",
        ("axe", "axe x", "axe strategique", "axes"),
    ),
    Champ(
        "sous_axe",
        "Sous-axe",
        "Deuxième niveau : devient un objectif général de l'axe (« 1.1. Titre »).",
        ("sous axe", "sous axe x x", "objectif strategique", "objectif general"),
    ),
    Champ(
        "sous_sous_axe",
        "Sous-sous-axe",
        "Troisième niveau : devient un objectif spécifique, rattaché au sous-axe.",
        ("sous sous axe", "sous sous axe x x x", "objectif specifique", "objectif operationnel"),
    ),
    Champ(
        "objectifs",
        "Objectifs du contrat",
        "Objectifs du contrat auxquels la fiche répond, un par ligne : « OS1.1 — intitulé ».",
        ("objectifs du contrat", "objectifs lies"),
    ),
    Champ(
        "numero",
        "Numéro de fiche",
        "Numéro unique dans le contrat : 1.1, 2.3…",
        ("n", "num", "numero", "numero fiche", "numero action", "n fiche", "ref", "reference"),
    ),
    Champ(
        "titre",
        "Titre",
        "Titre de la fiche action (obligatoire).",
        (
            "titre",
            "titre fiche",
            "titre de la fiche action",
            "titre de l action",
            "intitule",
            "intitule action",
            "action",
            "nom action",
            "fiche action",
        ),
    ),
    Champ(
        "contexte",
        "Contexte",
        "Contexte et constats.",
        ("contexte", "constat", "constats", "enjeux"),
    ),
    Champ(
        "objectifs_texte",
        "Objectifs de l'action",
        "Objectifs de l'action, en texte libre.",
        ("objectifs", "objectif", "objectifs de l action", "objectifs action"),
    ),
    Champ(
        "description",
        "Description",
        "Description de l'action.",
        ("description", "descriptif", "contenu", "description action"),
    ),
    Champ(
        "modalites",
        "Modalités",
        "Modalités de mise en œuvre, moyens.",
        (
            "modalites",
            "modalites de mise en oeuvre",
            "moyens",
            "moyens humains et techniques",
            "mise en oeuvre",
        ),
    ),
    Champ(
        "publics",
        "Publics (grille ISTS)",
        "Codes ou libellés des publics de la grille ISTS, séparés par « ; ».",
        ("publics", "public", "public cible", "publics cibles", "cibles", "population cible"),
    ),
    Champ(
        "publics_texte",
        "Publics (précisions)",
        "Précisions sur les publics, en texte libre.",
        ("precisions publics", "publics precisions"),
    ),
    Champ(
        "communes",
        "Communes",
        "Noms ou codes Insee des communes, séparés par « ; » ; vide : tout le territoire.",
        ("communes", "commune", "territoire", "lieux", "localisation"),
    ),
    Champ(
        "porteur",
        "Porteur",
        "Organisation qui porte l'action (créée si elle n'existe pas). Si la cellule en "
        "nomme plusieurs, la première porte, les autres deviennent partenaires.",
        (
            "porteur",
            "porteur action",
            "pilote",
            "structure pilote",
            "structure porteuse",
            "porteur de l action",
            "maitre d ouvrage",
        ),
    ),
    Champ(
        "partenaires",
        "Partenaires",
        "Organisations partenaires, séparées par « ; » (ou par des virgules).",
        ("partenaires", "partenaire", "partenaires associes", "acteurs associes"),
    ),
    Champ(
        "date_debut",
        "Date de début",
        "JJ/MM/AAAA, AAAA-MM-JJ ou une cellule date.",
        ("date debut", "date de debut", "debut", "date de demarrage"),
    ),
    Champ(
        "date_fin",
        "Date de fin",
        "JJ/MM/AAAA, AAAA-MM-JJ ou une cellule date.",
        ("date fin", "date de fin", "fin", "echeance"),
    ),
    Champ("statut", "Statut", STATUTS, ("statut", "etat", "etat d avancement", "avancement")),
    Champ(
        "priorite",
        "Priorité",
        "haute, moyenne ou basse (élevée, forte, faible… acceptés).",
        ("priorite", "niveau de priorite"),
    ),
    Champ(
        "participation",
        "Participation des habitants",
        "aucune, information, consultation, concertation, co-construction, co-décision.",
        ("participation", "participation citoyenne", "participation des habitants"),
    ),
    Champ(
        "objectif_prs",
        "Objectif du PRS",
        "Objectif du Projet régional de santé.",
        ("objectif prs", "objectif du prs", "prs"),
    ),
    Champ(
        "indicateurs",
        "Indicateurs",
        "Libellés des indicateurs, un par ligne (ajoutés s'ils n'existent pas).",
        ("indicateurs", "indicateurs lies", "indicateur", "indicateurs de suivi"),
    ),
]
for _n in range(1, FINANCEMENTS_MAX + 1):
    PROGRAMME += [
        Champ(
            f"financeur:{_n}", f"Financeur {_n}", "Organisation qui finance.", (f"financeur {_n}",)
        ),
        Champ(
            f"montant:{_n}",
            f"Montant {_n}",
            "Montant en euros (12500 ou 12 500,50).",
            (f"montant {_n}",),
        ),
        Champ(
            f"annee:{_n}",
            f"Année {_n}",
            "Année du financement ; vide : année de début de la fiche.",
            (f"annee {_n}",),
        ),
        Champ(
            f"statut_fin:{_n}",
            f"Statut du financement {_n}",
            "sollicité, acquis ou versé.",
            (f"statut du financement {_n}", f"statut financement {_n}"),
        ),
    ]

ANNUAIRE = [
    Champ(
        "organisation",
        "Organisation",
        "Nom de l'organisation (obligatoire).",
        (
            "organisation",
            "structure",
            "nom de l organisation",
            "nom organisation",
            "raison sociale",
            "organisme",
            "nom structure",
        ),
    ),
    Champ(
        "type",
        "Type d'organisation",
        "Association, collectivité, établissement de santé… (vide : autre).",
        ("type", "type d organisation", "type de structure", "categorie"),
    ),
    Champ(
        "secteur",
        "Secteur",
        "Santé, social, éducation… (vide : autre).",
        ("secteur", "secteur d activite", "domaine"),
    ),
    Champ("siret", "SIRET", "14 chiffres.", ("siret", "n siret", "numero siret")),
    Champ(
        "commune",
        "Commune",
        "Nom ou code Insee de la commune du siège.",
        ("commune", "ville", "localite", "code insee"),
    ),
    Champ("prenom", "Prénom", "Prénom du contact.", ("prenom", "prenom du contact")),
    Champ("nom", "Nom", "Nom du contact.", ("nom", "nom du contact", "nom de famille")),
    Champ("fonction", "Fonction", "Fonction du contact.", ("fonction", "poste", "role")),
    Champ(
        "email",
        "Courriel",
        "Adresse électronique du contact.",
        ("courriel", "email", "e mail", "mail", "adresse electronique", "adresse mail"),
    ),
    Champ(
        "telephone",
        "Téléphone",
        "Téléphone du contact.",
        ("telephone", "tel", "portable", "numero de telephone"),
    ),
]

CHAMPS = {"programme": PROGRAMME, "annuaire": ANNUAIRE}
OBLIGATOIRES = {
    "programme": (("titre",), ("axe", "axe_numero", "axe_titre")),
    "annuaire": (("organisation",),),
}


def nom_machine(cle: str) -> str:
    """The CSV export's column name of a field (« objectifs » alone means the fiche's text)."""
    return {"objectifs": "objectifs_contrat"}.get(cle, cle.replace(":", "_"))


def champs(type_: str) -> dict[str, Champ]:
    return {c.cle: c for c in CHAMPS[type_]}


def titre_de(type_: str, cle: str) -> str:
    return champs(type_)[cle].titre


def designation_colonne(type_: str, cle: str, entete: str | None) -> str:
    """How an error names a column: by the file's header, with the French title when the
    header is a CLSanté machine name (« colonne « date_debut » (Date de début) »)."""
    titre = titre_de(type_, cle)
    if not entete:
        return f"colonne « {titre} »"
    norme = normaliser(entete)
    if norme == normaliser(nom_machine(cle)) and norme != normaliser(titre):
        return f"colonne « {entete} » ({titre})"
    return f"colonne « {entete} »"
