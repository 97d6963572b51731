import csv
import io

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from clsante.comptes.models import Utilisateur
from clsante.core.tableaux import neutraliser
from clsante.territoires.models import Commune


def client_de(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


def ligne(page: str, libelle: str) -> str:
    start = page.index(libelle)
    return page[start : page.index("</tr>", start)]


@pytest.mark.django_db
def test_ars_referent_sees_the_inventory_of_his_region_by_department():
    page = (
        client_de("referent.ars")
        .get(reverse("observatoire:inventaire"), {"debut": 2015, "fin": 2026})
        .text
    )
    assert "Bretagne" in page
    finistere = ligne(page, "Finistère (29)")
    # Morlaix 2016 (1st generation, now échu) and 2023 (2nd generation), Poher in preparation
    cells = [c.split("<")[0] for c in finistere.split("<td>")[1:]]
    assert cells == ["2", "1", "1", "1", "1"]


@pytest.mark.django_db
def test_a_reader_without_role_does_not_count_a_draft_contract():
    page = (
        client_de("lecteur")
        .get(reverse("observatoire:inventaire"), {"region": "53", "debut": 2015, "fin": 2026})
        .text
    )
    cells = [c.split("<")[0] for c in ligne(page, "Finistère (29)").split("<td>")[1:]]
    assert cells[-1] == "0"  # Poher's draft stays invisible


@pytest.mark.django_db
def test_signature_period_filter_changes_the_count():
    page = (
        client_de("referent.ars")
        .get(reverse("observatoire:inventaire"), {"debut": 2020, "fin": 2026, "generation": 2})
        .text
    )
    cells = [c.split("<")[0] for c in ligne(page, "Finistère (29)").split("<td>")[1:]]
    assert cells[0] == "1"


@pytest.mark.django_db
def test_coverage_of_finistere_is_the_population_of_morlaix_communaute(morlaix):
    response = client_de("referent.ars").get(
        reverse("observatoire:couverture"), {"departement": "29", "format": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    (finistere,) = rows
    covered = morlaix.communes.aggregate(p=Sum("population"))["p"]
    total = Commune.objects.filter(departement__code="29").aggregate(p=Sum("population"))["p"]
    assert int(finistere["population_couverte"]) == covered
    assert float(finistere["part_population_couverte"]) == pytest.approx(covered / total, abs=1e-4)
    assert int(finistere["communes_couvertes"]) == 26


@pytest.mark.django_db
def test_rural_share_appears_once_density_grid_is_loaded(morlaix):
    Commune.objects.filter(departement__code="29").update(grille_densite=6)
    page = client_de("referent.ars").get(reverse("observatoire:couverture"), {"region": "53"})
    assert "Part de la population rurale couverte" in page.text


@pytest.mark.django_db
def test_uncovered_intercommunalities_are_listed(morlaix):
    page = client_de("referent.ars").get(reverse("observatoire:couverture"), {"region": "53"}).text
    uncovered = page[page.index("Territoires non couverts") :]
    assert "CC Poher Communauté" in uncovered
    assert "CA Morlaix Communauté" not in uncovered


@pytest.mark.django_db
def test_the_map_is_drawn_offline_with_a_table_alternative():
    page = client_de("elu.morlaix").get(reverse("observatoire:couverture")).text
    assert "<svg" in page and "Finistère (29)" in page
    assert "le tableau ci-dessous donne les mêmes chiffres" in page
    assert "<caption>Population et communes couvertes" in page


@pytest.mark.django_db
def test_xlsx_export_opens_with_french_headers():
    response = client_de("referent.ars").get(
        reverse("observatoire:inventaire"), {"region": "53", "format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B1"].value == "Territoire"
    assert "Finistère" in [c.value for c in sheet["B"]]


@pytest.mark.django_db
def test_csv_columns_match_the_published_table_schema():
    client = client_de("referent.ars")
    schema = client.get(reverse("observatoire:schema", args=["couverture-cls"])).json()
    response = client.get(reverse("observatoire:couverture"), {"format": "csv"})
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert set(header) <= {f["name"] for f in schema["fields"]}
    assert client.get(reverse("observatoire:schema", args=["inconnu"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"departement": "zz"},
        {"date": "pas-une-date"},
        {"debut": "abc"},
        {"region": "x" * 500},
        {"generation": "99"},
        {"statut": "<script>"},
    ],
)
def test_odd_filters_give_a_clean_page(params):
    response = client_de("referent.ars").get(reverse("observatoire:couverture"), params)
    assert response.status_code == 200


def test_formula_cells_are_neutralised():
    assert neutraliser('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutraliser("@SUM(A1)") == "'@SUM(A1)"
    assert neutraliser("Morlaix") == "Morlaix"
    assert neutraliser(-3) == -3


@pytest.mark.django_db
def test_profiles_show_one_column_per_contract_with_its_nature(morlaix):
    Commune.objects.filter(insee="29151").update(population_qpv=3000)
    Commune.objects.filter(epci__siren="242900835").update(grille_densite=6)
    Commune.objects.filter(insee="29151").update(grille_densite=2)
    response = client_de("referent.ars").get(
        reverse("observatoire:profils"), {"region": "53", "format": "csv"}
    )
    rows = {
        r["contrat"]: r for r in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    }
    profil = rows[morlaix.nom]
    assert profil["annee_signature"] == "2023"
    assert profil["generation"] == "2"
    assert profil["tranche_population"] == "30 000 à 100 000 habitants"
    assert profil["nature_territoire"] in (
        "Rurale, avec quartiers prioritaires",
        "Semi-rurale, avec quartiers prioritaires",
    )
    page = client_de("referent.ars").get(reverse("observatoire:profils"), {"region": "53"})
    assert f'<th scope="col">{morlaix.nom}</th>' in page.text


@pytest.mark.django_db
def test_analyses_compare_a_contract_with_its_region(morlaix):
    client = client_de("referent.ars")
    page = client.get(reverse("observatoire:analyses"), {"region": "53", "contrat": morlaix.pk})
    assert page.status_code == 200
    assert "Secteurs des partenaires" in page.text
    assert "Financements par type de financeur" in page.text
    assert f"{morlaix.nom} comparé à Bretagne" in page.text
    export = client.get(
        reverse("observatoire:analyses"), {"region": "53", "contrat": morlaix.pk, "format": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows and {"axe", "libelle", "part_contrat", "part_territoire"} <= set(rows[0])


@pytest.mark.django_db
def test_analyses_ignore_a_contract_the_reader_may_not_see(poher):
    page = client_de("lecteur").get(reverse("observatoire:analyses"), {"contrat": poher.pk})
    assert page.status_code == 200
    assert poher.nom not in page.text


def _non_couverts(page: str) -> str:
    debut = page.index("Territoires non couverts")
    return page[debut : page.index("</table>", debut)]


@pytest.mark.django_db
def test_uncovered_territories_say_how_they_are_ranked_and_tell_no_command(morlaix):
    page = client_de("referent.ars").get(reverse("observatoire:couverture"), {"region": "53"})
    liste = _non_couverts(page.text)
    assert "les plus peuplés d'abord" in liste
    assert "clsante " not in page.text  # an ARS referent runs no command


@pytest.mark.django_db
def test_uncovered_territories_come_neediest_first_once_the_index_is_loaded(morlaix):
    Commune.objects.filter(departement__code="29").update(indice_defavorisation=0.1)
    Commune.objects.filter(epci__nom="CC Poher Communauté").update(indice_defavorisation=2.5)
    page = client_de("referent.ars").get(reverse("observatoire:couverture"), {"region": "53"})
    liste = _non_couverts(page.text)
    assert "les plus défavorisés d'abord" in liste
    premiere = liste[liste.index("<tbody>") :]
    assert premiere.index("CC Poher Communauté") < premiere.index("</tr>")


@pytest.mark.django_db
def test_a_territory_without_intercommunalities_still_says_which_communes_are_uncovered(morlaix):
    Commune.objects.update(epci=None)  # as in Saint-Pierre-et-Miquelon
    page = client_de("referent.ars").get(reverse("observatoire:couverture"), {"region": "53"})
    total = Commune.objects.filter(departement__region__code="53").count()
    couvertes = morlaix.communes.count()
    texte = page.text.replace("\u202f", " ")
    assert "Toutes les intercommunalités du périmètre" not in texte
    assert (
        f"mais {total - couvertes:,} communes sur {total:,} ne sont couvertes".replace(",", " ")
        in texte
    )


@pytest.mark.django_db
def test_a_long_list_of_uncovered_territories_says_it_shows_the_first_ones(morlaix, monkeypatch):
    from clsante.observatoire import views

    monkeypatch.setattr(views, "NON_COUVERTS_MONTRES", 1)
    page = client_de("referent.ars").get(
        reverse("observatoire:couverture"),
        {"region": "53", "date": "2001-01-01"},  # before any contract
    )
    liste = _non_couverts(page.text)
    assert liste.count('<th scope="row">') == 1
    assert "le premier sur 2</caption>" in liste  # the test geography's two EPCI
