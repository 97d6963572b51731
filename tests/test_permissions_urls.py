"""Every URL of the project has an access rule, and the rules hold for every role.

When a view is added without a line in REGLES, `test_every_url_has_a_rule` fails.
Each rule names the kind of object its URL takes and the status each role gets on the
main (published) demo contract; every URL that takes an object of a contract is also
tried on the draft contract of Poher, where the people of Morlaix must get a 404.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from clsante.comptes.models import Utilisateur
from clsante.contrats.models import Contrat
from clsante.organisations.models import Contact
from clsante.programme.models import Avenant

ROLES = ("coordinatrice.morlaix", "porteur.demo", "referent.ars", "elu.morlaix", "lecteur")
OK, INTERDIT = 200, 403
TOUS_OK = dict.fromkeys(ROLES, OK)
COORDINATION = {r: (OK if r == "coordinatrice.morlaix" else INTERDIT) for r in ROLES}


@dataclass(frozen=True)
class Regle:
    objet: str | None  # kind of object in the URL, None for URLs without one
    get: dict[str, int] = field(default_factory=dict)  # role → status of a GET
    public: bool = False
    api: bool = False  # REST API: anonymous callers get a 403 in JSON, not a redirect
    post_seul: bool = False  # a GET is refused (405) before any object is looked up


# What each role reads through the API is tested in tests/observatoire/test_api.py.
API_NAMES = (
    "api-root",
    "contrat-list",
    "contrat-detail",
    "fiche-list",
    "fiche-detail",
    "inventaire",
    "couverture",
)

REGLES: dict[str, Regle] = {
    "programme:accueil": Regle(None, TOUS_OK),
    "core:accessibilite": Regle(None, public=True),
    "core:sante": Regle(None, public=True),
    "core:mentions": Regle(None, public=True),
    "core:donnees_personnelles": Regle(None, public=True),
    "comptes:connexion": Regle(None, public=True),
    "comptes:deconnexion": Regle(None),
    "contrats:detail": Regle("contrat", TOUS_OK),
    "programme:fiche": Regle("fiche", TOUS_OK),
    "grille:lecture": Regle(None, TOUS_OK),
    "grille:codage": Regle("fiche", TOUS_OK),
    "programme:programme": Regle("contrat", TOUS_OK),
    "programme:tableau_de_bord": Regle("contrat", TOUS_OK),
    "programme:fiche_creer": Regle("contrat", COORDINATION),
    "programme:fiche_modifier": Regle("fiche", COORDINATION),
    "programme:fiche_suivi": Regle("fiche", TOUS_OK),
    "programme:fiche_commentaires": Regle("fiche", {**TOUS_OK, "lecteur": INTERDIT}),
    "programme:fiche_historique": Regle("fiche", {**TOUS_OK, "lecteur": INTERDIT}),
    "programme:avenants": Regle("contrat", TOUS_OK),
    "programme:avenant_decider": Regle("avenant", dict.fromkeys(ROLES, 405), post_seul=True),
    "contrats:annuaire": Regle("contrat", TOUS_OK),
    "contrats:document_diagnostic": Regle("diagnostic", dict.fromkeys(ROLES, OK)),
    "contrats:acteur": Regle("acteur", TOUS_OK),
    "contrats:contact_ajouter": Regle("acteur", COORDINATION),
    "contrats:contact_modifier": Regle("contact", COORDINATION),
    "contrats:contact_supprimer": Regle("contact", COORDINATION),
    "contrats:gouvernance": Regle("contrat", TOUS_OK),
    "contrats:instance": Regle("instance", TOUS_OK),
    "contrats:membre_retirer": Regle("membre", {**COORDINATION, "coordinatrice.morlaix": 405}),
    "contrats:reunion": Regle("reunion", TOUS_OK),
    "contrats:reunion_creer": Regle("instance", COORDINATION),
    "contrats:reunion_modifier": Regle("reunion", COORDINATION),
    "observatoire:inventaire": Regle(None, TOUS_OK),
    "observatoire:couverture": Regle(None, TOUS_OK),
    "observatoire:profils": Regle(None, TOUS_OK),
    "observatoire:analyses": Regle(None, TOUS_OK),
    "observatoire:schema": Regle("schema", TOUS_OK),
    "observatoire:carte_communes": Regle("contrat", TOUS_OK),
    **{f"api:{n}": Regle(None, api=True) for n in API_NAMES},
    "catalogue:recherche": Regle(None, public=True),
    "catalogue:action": Regle("fiche", public=True),  # tests/observatoire/test_catalogue.py
    "api:schema": Regle(None, public=True),  # the API's description is public
    "api:docs": Regle(None, public=True),
    # -- notifications --
    "notifications:liste": Regle(None, TOUS_OK),
    "notifications:preferences": Regle(None, TOUS_OK),
    "notifications:tout_lire": Regle(None, dict.fromkeys(ROLES, 405)),
    # a person's own notification: she is sent to its page, anyone else gets a 404
    "notifications:ouvrir": Regle(
        "notification", {r: (302 if r == "coordinatrice.morlaix" else 404) for r in ROLES}
    ),
    # -- bilan --
    "bilan:contrat": Regle("contrat", TOUS_OK),
    "bilan:campagne": Regle("campagne", {**TOUS_OK, "porteur.demo": INTERDIT, "lecteur": INTERDIT}),
    "bilan:relancer": Regle("campagne", dict.fromkeys(ROLES, 405), post_seul=True),
    "bilan:cloturer": Regle("campagne", dict.fromkeys(ROLES, 405), post_seul=True),
    "bilan:rouvrir": Regle("campagne", dict.fromkeys(ROLES, 405), post_seul=True),
    "bilan:repondre": Regle("fiche_de_campagne", {**COORDINATION, "porteur.demo": OK}),
    "bilan:mes_fiches": Regle(None, TOUS_OK),
    # -- documents --
    "documents:fiche": Regle("fiche_document", TOUS_OK),
    "documents:synthese": Regle("contrat_synthese", TOUS_OK),
    "documents:bilan": Regle("contrat_bilan", {**TOUS_OK, "lecteur": INTERDIT}),
    # -- imports --
    "imports:contrat": Regle("contrat", TOUS_OK),
    "imports:export_programme": Regle("export_programme", TOUS_OK),
    "imports:modele": Regle("modele", TOUS_OK),
    "imports:televerser": Regle("televerser", dict.fromkeys(ROLES, 405), post_seul=True),
    "imports:import": Regle("import", COORDINATION),
    "imports:correspondre": Regle("import", dict.fromkeys(ROLES, 405), post_seul=True),
    "imports:appliquer": Regle("import", dict.fromkeys(ROLES, 405), post_seul=True),
    "imports:abandonner": Regle("import", dict.fromkeys(ROLES, 405), post_seul=True),
}
OBJETS_SANS_CONTRAT = {"schema", "modele"}


def _objet(kind: str, contrat: Contrat) -> dict:
    fiche = contrat.fiches.order_by("numero").first()
    reunion = (
        contrat.instances.filter(reunions__isnull=False).first().reunions.first()
        if contrat.instances.filter(reunions__isnull=False).exists()
        else None
    )
    builders = {
        "contrat": lambda: {"pk": contrat.pk},
        "fiche": lambda: {"pk": fiche.pk},
        "reunion": lambda: {"pk": contrat.pk, "reunion_pk": reunion.pk},
        "instance": lambda: {"pk": contrat.pk, "instance_pk": reunion.instance_id},
        "acteur": lambda: {"pk": contrat.pk, "org_pk": fiche.porteur_id},
        "avenant": lambda: {"pk": _avenant(contrat).pk},
        "schema": lambda: {"nom": "couverture-cls"},
        "diagnostic": lambda: {"pk": contrat.pk, "diagnostic_pk": _diagnostic(contrat).pk},
        "contact": lambda: {
            "pk": contrat.pk,
            "org_pk": contrat.porteuse_id,
            "contact_pk": Contact.objects.get_or_create(
                organisation_id=contrat.porteuse_id,
                nom="Test",
                defaults={"prenom": "Accès", "email": "acces@example.org"},
            )[0].pk,
        },
        "notification": lambda: {
            "pk": contrat.notifications.get_or_create(
                destinataire=contrat.coordinatrices().first().utilisateur,
                cle="test-acces",
                defaults={"type": "etape_en_retard", "titre": "Accès", "lien": "/"},
            )[0].pk
        },
        # -- objets bilan --
        "campagne": lambda: {"pk": _campagne(contrat).pk},
        "fiche_de_campagne": lambda: _fiche_de_campagne(_campagne(contrat)),
        # -- objets imports --
        "export_programme": lambda: {"pk": contrat.pk, "format": "csv"},
        "modele": lambda: {"type": "programme", "format": "xlsx"},
        "televerser": lambda: {"pk": contrat.pk, "type": "programme"},
        "import": lambda: {
            "pk": contrat.imports.get_or_create(
                nom_fichier="acces.csv", defaults={"type": "programme", "statut": "termine"}
            )[0].pk
        },
        # -- objets documents --
        "fiche_document": lambda: {"pk": fiche.pk, "format": "docx"},
        "contrat_synthese": lambda: {"pk": contrat.pk, "format": "docx"},
        "contrat_bilan": lambda: {"pk": contrat.pk, "annee": 2025, "format": "docx"},
        "membre": lambda: {
            "pk": contrat.pk,
            "instance_pk": reunion.instance_id,
            "membre_pk": reunion.instance.membres.first().pk,
        },
    }
    return builders[kind]()


def _diagnostic(contrat: Contrat):
    """The contract's diagnosis, with a small document attached."""
    from django.core.files.base import ContentFile

    diagnostic = contrat.diagnostics.first()
    if not diagnostic.document:
        diagnostic.document.save("diagnostic.txt", ContentFile(b"Diagnostic local"), save=True)
    return diagnostic


def _campagne(contrat: Contrat):
    """The contract's open review campaign of this year."""
    from clsante.bilan.models import CampagneBilan

    return CampagneBilan.objects.get_or_create(
        contrat=contrat,
        annee=datetime.date.today().year,
        defaults={"date_limite": datetime.date.today() + datetime.timedelta(days=30)},
    )[0]


def _fiche_de_campagne(campagne) -> dict:
    """A fiche of the campaign, porteur.demo's when the contract has one."""
    fiches = campagne.fiches().order_by("numero")
    fiche = fiches.filter(porteur__utilisateurs__username="porteur.demo").first() or fiches[0]
    return {"pk": campagne.pk, "fiche_pk": fiche.pk}


def _avenant(contrat: Contrat) -> Avenant:
    fiche = contrat.fiches.order_by("numero").first()
    return contrat.avenants.first() or Avenant.objects.create(
        contrat=contrat,
        fiche=fiche,
        numero_fiche=fiche.numero,
        type=Avenant.Type.AJOUT,
        date=datetime.date.today(),
        motif="Avenant créé pour le test d'accès.",
    )


def _names(resolver: URLResolver, prefix: str = "") -> list[str]:
    names = []
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            names += _names(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.append(prefix + p.name)
    return names


def _client(username: str) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username=username))
    return client


def test_every_url_has_a_rule():
    missing = sorted(set(_names(get_resolver())) - set(REGLES))
    assert not missing, f"URL sans règle d'accès dans REGLES : {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(n for n, r in REGLES.items() if not r.public))
def test_anonymous_visitor_is_sent_to_login(name):
    regle = REGLES[name]
    kwargs = (
        _objet(regle.objet, Contrat.objects.get(publie=True, generation=2)) if regle.objet else {}
    )
    if name in ("api:contrat-detail", "api:fiche-detail"):
        kwargs = {"pk": 1}
    response = Client().get(reverse(name, kwargs=kwargs))
    if regle.api:
        assert response.status_code == 403
        return
    assert response.status_code == 302
    assert reverse("comptes:connexion") in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(n for n, r in REGLES.items() if r.get))
def test_each_role_gets_what_its_rule_says(name, morlaix):
    regle = REGLES[name]
    url = reverse(name, kwargs=_objet(regle.objet, morlaix) if regle.objet else {})
    for username, expected in regle.get.items():
        status = _client(username).get(url).status_code
        assert status == expected, f"{username} sur {url} : {status} au lieu de {expected}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", sorted(n for n, r in REGLES.items() if r.objet and r.objet not in OBJETS_SANS_CONTRAT)
)
def test_people_of_another_contract_get_404_on_a_draft(name, poher):
    url = reverse(name, kwargs=_objet(REGLES[name].objet, poher))
    for username in ROLES:
        client = _client(username)
        if username == "referent.ars":
            continue  # the ARS referent reads every contract of his region, drafts included
        expected_get = 405 if REGLES[name].post_seul else 404
        assert client.get(url).status_code == expected_get, f"{username} voit {url}"
        assert client.post(url, {"x": "1"}).status_code == 404, f"{username} écrit sur {url}"
