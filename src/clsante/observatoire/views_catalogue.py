"""The public catalogue of actions: no login, only what contracts chose to publish."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Page, Paginator
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.http import urlencode

from clsante.core.texte import libelle_generation
from clsante.grille.referentiel import grille
from clsante.observatoire.catalogue import FACETTES, rechercher, similaires
from clsante.observatoire.models import IndexAction
from clsante.observatoire.versions import cle, en_cache, version_index
from clsante.organisations.models import Organisation
from clsante.programme.models import FicheAction
from clsante.territoires.models import Departement, Region

PAR_PAGE = 20
# Beyond any catalogue's last page (45,000 actions make 2,250 pages).
PAGE_MAX = 10_000
TITRES_FACETTES = {
    "thematiques": "Thématique",
    "determinants": "Déterminant de santé",
    "strategies": "Stratégie d'intervention",
    "publics": "Public",
    "type_porteur": "Type de porteur",
    "region": "Région",
    "departement": "Département",
    "statut": "Statut de l'action",
    "generation": "Génération du contrat",
}


def _libelleur(facette: str):
    if facette in ("thematiques", "determinants", "strategies", "publics"):
        codes = grille().axe(facette)
        return lambda code: codes[code].libelle if code in codes else code
    if facette == "type_porteur":
        return lambda v: dict(Organisation.Type.choices).get(v, v)
    if facette == "statut":
        return lambda v: dict(FicheAction.Statut.choices).get(v, v)
    if facette == "generation":
        return lambda v: libelle_generation(int(v)) if str(v).isdigit() else v
    model = Region if facette == "region" else Departement
    noms = dict(model.objects.values_list("code", "nom"))
    return lambda v: noms.get(v, v)


def _facettes(comptes, filtres: dict[str, str]) -> list[dict]:
    out = []
    for facette in FACETTES:
        libelle = _libelleur(facette)
        valeurs = sorted(comptes[facette].items(), key=lambda kv: (-kv[1], kv[0]))[:15]
        out.append(
            {
                "nom": facette,
                "titre": TITRES_FACETTES[facette],
                "choisie": filtres.get(facette, ""),
                "valeurs": [(v, libelle(v), n) for v, n in valeurs],
            }
        )
    return out


def _ordre_titre(racines: list[str], filtres: dict[str, str]):
    """Order by title: through the title index when browsing everything, not when searching.

    A search matches a few hundred rows, found at once by the trigram indexes and then
    sorted; walking the title index until 20 of them turn up (what PostgreSQL would pick)
    took ten times longer. The expression gives the same order without matching the index.
    """
    return Concat("titre_tri", Value("")) if racines or filtres else F("titre_tri")


def _requete(request: HttpRequest) -> dict[str, str]:
    """What the catalogue reads from the address: the search, the known facets, the page.

    Anything else in the address is left out: it can neither change the page nor make the
    cache keep one more copy of it (the key is built from this, not the raw address).
    """
    requete = {"q": request.GET.get("q", "")[:200]}
    requete |= {f: request.GET.get(f, "")[:60] for f in FACETTES if request.GET.get(f)}
    page = request.GET.get("page", "1")
    if not (page.isascii() and page.isdigit()):
        page = "1"  # what the paginator shows for a page that is not a number
    # Past the last page the paginator shows the last one: one key for all of them.
    requete["page"] = str(min(int(page[:6]), PAGE_MAX))
    return requete


def _resultats(requete: dict[str, str]) -> str:
    """The markup of the search form, facets and results for this query."""
    texte = requete["q"]
    filtres = {f: requete[f] for f in FACETTES if f in requete}
    resultat = rechercher(texte, filtres)
    if resultat.ids is not None:
        page = _page_par_ids(resultat.ids, requete["page"])
    else:
        actions = resultat.actions.select_related("contrat", "departement", "fiche__porteur")
        ordre = _ordre_titre(resultat.racines, filtres)
        paginator = Paginator(actions.order_by(ordre, "pk"), PAR_PAGE)
        paginator.count = resultat.total  # already counted with the facets: no COUNT query
        page = paginator.get_page(requete["page"])
    libelle_theme = _libelleur("thematiques")
    for item in page.object_list:
        item.themes_libelles = [libelle_theme(c) for c in item.thematiques.split()]
    context = {
        "q": texte,
        "page": page,
        "facettes": _facettes(resultat.comptes, filtres),
        "filtres": filtres,
        # The pagination's links add their page to these.
        "parametres": urlencode({k: v for k, v in requete.items() if k != "page"}),
    }
    return render_to_string("catalogue/_resultats.html", context)


def _page_par_ids(ids: list[int], numero: str | None) -> Page:
    """A page of a search: its ids come in title order from the counting query (see
    `rechercher`); only those 20 rows are read, by primary key."""
    page = Paginator(ids, PAR_PAGE).get_page(numero)
    lignes = IndexAction.objects.select_related("contrat", "departement", "fiche__porteur")
    par_id = lignes.in_bulk(list(page.object_list))
    page.object_list = [par_id[i] for i in page.object_list if i in par_id]
    return page


@login_not_required
def recherche(request: HttpRequest) -> HttpResponse:
    """The catalogue's search page.

    What it shows depends only on the query string and the published data, never on the
    reader: the results' markup is cached, keyed by the query (`_requete`) and the index's
    fingerprint (every change to a published fiche, its coding, contract or porteur
    rewrites its index row, so it shows at the next request).
    """
    requete = _requete(request)
    cle_cache = cle("catalogue-page", version_index(), sorted(requete.items()))
    context = {
        "title": "Catalogue des actions des contrats locaux de santé",
        "resultats": en_cache(cle_cache, lambda: _resultats(requete)),
    }
    return render(request, "catalogue/recherche.html", context)


@login_not_required
def action(request: HttpRequest, pk: int) -> HttpResponse:
    index = get_object_or_404(
        IndexAction.objects.select_related("contrat", "region", "departement"), fiche_id=pk
    )
    fiche = (
        FicheAction.objects.select_related("axe", "porteur", "contrat__porteuse")
        .prefetch_related("partenaires", "communes", "indicateurs__mesures")
        .get(pk=pk)
    )
    g = grille()
    context = {
        "title": fiche.titre,
        "fiche": fiche,
        "index": index,
        "themes": [g.libelle("thematiques", c) for c in index.thematiques.split()],
        "publics": [g.libelle("publics", c) for c in fiche.publics],
        "similaires": similaires(index),
    }
    return render(request, "catalogue/action.html", context)
