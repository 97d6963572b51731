"""`|pluralize` agrees by the French rule in every template: singular below 2."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from tests.personas import client_de


def rendu(gabarit: str, **contexte) -> str:
    return Template(gabarit).render(Context(contexte))


@pytest.mark.parametrize(
    ("n", "attendu"),
    [
        (0, "0 commune"),
        (1, "1 commune"),
        (1.5, "1,5 commune"),
        (2, "2 communes"),
        (-3, "-3 communes"),
    ],
)
def test_counts_agree_in_french(n, attendu):
    assert rendu("{{ n }} commune{{ n|pluralize }}", n=n) == attendu


def test_lists_irregular_plurals_and_verbs():
    assert rendu("{{ l|length }} can{{ l|pluralize:'al,aux' }}", l=[1, 2]) == "2 canaux"
    assert rendu("journa{{ l|pluralize:'l,ux' }}", l=[]) == "journal"
    assert rendu('{{ n|pluralize:"n\'est,ne sont" }}', n=3) == "ne sont"
    assert rendu("x{{ n|pluralize:'a,b,c' }}", n=3) == "x"  # as Django: a bad argument


@pytest.mark.django_db
def test_a_contract_with_one_instance_or_none_reads_well(morlaix):
    client = client_de("lecteur")
    url = reverse("contrats:detail", args=[morlaix.pk])
    premiere = morlaix.instances.order_by("pk").first()
    morlaix.instances.exclude(pk=premiere.pk).delete()
    assert f"<p>1 instance ({premiere.nom})." in client.get(url).text
    premiere.delete()
    page = client.get(url).text
    assert "Aucune instance de gouvernance n'est encore enregistrée." in page
    assert "0 instances" not in page and "instance ()" not in page
