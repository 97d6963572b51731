"""The follow-up tab: the coordination and the fiche's porteur record progress, others read."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from clsante.programme.models import Avenant, Etape, FicheAction, Financement, Indicateur, Mesure
from tests.personas import client_de


def _suivi(fiche: FicheAction) -> str:
    return reverse("programme:fiche_suivi", args=[fiche.pk])


def _mesure(indicateur: Indicateur, **changes) -> dict:
    data = {
        "formulaire": "mesure",
        "mesure-indicateur": indicateur.pk,
        "mesure-date": datetime.date.today().isoformat(),
        "mesure-valeur": "42",
        "mesure-commentaire": "Bilan du trimestre",
    }
    data.update(changes)
    return data


@pytest.fixture
def fiche_du_porteur(morlaix) -> FicheAction:
    """Fiche 1.4, carried by porteur.demo's organisation, with indicators."""
    fiche = morlaix.fiches.get(numero="1.4")
    assert fiche.indicateurs.exists()
    return fiche


@pytest.fixture
def autre_fiche(morlaix) -> FicheAction:
    fiche = morlaix.fiches.exclude(porteur__utilisateurs__username="porteur.demo").filter(
        indicateurs__isnull=False
    )
    return fiche.first()


@pytest.mark.django_db
def test_porteur_records_an_indicator_value_on_his_fiche(fiche_du_porteur):
    client = client_de("porteur.demo")
    indicateur = fiche_du_porteur.indicateurs.first()
    response = client.post(_suivi(fiche_du_porteur), _mesure(indicateur), follow=True)
    assert response.status_code == 200
    assert escape(f"Valeur enregistrée pour « {indicateur.libelle} »") in response.text
    mesure = indicateur.mesures.get(commentaire="Bilan du trimestre")
    assert mesure.valeur == Decimal("42")
    assert mesure.saisie_par.username == "porteur.demo"
    assert mesure.history.first().history_user.username == "porteur.demo"


@pytest.mark.django_db
def test_porteur_cannot_record_on_another_fiche(autre_fiche):
    indicateur = autre_fiche.indicateurs.first()
    response = client_de("porteur.demo").post(_suivi(autre_fiche), _mesure(indicateur))
    assert response.status_code == 403
    assert "Seuls la coordination et le porteur" in response.text
    assert not indicateur.mesures.filter(commentaire="Bilan du trimestre").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", ["referent.ars", "elu.morlaix", "lecteur", "coordinatrice.poher"]
)
def test_people_who_only_read_cannot_post_follow_up(fiche_du_porteur, username):
    indicateur = fiche_du_porteur.indicateurs.first()
    response = client_de(username).post(_suivi(fiche_du_porteur), _mesure(indicateur))
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_forged_post_with_a_foreign_indicator_is_a_404(fiche_du_porteur, autre_fiche):
    etranger = autre_fiche.indicateurs.first()
    client = client_de("porteur.demo")
    response = client.post(_suivi(fiche_du_porteur), _mesure(etranger))
    assert response.status_code == 404
    assert not Mesure.objects.filter(commentaire="Bilan du trimestre").exists()
    bidon = client.post(_suivi(fiche_du_porteur), _mesure(etranger, **{"mesure-indicateur": "x"}))
    assert bidon.status_code == 404


@pytest.mark.django_db
def test_a_value_dated_in_the_future_is_refused_in_french(client_coordinatrice, fiche_du_porteur):
    demain = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    indicateur = fiche_du_porteur.indicateurs.first()
    response = client_coordinatrice.post(
        _suivi(fiche_du_porteur), _mesure(indicateur, **{"mesure-date": demain})
    )
    assert response.status_code == 200
    assert "Une mesure ne peut pas être datée dans le futur." in response.text
    assert "Bilan du trimestre" in response.text  # the input stays in the form
    assert not indicateur.mesures.filter(commentaire="Bilan du trimestre").exists()


@pytest.mark.django_db
def test_readers_see_the_follow_up_without_forms(fiche_du_porteur):
    response = client_de("lecteur").get(_suivi(fiche_du_porteur))
    assert response.status_code == 200
    assert "Lecture seule" in response.text
    assert "Enregistrer la valeur" not in response.text
    assert escape(fiche_du_porteur.indicateurs.first().libelle) in response.text


@pytest.mark.django_db
def test_indicator_table_says_whether_a_target_is_reached_or_late(
    client_coordinatrice, fiche_du_porteur
):
    passe = datetime.date.today() - datetime.timedelta(days=30)
    atteint = Indicateur.objects.create(
        fiche=fiche_du_porteur, libelle="Ateliers tenus", valeur_initiale=0, cible=10
    )
    Mesure.objects.create(indicateur=atteint, date=passe, valeur=12)
    retard = Indicateur.objects.create(
        fiche=fiche_du_porteur,
        libelle="Jeunes reçus",
        valeur_initiale=0,
        cible=100,
        date_cible=passe,
    )
    Mesure.objects.create(indicateur=retard, date=passe, valeur=40)
    response = client_coordinatrice.get(_suivi(fiche_du_porteur))
    assert "Cible atteinte" in response.text
    assert "En retard : échéance dépassée" in response.text
    assert '<progress max="100" value="40"' in response.text
    assert "40 %" in response.text


@pytest.mark.django_db
def test_a_milestone_is_marked_done_with_its_date(client_coordinatrice, fiche_du_porteur):
    etape = fiche_du_porteur.etapes.first()
    prefix = f"etape-{etape.pk}"
    url = _suivi(fiche_du_porteur)
    base = {"formulaire": "etape", "etape": etape.pk, f"{prefix}-statut": Etape.Statut.REALISEE}
    sans_date = client_coordinatrice.post(url, {**base, f"{prefix}-date_realisation": ""})
    assert "Indiquez la date à laquelle l&#x27;étape a été réalisée." in sans_date.text
    hier = datetime.date.today() - datetime.timedelta(days=1)
    ok = client_coordinatrice.post(url, {**base, f"{prefix}-date_realisation": hier.isoformat()})
    assert ok.status_code == 302
    etape.refresh_from_db()
    assert etape.statut == Etape.Statut.REALISEE
    assert etape.date_realisation == hier


@pytest.mark.django_db
def test_a_milestone_of_another_fiche_is_a_404(client_coordinatrice, fiche_du_porteur, morlaix):
    etrangere = Etape.objects.filter(fiche__contrat=morlaix).exclude(fiche=fiche_du_porteur).first()
    response = client_coordinatrice.post(
        _suivi(fiche_du_porteur),
        {"formulaire": "etape", "etape": etrangere.pk, f"etape-{etrangere.pk}-statut": "realisee"},
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_dated_note_is_added_with_its_author(fiche_du_porteur):
    client = client_de("porteur.demo")
    vide = client.post(
        _suivi(fiche_du_porteur),
        {"formulaire": "note", "note-date": "2025-03-01", "note-texte": ""},
    )
    assert "Écrivez la note avant de l&#x27;enregistrer." in vide.text
    client.post(
        _suivi(fiche_du_porteur),
        {"formulaire": "note", "note-date": "2025-03-01", "note-texte": "Salle trouvée."},
    )
    note = fiche_du_porteur.notes.get(texte="Salle trouvée.")
    assert note.auteur.username == "porteur.demo"
    assert note.date == datetime.date(2025, 3, 1)


@pytest.mark.django_db
def test_financing_is_added_and_a_negative_amount_refused(client_coordinatrice, fiche_du_porteur):
    financeur = fiche_du_porteur.contrat.porteuse
    data = {
        "formulaire": "financement",
        "financement": "nouveau",
        "financement-nouveau-financeur": financeur.pk,
        "financement-nouveau-montant": "-5",
        "financement-nouveau-annee": "2025",
        "financement-nouveau-statut": Financement.Statut.SOLLICITE,
    }
    url = _suivi(fiche_du_porteur)
    refuse = client_coordinatrice.post(url, data)
    assert "Un montant ne peut pas être négatif." in refuse.text
    client_coordinatrice.post(url, {**data, "financement-nouveau-montant": "1500"})
    ligne = fiche_du_porteur.financements.get(montant=1500)
    assert ligne.history.first().history_user.username == "coordinatrice.morlaix"


@pytest.mark.django_db
def test_a_stale_financing_update_is_refused(client_coordinatrice, fiche_du_porteur):
    ligne = fiche_du_porteur.financements.first()
    prefix = f"financement-{ligne.pk}"
    data = {
        "formulaire": "financement",
        "financement": ligne.pk,
        f"{prefix}-financeur": ligne.financeur_id,
        f"{prefix}-montant": "100",
        f"{prefix}-annee": ligne.annee,
        f"{prefix}-statut": Financement.Statut.ACQUIS,
        f"{prefix}-version_lue": ligne.version,
    }
    url = _suivi(fiche_du_porteur)
    assert client_coordinatrice.post(url, data).status_code == 302
    tard = client_coordinatrice.post(url, {**data, f"{prefix}-montant": "999"})
    assert tard.status_code == 409
    assert "Cette ligne de financement a été modifiée" in tard.text
    ligne.refresh_from_db()
    assert ligne.montant == Decimal("100")


@pytest.mark.django_db
def test_abandoning_from_the_follow_up_records_an_amendment(fiche_du_porteur):
    client = client_de("porteur.demo")
    data = {
        "formulaire": "statut",
        "statut": FicheAction.Statut.ABANDONNEE,
        "version_lue": fiche_du_porteur.version,
    }
    sans_motif = client.post(_suivi(fiche_du_porteur), data)
    assert "Indiquez le motif de l&#x27;avenant" in sans_motif.text
    client.post(_suivi(fiche_du_porteur), {**data, "motif": "Plus de bénévoles."})
    fiche_du_porteur.refresh_from_db()
    assert fiche_du_porteur.statut == FicheAction.Statut.ABANDONNEE
    avenant = fiche_du_porteur.avenants.get(type=Avenant.Type.ABANDON)
    assert avenant.motif == "Plus de bénévoles."


@pytest.mark.django_db
def test_a_status_change_is_saved_and_an_unknown_form_is_a_404(
    client_coordinatrice, fiche_du_porteur
):
    url = _suivi(fiche_du_porteur)
    data = {
        "formulaire": "statut",
        "statut": FicheAction.Statut.REPORTEE,
        "version_lue": fiche_du_porteur.version,
    }
    assert client_coordinatrice.post(url, data).status_code == 302
    fiche_du_porteur.refresh_from_db()
    assert fiche_du_porteur.statut == FicheAction.Statut.REPORTEE
    assert client_coordinatrice.post(url, {"formulaire": "pirate"}).status_code == 404
