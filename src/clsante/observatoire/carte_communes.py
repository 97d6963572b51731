"""The map of a contract's communes, each filled by the number of fiches that name it.

Outlines come from ``ContourCommune`` (``charger_contours``). The contract page shows the
figure (legend, caption) and embeds the map itself, a standalone SVG document served by
`views.carte_communes_svg`: drawing a hundred communes and their neighbours costs more
than the rest of the page, and a separate document is fetched after the page and kept by
the browser. Its address carries a key made of the communes, their counts and boxes
(``version``), so a changed count is a new address and nothing needs invalidating; the
drawing is cached under the same key, shared by the server's processes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from clsante.core.templatetags.humanize_fr import nombre
from clsante.core.texte import pluriel
from clsante.observatoire.carte_territoire import Cadre
from clsante.observatoire.versions import en_cache, version_contours
from clsante.territoires.models import Commune, ContourCommune

MARGE = 0.06  # share of the frame added on each side, so that neighbours show
COTE_MIN = 8.0  # smallest frame side (map units, ≈ 9 km): one small commune is not blown up
# Beyond this many neighbouring outlines in the frame, none is drawn (a frame that wide
# means communes far apart; the drawing would weigh megabytes).
VOISINES_MAX = 1500
ECHELLE_MOTIF = 70  # hatching: about 70 stripes across the map, whatever its size
AUCUNE = "url(#carte-communes-aucune)"
# Classes of the number of fiches naming a commune: (from, label, fill, legend swatch).
# "None" stands out by hue and by its hatching, so that it reads in grayscale too.
CLASSES = (
    (0, "Aucune fiche", AUCUNE, "repeating-linear-gradient(45deg, #ffe9e6 0 3px, #b34000 3px 5px)"),
    (1, "1 fiche", "#cacafb", "#cacafb"),
    (2, "2 ou 3 fiches", "#8585f6", "#8585f6"),
    (4, "4 à 6 fiches", "#4f4fc4", "#4f4fc4"),
    (7, "7 fiches ou plus", "#1f1f82", "#1f1f82"),
)
VOISINE = "#e5e5e5"


@dataclass(frozen=True)
class Trace:
    d: str
    titre: str
    remplissage: str = ""  # neighbours take the group's grey


@dataclass(frozen=True)
class ClasseLegende:
    libelle: str
    pastille: str
    communes: str


def figure_communes(contrat_pk: int, communes: Sequence[Commune]) -> str:
    """The figure for the contract page, or "" when none of these communes has an outline.

    Each commune carries ``fiches_actions``, the number of fiches naming it, and its
    outline's box (``Commune.objects.avec_cadre()``): no query is run here.
    """
    boites = _boites(communes)
    if not boites:
        return ""
    cadre = _cadre(list(boites.values()))
    url = reverse("observatoire:carte_communes", args=[contrat_pk])
    return render_to_string(
        "observatoire/_carte_communes.html",
        {
            "url": f"{url}?v={version(communes)[:16]}",
            "proportions": f"{(cadre.x1 - cadre.x0) / (cadre.y1 - cadre.y0):.4f}",
            "legende": _legende([c for c in communes if c.pk in boites]),
            "non_dessinees": sorted(c.nom for c in communes if c.pk not in boites),
        },
    )


def document_svg(communes: Sequence[Commune]) -> str | None:
    """The map as a standalone SVG document (cached), or None without any outline."""
    boites = _boites(communes)
    if not boites:
        return None
    return en_cache(f"carte-communes:{version(communes)}", lambda: _dessiner(communes, boites))


def version(communes: Sequence[Commune]) -> str:
    """A fingerprint of what the map shows: communes, counts, populations, names, boxes,
    and the outlines' load (`version_contours`)."""
    contenu = version_contours() + "|".join(
        f"{c.pk}:{c.fiches_actions}:{c.population}:{c.nom}:"
        f"{c.cadre_x0}:{c.cadre_y0}:{c.cadre_x1}:{c.cadre_y1}"
        for c in sorted(communes, key=lambda c: c.pk)
    )
    return hashlib.sha256(contenu.encode()).hexdigest()


def _boites(communes: Sequence[Commune]) -> dict[int, Cadre]:
    return {
        c.pk: Cadre(c.cadre_x0, c.cadre_y0, c.cadre_x1, c.cadre_y1)
        for c in communes
        if c.cadre_x0 is not None
    }


def classe(fiches: int) -> tuple[str, str]:
    """(label, fill) of a number of fiches."""
    libelle, remplissage = CLASSES[0][1], CLASSES[0][2]
    for seuil, lib, couleur, _ in CLASSES:
        if fiches >= seuil:
            libelle, remplissage = lib, couleur
    return libelle, remplissage


def _dessiner(communes: Sequence[Commune], boites: dict[int, Cadre]) -> str:
    cadre = _cadre(list(boites.values()))
    du_contrat = {c.pk: c for c in communes}
    # Names by a subquery per outline: a join let PostgreSQL hash every commune.
    nom = Subquery(Commune.objects.filter(pk=OuterRef("commune_id")).values("nom"))
    contours = ContourCommune.objects.annotate(nom=nom).order_by("nom", "pk")
    traces = [
        _trace_du_contrat(du_contrat[pk], d)
        for pk, _nom, d in contours.filter(commune_id__in=list(boites)).values_list(
            "commune_id", "nom", "trace"
        )
    ]
    voisines = [
        Trace(d, nom)
        for nom, d in contours.dans_le_cadre(cadre.x0, cadre.y0, cadre.x1, cadre.y1)
        .exclude(commune_id__in=list(du_contrat))
        .values_list("nom", "trace")[: VOISINES_MAX + 1]
    ]
    if len(voisines) > VOISINES_MAX:
        # Communes far apart make a frame of thousands of outlines: the contract's alone.
        voisines = []
    return render_to_string(
        "observatoire/carte_communes.svg",
        {
            "view_box": cadre.view_box,
            # Written here: a float in a template would take a French decimal comma.
            "motif": f"{(cadre.x1 - cadre.x0) / ECHELLE_MOTIF:.3f}",
            "voisine": VOISINE,
            "voisines": _chemins(voisines),
            "communes": _chemins(traces),
        },
    )


def _chemins(traces: list[Trace]) -> str:
    """The ``<path>`` elements, every value escaped.

    Built with the standard library's escaping: a template loop, or ``format_html``,
    took most of the drawing time of a contract with a hundred communes.
    """
    return mark_safe(  # noqa: S308 (every value is escaped just above)
        "\n".join(
            f'<path d="{escape(t.d)}" vector-effect="non-scaling-stroke"'
            + (f' fill="{escape(t.remplissage)}"' if t.remplissage else "")
            + f"><title>{escape(t.titre)}</title></path>"
            for t in traces
        )
    )


def _cadre(boites: list[Cadre]) -> Cadre:
    """The union of the boxes, at least ``COTE_MIN`` a side, widened by ``MARGE``."""
    union = boites[0]
    for boite in boites[1:]:
        union = union.union(boite)
    largeur = max(union.x1 - union.x0, COTE_MIN) * (0.5 + MARGE)
    hauteur = max(union.y1 - union.y0, COTE_MIN) * (0.5 + MARGE)
    cx, cy = (union.x0 + union.x1) / 2, (union.y0 + union.y1) / 2
    return Cadre(cx - largeur, cy - hauteur, cx + largeur, cy + hauteur)


def _trace_du_contrat(commune: Commune, d: str) -> Trace:
    habitants = f"{nombre(commune.population)} habitant{'s' if commune.population > 1 else ''}"
    fiches = pluriel(commune.fiches_actions, "fiche action", "fiches actions")
    return Trace(d, f"{commune.nom} : {habitants}, {fiches}", classe(commune.fiches_actions)[1])


def _legende(communes: list[Commune]) -> list[ClasseLegende]:
    par_classe: dict[str, int] = {}
    for commune in communes:
        libelle = classe(commune.fiches_actions)[0]
        par_classe[libelle] = par_classe.get(libelle, 0) + 1
    return [
        ClasseLegende(libelle, pastille, pluriel(par_classe.get(libelle, 0), "commune"))
        for _, libelle, _, pastille in CLASSES
    ]
