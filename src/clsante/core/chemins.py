"""Reversing URLs cheaply: the pages list hundreds of links to fiches and contracts.

`reverse()` walks the URL patterns on every call (about 50 µs here, more through the `{% url %}`
tag). For a route name whose arguments are all non-negative integers (primary keys), the
path is the same text with the numbers in different places: it is reversed once per process
with stand-in numbers, and later calls only put the real numbers in. Anything else (keyword
arguments, text arguments, a route whose stand-ins do not come back verbatim) goes through
`reverse()` as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

# Large, distinctive stand-ins: no real path of ours contains them.
REPERE = 904_617_250


def chemin(nom: str, *args: int, current_app: str | None = None) -> str:
    """`reverse(nom, args=args)`, from a per-process cache when every argument is an id."""
    url = chemin_connu(nom, args, current_app)
    return reverse(nom, args=args, current_app=current_app) if url is None else url


def chemin_connu(nom: str, args: Sequence, current_app: str | None = None) -> str | None:
    """The path from the cache, or None when `reverse()` must answer (or raise)."""
    if not isinstance(nom, str) or not all(type(a) is int and a >= 0 for a in args):
        return None
    # Tests may swap the URL configuration: it is part of the key.
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    morceaux = _gabarit(nom, len(args), current_app, get_script_prefix(), urlconf)
    return None if morceaux is None else _remplir(morceaux, args)


@lru_cache(maxsize=1024)
def _gabarit(
    nom: str, nb_args: int, current_app: str | None, prefixe: str, urlconf: str | None
) -> tuple[str, ...] | None:
    """The path split around its arguments, or None when it cannot be templated."""
    reperes = [str(REPERE + i) for i in range(nb_args)]
    try:
        url = reverse(nom, args=[int(r) for r in reperes], current_app=current_app)
    except NoReverseMatch:
        return None
    morceaux = []
    for repere in reperes:
        if url.count(repere) != 1:
            return None
        avant, url = url.split(repere)
        morceaux.append(avant)
    morceaux.append(url)
    # A route that pads or restricts numbers would not give the plain digits back: the
    # template must also hold for small numbers, or reverse() answers every time.
    petits = list(range(1, nb_args + 1))
    try:
        attendu = reverse(nom, args=petits, current_app=current_app)
    except NoReverseMatch:
        return None
    if attendu != _remplir(tuple(morceaux), petits):
        return None
    return tuple(morceaux)


def _remplir(morceaux: tuple[str, ...], args: Sequence[int]) -> str:
    texte = [morceaux[0]]
    for valeur, suite in zip(args, morceaux[1:], strict=True):
        texte.append(str(valeur))
        texte.append(suite)
    return "".join(texte)
