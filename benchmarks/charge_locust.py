"""Locust scenario for benchmarks/charge.py (not run by itself)."""

import os
import random

from locust import HttpUser, between, task

CONTRATS = [int(x) for x in os.environ["BENCH_CONTRATS"].split(",")]
FICHES = [int(x) for x in os.environ["BENCH_FICHES"].split(",")]
THEMES = ["nutrition", "sante_mentale", "acces_soins", "vieillissement", "addictions"]
MOTS = ["dépistage", "alimentation", "jeunes", "aller-vers", "logement", "activité physique"]


# Think time between two pages, in seconds ("0.5-1.5" by default; charge.py --attente).
ATTENTE = [float(x) for x in os.environ.get("BENCH_ATTENTE", "0.5-1.5").split("-")]


class Lecteur(HttpUser):
    wait_time = between(*ATTENTE)

    def on_start(self) -> None:
        page = self.client.get("/comptes/connexion/", name="connexion")
        token = page.cookies.get("csrftoken", "")
        self.client.post(
            "/comptes/connexion/",
            {"username": "referent.ars", "password": "demo-clsante", "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/comptes/connexion/"},
            name="connexion",
            allow_redirects=False,
        )

    @task(3)
    def tableau_regional(self) -> None:
        self.client.get("/observatoire/couverture/?region=53", name="tableau de bord régional")

    @task(3)
    def inventaire_national(self) -> None:
        self.client.get("/observatoire/?region=", name="inventaire national")

    @task(4)
    def recherche_catalogue(self) -> None:
        self.client.get(
            "/catalogue/",
            params={"q": random.choice(MOTS), "thematiques": random.choice(THEMES)},
            name="catalogue avec facettes",
        )

    @task(3)
    def page_contrat(self) -> None:
        self.client.get(f"/contrats/{random.choice(CONTRATS)}/", name="page contrat")

    @task(4)
    def page_fiche(self) -> None:
        self.client.get(f"/fiches/{random.choice(FICHES)}/", name="page fiche")

    @task(2)
    def api_liste(self) -> None:
        self.client.get(
            "/api/v1/fiches/", params={"page": random.randint(1, 50)}, name="API fiches"
        )

    @task(2)
    def plancher(self) -> None:
        self.client.get("/sante/", name="plancher (page minimale)")
