"""The comment thread of a fiche: the contract's people read and write it, nobody else."""

import pytest
from django.urls import reverse

from tests.personas import client_de


def _url(fiche) -> str:
    return reverse("programme:fiche_commentaires", args=[fiche.pk])


@pytest.mark.django_db
def test_the_ars_referent_comments_and_the_contracts_people_read_it(morlaix):
    fiche = morlaix.fiches.get(numero="1.4")
    response = client_de("referent.ars").post(
        _url(fiche), {"texte": "Pensez à l'évaluation à mi-parcours."}, follow=True
    )
    assert "Votre commentaire est publié." in response.text
    commentaire = fiche.commentaires.get()
    assert commentaire.auteur.username == "referent.ars"
    lecture = client_de("elu.morlaix").get(_url(fiche))
    assert "Pensez à l&#x27;évaluation à mi-parcours." in lecture.text


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["lecteur", "coordinatrice.poher"])
def test_readers_of_a_published_contract_do_not_see_its_comments(morlaix, username):
    fiche = morlaix.fiches.get(numero="1.4")
    fiche.commentaires.create(texte="Réservé au contrat.")
    client = client_de(username)
    assert client.get(_url(fiche)).status_code == 403
    page = client.get(reverse("programme:fiche", args=[fiche.pk])).text
    assert _url(fiche) not in page


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["coordinatrice.morlaix", "porteur.demo", "elu.morlaix"])
def test_the_contracts_people_may_comment(morlaix, username):
    fiche = morlaix.fiches.get(numero="2.1")
    response = client_de(username).post(_url(fiche), {"texte": "Vu en comité technique."})
    assert response.status_code == 302
    assert fiche.commentaires.filter(auteur__username=username).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["lecteur", "coordinatrice.poher"])
def test_people_without_a_role_cannot_comment(morlaix, username):
    fiche = morlaix.fiches.get(numero="2.1")
    response = client_de(username).post(_url(fiche), {"texte": "Intrusion."})
    assert response.status_code == 403
    assert not fiche.commentaires.exists()


@pytest.mark.django_db
def test_an_empty_comment_gets_a_french_error(client_coordinatrice, morlaix):
    fiche = morlaix.fiches.get(numero="2.1")
    response = client_coordinatrice.post(_url(fiche), {"texte": "   "})
    assert response.status_code == 200
    assert "Écrivez votre commentaire avant de l&#x27;envoyer." in response.text
    assert not fiche.commentaires.exists()


@pytest.mark.django_db
def test_comments_on_a_draft_contract_are_invisible_to_outsiders(client_coordinatrice, poher):
    fiche = poher.fiches.first()
    assert client_coordinatrice.post(_url(fiche), {"texte": "?"}).status_code == 404
