import io
import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from clsante.territoires.models import EPCI, Commune, Departement, Region
from tests.conftest import GEO_FINISTERE


def charger(source) -> str:
    out = io.StringIO()
    call_command("charger_geographie", source=source, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_finistere_is_loaded_with_real_codes_and_populations():
    morlaix = Commune.objects.get(insee="29151")
    assert morlaix.nom == "Morlaix"
    assert morlaix.departement.nom == "Finistère"
    assert morlaix.region.nom == "Bretagne"
    assert morlaix.epci.nom == "CA Morlaix Communauté"
    assert morlaix.population > 10000
    assert EPCI.objects.get(siren="242900835").communes.count() == 26


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    before = (Region.objects.count(), Departement.objects.count(), Commune.objects.count())
    output = charger(GEO_FINISTERE)
    assert "communes : 0 créé(s), 0 modifié(s)" in output
    assert (Region.objects.count(), Departement.objects.count(), Commune.objects.count()) == before


@pytest.mark.django_db
def test_malformed_file_names_file_and_line_and_writes_nothing(tmp_path):
    shutil.copytree(GEO_FINISTERE, tmp_path / "geo")
    communes = tmp_path / "geo" / "communes.json"
    lines = communes.read_text(encoding="utf-8").splitlines()
    lines[0:1] = [
        '[{"code":"29999","nom":"Nouvelle","type":"commune-actuelle","region":"53",'
        '"departement":"29","population":10},'
    ]
    bad = next(i for i, line in enumerate(lines) if i > 3 and '"population": ' in line)
    lines[bad] = lines[bad].replace('"population": ', '"population": "beaucoup", "x": ')
    communes.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        charger(tmp_path / "geo")
    assert f"communes.json, ligne {bad + 1}" in str(exc.value)
    assert "rien n'a été écrit" in str(exc.value)
    assert not Commune.objects.filter(insee="29999").exists()


@pytest.mark.django_db
def test_broken_json_is_reported_with_its_line(tmp_path):
    shutil.copytree(GEO_FINISTERE, tmp_path / "geo")
    epci = tmp_path / "geo" / "epci.json"
    epci.write_text('[\n{"code": "1",\n "nom": oops}\n]', encoding="utf-8")
    with pytest.raises(CommandError, match=r"epci\.json, ligne 3 : JSON invalide"):
        charger(tmp_path / "geo")


@pytest.mark.django_db
def test_missing_source_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="fichier introuvable"):
        charger(tmp_path)


@pytest.mark.django_db
def test_whole_country_loads_from_the_installed_package():
    """The real Code officiel géographique installed by `make install` (npm)."""
    source = settings.GEO_SOURCE_DIR
    assert (source / "communes.json").exists(), "lancez `make install` (npm) d'abord"
    charger(source)
    assert Commune.objects.count() > 34000
    assert EPCI.objects.count() > 1200
    assert Departement.objects.count() >= 101
    assert Commune.objects.get(insee="75056").population > 2_000_000
