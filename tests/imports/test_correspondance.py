"""Mapping the columns of other layouts: suggestions, the Territoires en Transitions plan
layout, and the mapping remembered for the next import."""

import datetime

from django.urls import reverse

from clsante.imports.correspondance import suggerer
from clsante.imports.models import Correspondance, Import
from tests.imports.conftest import appliquer, classeur_xlsx, derniere_import, televerser

# The header row of the plan-import template of Territoires en Transitions
# (apps/app/public/modele-import-pa.xlsx, sheet « Fichier d'import », row 2), as published.
ENTETES_TET = [
    "Axe (x)", "Sous-axe (x.x)", "Sous-sous axe (x.x.x)", "Titre de la fiche action",
    "Titre de la sous-action", "Descriptif", "Instances de gouvernance", "Objectifs",
    "Indicateurs liés", "Structure pilote", "Moyens humains et techniques", "Partenaires ",
    "Direction ou service pilote", "Personne pilote", "Élu·e référent·e ",
    "Participation Citoyenne", "Financements", "Financeur 1", "Montant € HT", "Financeur 2",
    "Montant € HT", "Financeur 3", "Montant € HT", "Budget prévisionnel total € HT", "Statut ",
    "Niveau de priorité", "Date de début", "Date de fin", "Action en amélioration continue",
    "Mesures liées", "Actions liées", "Notes", "Documents et liens",
]  # fmt: skip


def _ligne_tet(**valeurs) -> list:
    ligne = [""] * len(ENTETES_TET)
    positions = {"axe": 0, "sous_axe": 1, "sous_sous_axe": 2, "titre": 3, "descriptif": 5,
                 "objectifs": 7, "indicateurs": 8, "pilote": 9, "partenaires": 11,
                 "participation": 15, "financeur1": 17, "montant1": 18, "financeur2": 19,
                 "montant2": 20, "budget": 23, "statut": 24, "priorite": 25, "debut": 26,
                 "fin": 27}  # fmt: skip
    for cle, valeur in valeurs.items():
        ligne[positions[cle]] = valeur
    return ligne


def fichier_tet() -> bytes:
    """A CLS programme written in the TeT layout: a title row, the headers in row 2, a row of
    field types and a row of instructions, then one row per fiche."""
    lignes = [
        ["Présentation de l'action"],
        ENTETES_TET,
        ["Champ texte"] * 4 + ["Champ texte non importé"] + ["Champ texte"] * 3,
        ["Si vos axes sont numérotés, indiquez d'abord le numéro",
         "Si vos sous-axes sont numérotés, indiquez d'abord le numéro"],
        _ligne_tet(
            axe="1. Favoriser l'accès aux soins de proximité",
            sous_axe="1.1. Renforcer l'offre de premier recours",
            titre="Bus santé dans les communes rurales",
            descriptif="Un bus équipé fait étape chaque semaine dans six communes.",
            objectifs="Réduire le renoncement aux soins lié à la distance.",
            indicateurs="Nombre de consultations dans le bus\nNombre de communes desservies",
            pilote="Centre de santé itinérant du Trégor",
            partenaires="CPAM du Finistère, Mutualité sociale agricole",
            participation="Consultation",
            financeur1="ARS Bretagne", montant1=30000, financeur2="Conseil départemental",
            montant2=10000, budget=40000, statut="En cours", priorite="Élevé",
            debut=datetime.datetime(2025, 3, 1), fin=datetime.datetime(2027, 12, 31),
        ),
        _ligne_tet(
            axe="1. Favoriser l'accès aux soins de proximité",
            sous_axe="1.1. Renforcer l'offre de premier recours",
            sous_sous_axe="1.1.1. Accueillir les internes",
            titre="Logement des internes en stage",
            pilote="Communauté de communes (essai)",
            statut="À venir", priorite="Moyen",
        ),
        _ligne_tet(
            axe="2. Agir sur les déterminants de santé",
            titre="Ateliers cuisine à petit budget",
            pilote="Centre social du quartier, Épicerie solidaire",
            statut="En pause", priorite="Bas", participation="Co-construction",
        ),
    ]  # fmt: skip
    return classeur_xlsx(lignes, titre="Fichier d'import")


def test_custom_layout_gets_suggestions_from_its_headers():
    entetes = ["N°", "Intitulé de l'action", "Axe stratégique", "Porteur de l'action",
               "Partenaires associés", "Date de démarrage", "Échéance", "Etat d'avancement",
               "Priorité", "Financeur 1", "Montant 1", "Commentaire libre"]  # fmt: skip
    assert suggerer("programme", entetes) == [
        "numero", "titre", "axe", "porteur", "partenaires", "date_debut", "date_fin", "statut",
        "priorite", "financeur:1", "montant:1", "",
    ]  # fmt: skip


def test_tet_layout_suggestions_pair_each_amount_with_its_funder():
    suggestions = dict(
        zip(range(len(ENTETES_TET)), suggerer("programme", ENTETES_TET), strict=True)
    )
    assert [suggestions[i] for i in (0, 1, 2, 3, 5, 7, 9, 11)] == [
        "axe", "sous_axe", "sous_sous_axe", "titre", "description", "objectifs_texte",
        "porteur", "partenaires",
    ]  # fmt: skip
    assert [suggestions[i] for i in range(17, 24)] == [
        "financeur:1",
        "montant:1",
        "financeur:2",
        "montant:2",
        "financeur:3",
        "montant:3",
        "",
    ]
    assert [suggestions[i] for i in (24, 25, 26, 27)] == [
        "statut",
        "priorite",
        "date_debut",
        "date_fin",
    ]
    assert suggestions[4] == "" and suggestions[13] == ""  # sub-action, person: ignored


def test_tet_plan_imports_with_the_suggested_mapping_as_is(client_coordinatrice, contrat_vierge):
    page = televerser(client_coordinatrice, contrat_vierge, fichier_tet(), "plan-tet.xlsx")
    imp = derniere_import(contrat_vierge)
    assert imp.statut == Import.Statut.A_CORRESPONDRE
    html = page.content.decode()
    assert "Faire correspondre les colonnes" in html
    assert imp.correspondance["ligne_entetes"] == 2
    assert imp.correspondance["premiere_ligne"] == 5  # type and instruction rows skipped
    form = {"premiere_ligne": 5}
    form |= {f"col_{i}": c for i, c in enumerate(imp.correspondance["colonnes"])}
    page = client_coordinatrice.post(
        reverse("imports:correspondre", args=[imp.pk]), form, follow=True
    )
    imp.refresh_from_db()
    assert imp.erreurs == []
    assert imp.rapport["totaux"]["creee"] == 3
    appliquer(client_coordinatrice, imp)
    fiches = {f.numero: f for f in contrat_vierge.fiches.all()}
    assert set(fiches) == {"1.1", "1.2", "2.1"}
    bus = fiches["1.1"]
    assert bus.titre == "Bus santé dans les communes rurales"
    assert bus.axe.titre == "Favoriser l'accès aux soins de proximité"
    assert (
        bus.statut == "en_cours" and bus.priorite == "haute" and bus.participation == "consultation"
    )
    assert bus.date_debut == datetime.date(2025, 3, 1)
    assert {p.nom for p in bus.partenaires.all()} == {
        "CPAM du Finistère",
        "Mutualité sociale agricole",
    }
    assert sorted((f.financeur.nom, int(f.montant)) for f in bus.financements.all()) == [
        ("ARS Bretagne", 30000), ("Conseil départemental", 10000)]  # fmt: skip
    assert [i.libelle for i in bus.indicateurs.all()][0] == "Nombre de consultations dans le bus"
    assert [o.code for o in bus.objectifs.all()] == ["1.1"]
    logement = fiches["1.2"]
    assert [(o.code, o.niveau, o.parent.code) for o in logement.objectifs.all()] == [
        ("1.1.1", "specifique", "1.1")]  # fmt: skip
    ateliers = fiches["2.1"]
    assert ateliers.statut == "reportee" and ateliers.priorite == "basse"
    assert ateliers.porteur.nom == "Centre social du quartier"
    assert [p.nom for p in ateliers.partenaires.all()] == ["Épicerie solidaire"]


def test_mapping_is_remembered_for_the_next_file_of_the_same_layout(
    client_coordinatrice, contrat_vierge
):
    televerser(client_coordinatrice, contrat_vierge, fichier_tet(), "plan-tet.xlsx")
    imp = derniere_import(contrat_vierge)
    form = {
        "premiere_ligne": 5,
        **{f"col_{i}": c for i, c in enumerate(imp.correspondance["colonnes"])},
    }
    form["col_6"] = "contexte"  # « Instances de gouvernance », chosen by hand
    client_coordinatrice.post(reverse("imports:correspondre", args=[imp.pk]), form)
    assert Correspondance.objects.filter(contrat=contrat_vierge).count() == 1
    page = televerser(client_coordinatrice, contrat_vierge, fichier_tet(), "plan-tet-v2.xlsx")
    suivant = derniere_import(contrat_vierge)
    assert suivant.pk != imp.pk
    assert suivant.statut == Import.Statut.A_VALIDER
    assert suivant.correspondance["colonnes"][6] == "contexte"
    assert (
        "correspondance des colonnes de votre import précédent a été reprise"
        in page.content.decode()
    )


def test_mapping_form_requires_a_title_column(client_coordinatrice, contrat_vierge):
    televerser(client_coordinatrice, contrat_vierge, fichier_tet(), "plan-tet.xlsx")
    imp = derniere_import(contrat_vierge)
    form = {
        "premiere_ligne": 5,
        **{f"col_{i}": c for i, c in enumerate(imp.correspondance["colonnes"])},
    }
    form["col_3"] = ""
    response = client_coordinatrice.post(reverse("imports:correspondre", args=[imp.pk]), form)
    assert response.status_code == 400
    assert "Associez une colonne au champ « Titre »" in response.content.decode()
