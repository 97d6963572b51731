import pytest
from django.core.management import CommandError, call_command

from clsante.territoires.models import Commune


@pytest.mark.django_db
def test_attributes_csv_sets_rurality_and_priority_neighbourhoods(tmp_path):
    csv = tmp_path / "attributs.csv"
    csv.write_text(
        "code_insee;grille_densite;population_qpv;indice_defavorisation\n"
        "29151;2;3500;0,8\n29191;6;;\n",
        encoding="utf-8",
    )
    call_command("importer_attributs_communes", csv)
    morlaix = Commune.objects.get(insee="29151")
    assert morlaix.grille_densite == 2 and morlaix.a_quartier_prioritaire
    assert morlaix.indice_defavorisation == pytest.approx(0.8)
    assert Commune.objects.get(insee="29191").est_rurale is True


@pytest.mark.django_db
def test_bad_attribute_row_is_refused_whole(tmp_path):
    csv = tmp_path / "attributs.csv"
    csv.write_text("code_insee,grille_densite\n29151,2\n29191,9\n", encoding="utf-8")
    with pytest.raises(CommandError, match="ligne 3"):
        call_command("importer_attributs_communes", csv)
    assert Commune.objects.get(insee="29151").grille_densite is None
