"""The template and the export read well in a spreadsheet: widths, drop-down lists, date
cells, French labels, frozen header; the CSV opens with its accents in a French Excel."""

import datetime
import io
import zipfile
from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from clsante.imports.lecture import lire
from tests.imports.conftest import appliquer, classeur_xlsx, derniere_import, televerser

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
}
LISTES = {
    "Statut": ["Prévue", "En cours", "Réalisée", "Reportée", "Abandonnée"],
    "Priorité": ["Haute", "Moyenne", "Basse"],
    "Participation des habitants": [
        "Aucune", "Information", "Consultation", "Concertation", "Co-construction", "Co-décision",
    ],
    "Statut du financement 1": ["Sollicité", "Acquis", "Versé"],
}  # fmt: skip


def _modele(client, format_: str) -> bytes:
    return client.get(reverse("imports:modele", args=["programme", format_])).content


def _export(client, contrat, format_: str) -> bytes:
    return client.get(reverse("imports:export_programme", args=[contrat.pk, format_])).content


def _xlsx(contenu: bytes):
    return load_workbook(io.BytesIO(contenu))


def _titres(ws) -> dict[str, str]:
    """Column title → column letter."""
    return {c.value: c.column_letter for c in ws[1]}


def _xml(contenu: bytes, partie: str) -> ET.Element:
    return ET.fromstring(zipfile.ZipFile(io.BytesIO(contenu)).read(partie))


def _attr(ns: str, nom: str) -> str:
    return f"{{{NS[ns]}}}{nom}"


def _nomme(racine: ET.Element, ns: str, balise: str, nom: str) -> ET.Element:
    """The one ``ns:balise`` element whose style:name is ``nom``."""
    (element,) = [e for e in racine.iter(_attr(ns, balise)) if e.get(_attr("style", "name")) == nom]
    return element


# -- widths, wrapped help, frozen header ---------------------------------------------------


def test_template_columns_are_wide_enough_and_the_help_wraps(client_coordinatrice):
    wb = _xlsx(_modele(client_coordinatrice, "xlsx"))
    ws, aide = wb["Programme"], wb["Aide"]
    lettres = _titres(ws)
    largeurs = {t: ws.column_dimensions[lettre].width for t, lettre in lettres.items()}
    assert largeurs["Titre"] >= 40 and largeurs["Description"] >= 40
    assert largeurs["Axe (titre)"] >= 30
    assert largeurs["Axe (numéro)"] < largeurs["Titre"]
    assert all(10 <= w <= 60 for w in largeurs.values())
    assert ws["A1"].alignment.wrap_text and ws["A1"].font.bold
    assert aide.column_dimensions["B"].width >= 80
    assert aide["B2"].alignment.wrap_text
    assert ws.freeze_panes == "A2" and aide.freeze_panes == "A2"


def test_help_sheet_lists_the_drop_down_words_and_the_publics_labels(client_coordinatrice):
    aide = _xlsx(_modele(client_coordinatrice, "xlsx"))["Aide"]
    textes = {row[0]: row[1] for row in aide.iter_rows(min_row=2, values_only=True)}
    assert "Liste déroulante : Prévue, En cours, Réalisée" in textes["Statut"]
    assert "Personnes en situation de précarité" in textes["Publics (grille ISTS)"]


def test_ods_template_sets_column_widths_and_freezes_the_header(client_coordinatrice):
    contenu = _modele(client_coordinatrice, "ods")
    content = _xml(contenu, "content.xml")
    largeurs = {
        s.get(_attr("style", "name")): s.find("style:table-column-properties", NS).get(
            _attr("style", "column-width")
        )
        for s in content.iter(_attr("style", "style"))
        if s.get(_attr("style", "family")) == "table-column"
    }
    table = content.find(".//table:table[@table:name='Programme']", NS)
    colonnes = [
        c.get(_attr("table", "style-name")) for c in table.findall("table:table-column", NS)
    ]
    titre = float(largeurs[colonnes[3]].removesuffix("cm"))  # « Titre »
    numero = float(largeurs[colonnes[0]].removesuffix("cm"))  # « Axe (numéro) »
    assert titre >= 8 and numero < titre
    settings = _xml(contenu, "settings.xml")
    entree = settings.find(".//config:config-item-map-entry[@config:name='Programme']", NS)
    reglages = {i.get(_attr("config", "name")): i.text for i in entree}
    assert reglages["VerticalSplitMode"] == "2" and reglages["VerticalSplitPosition"] == "1"


# -- drop-down lists -----------------------------------------------------------------------


def test_xlsx_template_offers_drop_down_lists_of_accepted_words(client_coordinatrice):
    ws = _xlsx(_modele(client_coordinatrice, "xlsx"))["Programme"]
    lettres = _titres(ws)
    listes = {}
    for validation in ws.data_validations.dataValidation:
        mots = validation.formula1.strip('"').split(",")
        for plage in str(validation.sqref).split():
            listes[plage.split(":")[0].rstrip("0123456789")] = (mots, plage)
    for titre, mots in LISTES.items():
        attendus, plage = listes[lettres[titre]]
        assert attendus == mots
        assert plage.endswith("1000")  # the rows people fill, not just the example
    assert lettres["Statut du financement 3"] in listes


def test_every_drop_down_word_imports_without_error(client_coordinatrice, contrat_vierge):
    ws = _xlsx(_modele(client_coordinatrice, "xlsx"))["Programme"]
    titres = [c.value for c in ws[1]]
    exemple = [c.value for c in ws[2]]
    lignes = [titres]
    for k in range(max(len(m) for m in LISTES.values())):
        ligne = dict(zip(titres, exemple, strict=True))
        ligne.update({"Numéro de fiche": f"1.{k + 1}", "Titre": f"Action {k + 1}"})
        ligne.update({t: mots[k % len(mots)] for t, mots in LISTES.items()})
        lignes.append([ligne[t] for t in titres])
    televerser(client_coordinatrice, contrat_vierge, classeur_xlsx(lignes), "liste.xlsx")
    imp = derniere_import(contrat_vierge)
    assert imp.erreurs == []
    assert imp.rapport["totaux"]["creee"] == 6
    appliquer(client_coordinatrice, imp)
    fiches = contrat_vierge.fiches.order_by("numero")
    assert [f.participation for f in fiches] == [
        "aucune", "information", "consultation", "concertation", "co_construction", "co_decision",
    ]  # fmt: skip
    assert [f.statut for f in fiches][:5] == [
        "prevue", "en_cours", "realisee", "reportee", "abandonnee",
    ]  # fmt: skip


def test_ods_template_has_the_same_drop_down_lists(client_coordinatrice):
    content = _xml(_modele(client_coordinatrice, "ods"), "content.xml")
    conditions = {
        v.get(_attr("table", "name")): v.get(_attr("table", "condition"))
        for v in content.iter(_attr("table", "content-validation"))
    }
    table = content.find(".//table:table[@table:name='Programme']", NS)
    titres = [
        "".join(c.itertext())
        for c in table.find("table:table-row", NS).findall("table:table-cell", NS)
    ]
    ligne_exemple = table.findall("table:table-row", NS)[1].findall("table:table-cell", NS)
    for titre, mots in LISTES.items():
        nom = ligne_exemple[titres.index(titre)].get(_attr("table", "content-validation-name"))
        assert conditions[nom] == (
            "of:cell-content-is-in-list(" + ";".join(f'"{m}"' for m in mots) + ")"
        )


# -- dates and publics in the export -------------------------------------------------------


def test_xlsx_export_has_date_cells_shown_day_first_and_publics_by_label(
    client_coordinatrice, morlaix
):
    ws = _xlsx(_export(client_coordinatrice, morlaix, "xlsx"))["Programme"]
    lettres = _titres(ws)
    fiche = morlaix.fiches.get(numero="1.1")
    numeros = {ws[f"{lettres['Numéro de fiche']}{r}"].value: r for r in range(2, ws.max_row + 1)}
    ligne = numeros["1.1"]
    debut = ws[f"{lettres['Date de début']}{ligne}"]
    assert debut.value == datetime.datetime.combine(fiche.date_debut, datetime.time())
    assert debut.number_format == "DD/MM/YYYY"
    assert ws[f"{lettres['Publics (grille ISTS)']}{ligne}"].value == "Professionnels de santé"
    publics = [ws[f"{lettres['Publics (grille ISTS)']}{r}"].value for r in range(2, ws.max_row + 1)]
    assert "Salariés, demandeurs d'emploi; Habitants des territoires ruraux isolés" in publics
    assert not any("_" in (p or "") for p in publics)  # no grid codes for people


def test_ods_export_has_date_cells_with_a_day_month_year_style(client_coordinatrice, morlaix):
    content = _xml(_export(client_coordinatrice, morlaix, "ods"), "content.xml")
    dates = [
        c
        for c in content.iter(_attr("table", "table-cell"))
        if c.get(_attr("office", "value-type")) == "date"
    ]
    assert len(dates) >= 28
    fiche = morlaix.fiches.get(numero="1.1")
    assert fiche.date_debut.isoformat() in {c.get(_attr("office", "date-value")) for c in dates}
    style = dates[0].get(_attr("table", "style-name"))
    format_date = _nomme(content, "style", "style", style).get(_attr("style", "data-style-name"))
    definition = _nomme(content, "number", "date-style", format_date)
    parties = [e.tag.split("}")[1] if e.tag.startswith("{") else e.tag for e in definition]
    assert parties == ["day", "text", "month", "text", "year"]


def test_csv_export_is_the_machine_format_with_a_bom(client_coordinatrice, morlaix):
    contenu = _export(client_coordinatrice, morlaix, "csv")
    assert contenu.startswith(b"\xef\xbb\xbfaxe_numero,axe_titre,numero,titre,")
    texte = contenu.decode("utf-8-sig")
    fiche = morlaix.fiches.get(numero="1.1")
    assert fiche.date_debut.isoformat() in texte  # ISO dates, as the Table Schema says
    assert "professionnels_sante" in texte  # grid codes
    assert "Accès" in texte or "accès" in texte


def test_csv_export_reads_back_with_its_accents(client_coordinatrice, morlaix):
    contenu = _export(client_coordinatrice, morlaix, "csv")
    classeur = lire(io.BytesIO(contenu), "programme.csv", len(contenu))
    (lignes,) = classeur.feuilles.values()
    assert lignes[0][0] == "axe_numero"  # the BOM is not part of the first header


# -- reading labels back, error messages ---------------------------------------------------


def test_a_single_public_label_containing_a_comma_is_read_whole(
    client_coordinatrice, contrat_vierge
):
    lignes = [
        ["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre", "Publics (grille ISTS)"],
        [1, "Accès", "1.1", "Accueil", "Personnes migrantes, étrangères ou allophones"],
    ]
    televerser(client_coordinatrice, contrat_vierge, classeur_xlsx(lignes), "publics.xlsx")
    imp = derniere_import(contrat_vierge)
    assert imp.erreurs == []
    appliquer(client_coordinatrice, imp)
    assert contrat_vierge.fiches.get(numero="1.1").publics == ["migrants"]


def _erreurs_csv(client, contrat, entetes: list[str], ligne: list[str]) -> list[str]:
    contenu = "\n".join(",".join(r) for r in (entetes, ligne)).encode()
    televerser(client, contrat, contenu, "programme.csv")
    return derniere_import(contrat).erreurs


def test_error_on_a_machine_header_also_gives_the_french_title(client_coordinatrice, morlaix):
    erreurs = _erreurs_csv(
        client_coordinatrice,
        morlaix,
        ["axe_numero", "axe_titre", "numero", "titre", "date_debut", "statut_fin_1"],
        ["1", "Accès", "9.1", "Action", "le 3 mars", ""],
    )
    assert erreurs == [
        "Ligne 2, colonne « date_debut » (Date de début) : "
        "date illisible « le 3 mars » (attendu JJ/MM/AAAA)"
    ]


@pytest.mark.parametrize("date", ["31/02/2025", "2025-13-01", "29.02.2023"])
def test_a_well_formed_date_that_does_not_exist_is_called_inexistante(
    client_coordinatrice, morlaix, date
):
    erreurs = _erreurs_csv(
        client_coordinatrice,
        morlaix,
        ["Axe (numéro)", "Axe (titre)", "Numéro de fiche", "Titre", "Date de fin"],
        ["1", "Accès", "9.1", "Action", date],
    )
    assert erreurs == [
        f"Ligne 2, colonne « Date de fin » : date inexistante « {date} » "
        "(vérifiez le jour et le mois)"
    ]


# -- the upload field ----------------------------------------------------------------------


def test_upload_field_is_the_dsfr_upload_component_with_a_french_hint(
    client_coordinatrice, morlaix
):
    html = client_coordinatrice.get(reverse("imports:contrat", args=[morlaix.pk])).content.decode()
    assert html.count('class="fr-upload-group"') == 2
    assert 'class="fr-upload"' in html and 'accept=".xlsx,.ods,.csv"' in html
    assert "Formats acceptés : XLSX, ODS, CSV. Taille maximale : 10 Mo." in html
    assert 'id="id_programme_fichier"' in html and 'id="id_annuaire_fichier"' in html
    assert 'for="id_programme_fichier"' in html
