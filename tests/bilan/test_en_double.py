"""Two submissions at once (a double click, two people): one record, no error page."""

import datetime

import pytest
from django.utils import timezone

from clsante.bilan import services
from clsante.bilan.forms import CampagneForm
from clsante.bilan.forms_reponse import Questionnaire
from clsante.bilan.models import CampagneBilan, ReponseBilan
from clsante.bilan.reponses import enregistrer_reponse
from clsante.comptes.models import Utilisateur
from clsante.programme.models import NoteSuivi
from tests.bilan.test_reponse import _donnees, _url
from tests.personas import client_de


@pytest.mark.django_db
def test_an_answer_given_meanwhile_is_updated_not_duplicated(campagne, fiche_du_porteur):
    # The second submission read the page before the first one was saved.
    data = _donnees(fiche_du_porteur, **{"reponse-avancement": "Seconde version."})
    en_retard = Questionnaire(campagne, fiche_du_porteur, None, data)
    assert en_retard.is_valid()
    client_de("porteur.demo").post(_url(campagne, fiche_du_porteur), _donnees(fiche_du_porteur))
    premiere = ReponseBilan.objects.get(fiche=fiche_du_porteur)
    notes = NoteSuivi.objects.count()

    porteur = Utilisateur.objects.get(username="porteur.demo")
    reponse = enregistrer_reponse(en_retard, porteur, timezone.localdate())

    assert reponse.pk == premiere.pk
    assert ReponseBilan.objects.filter(campagne=campagne, fiche=fiche_du_porteur).count() == 1
    assert NoteSuivi.objects.count() == notes
    assert fiche_du_porteur.notes.filter(texte="Seconde version.").exists()
    page = client_de("porteur.demo").get(_url(campagne, fiche_du_porteur)).text
    assert "Vous avez déjà répondu" in page and "Seconde version." in page


@pytest.mark.django_db
def test_a_campaign_opened_meanwhile_is_refused_in_french(morlaix):
    coordinatrice = Utilisateur.objects.get(username="coordinatrice.morlaix")
    today = timezone.localdate()
    data = {"annee": "2026", "date_limite": (today + datetime.timedelta(days=30)).isoformat()}
    form = CampagneForm(data, instance=CampagneBilan(contrat=morlaix), contrat=morlaix, today=today)
    assert form.is_valid()
    CampagneBilan.objects.create(contrat=morlaix, annee=2026, date_limite=today)  # other tab

    with pytest.raises(services.CampagneEnDouble, match="existe déjà pour 2026"):
        services.ouvrir_campagne(form.instance, coordinatrice)
    assert morlaix.campagnes_bilan.count() == 1
