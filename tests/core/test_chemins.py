"""The cached URL reversal gives Django's answers, and `{% url %}` keeps its behaviour."""

import pytest
from django.template import Context, Engine, engines
from django.test import override_settings
from django.urls import (
    NoReverseMatch,
    URLPattern,
    URLResolver,
    get_resolver,
    path,
    re_path,
    register_converter,
    reverse,
)
from django.urls.converters import IntConverter
from django.urls.resolvers import RoutePattern

from clsante.core.chemins import chemin
from clsante.core.templatetags.url_rapide import LienRapide


def _routes(resolveur: URLResolver, espace: str = ""):
    """(name, converters) of every named `path()` route (regular expressions left out)."""
    for motif in resolveur.url_patterns:
        if not isinstance(motif.pattern, RoutePattern):
            continue
        convertisseurs = list(motif.pattern.converters.values())
        if isinstance(motif, URLResolver):
            sous_espace = f"{espace}{motif.namespace}:" if motif.namespace else espace
            for nom, suite in _routes(motif, sous_espace):
                yield nom, [*convertisseurs, *suite]
        elif isinstance(motif, URLPattern) and motif.name:
            yield f"{espace}{motif.name}", convertisseurs


ROUTES_PAR_IDS = sorted(
    {
        (nom, len(convertisseurs))
        for nom, convertisseurs in _routes(get_resolver())
        if all(isinstance(c, IntConverter) for c in convertisseurs)
    }
)


def test_the_project_has_routes_by_id_to_check():
    noms = {nom for nom, _ in ROUTES_PAR_IDS}
    assert {"programme:fiche", "contrats:detail", "catalogue:action"} <= noms


@pytest.mark.parametrize(("nom", "nb_args"), ROUTES_PAR_IDS)
def test_every_route_by_id_gives_the_same_path_as_reverse(nom, nb_args):
    for ids in ([0] * nb_args, [7, 123][:nb_args] + [5] * max(0, nb_args - 2), [987654] * nb_args):
        assert chemin(nom, *ids) == reverse(nom, args=ids)


def test_text_arguments_and_unknown_routes_are_left_to_reverse():
    assert chemin("documents:fiche", 12, "pdf") == reverse("documents:fiche", args=[12, "pdf"])
    with pytest.raises(NoReverseMatch):
        chemin("programme:fiche", -1)
    with pytest.raises(NoReverseMatch):
        chemin("route-qui-n-existe-pas")


def test_the_url_tag_renders_what_django_s_own_tag_renders():
    sources = [
        "{% url 'programme:fiche' pk %}",
        "{% url 'programme:fiche' pk as lien %}[{{ lien }}]",
        "{% url 'documents:fiche' pk 'pdf' %}",
        "{% url 'programme:fiche' pk=pk %}",
        "{% url 'route-absente' as lien %}[{{ lien }}]",
        "{% url nom pk %}",
    ]
    contexte = {"pk": 42, "nom": "contrats:detail"}
    for source in sources:
        rapide = engines["django"].from_string(source).render(contexte)
        # A bare engine has only Django's builtins: Django's own tag.
        assert rapide == Engine().from_string(source).render(Context(contexte)), source


def test_every_template_gets_the_fast_tag():
    gabarit = engines["django"].from_string("{% url 'programme:fiche' 3 %}")
    assert isinstance(gabarit.template.nodelist[0], LienRapide)


def test_the_url_tag_still_fails_loudly_on_an_unknown_route():
    with pytest.raises(NoReverseMatch):
        engines["django"].from_string("{% url 'route-absente' 3 %}").render({})


class QuatreChiffres:
    """A converter that pads numbers: the cached path must not be used for it."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


def _vue(request, **kwargs):  # pragma: no cover - never called, only reversed
    raise AssertionError


register_converter(QuatreChiffres, "quatre")
urlpatterns = [
    path("annee/<quatre:annee>/", _vue, name="annee"),
    re_path(r"^neuf/(?P<n>[0-9]{9})/$", _vue, name="neuf"),
    path("fiche/<int:pk>/", _vue, name="fiche"),
]


@override_settings(ROOT_URLCONF=__name__)
def test_routes_that_pad_or_restrict_numbers_are_left_to_reverse():
    assert chemin("annee", 7) == "/annee/0007/"
    assert chemin("neuf", 123456789) == "/neuf/123456789/"
    with pytest.raises(NoReverseMatch):
        chemin("neuf", 5)
    assert chemin("fiche", 5) == "/fiche/5/"
