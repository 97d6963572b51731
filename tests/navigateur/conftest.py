"""Browser tests: a real server on its own database, driven by Debian's Chromium.

The server runs `clsante runserver` on a fresh database (SQLite in a temporary folder,
or a dedicated PostgreSQL database when DATABASE_URL points at PostgreSQL) filled with the
Finistère geography and the demo contracts. Tests never skip: without Chromium they fail.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import GEO_FINISTERE

CHROMIUM = os.environ.get("CLSANTE_CHROMIUM", "/usr/bin/chromium")
CLSANTE = Path(sys.executable).parent / "clsante"
MOT_DE_PASSE = "demo-clsante"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_env(tmp: Path) -> dict[str, str]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return {"DATABASE_URL": f"sqlite:///{tmp / 'navigateur.sqlite3'}"}
    import psycopg

    base, _, name = url.rpartition("/")
    browser_db = f"{name}_navigateur"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{browser_db}"')
        conn.execute(f'CREATE DATABASE "{browser_db}"')
    return {"DATABASE_URL": f"{base}/{browser_db}"}


@pytest.fixture(scope="session")
def serveur(tmp_path_factory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("serveur")
    env = {**os.environ, "CLSANTE_DATA_DIR": str(tmp), **_database_env(tmp)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for args in (
        ["migrate", "--noinput"],
        ["charger_geographie", "--source", str(GEO_FINISTERE)],
        ["charger_demo"],
    ):
        subprocess.run([CLSANTE, *args], env=env, check=True, capture_output=True)
    port = _free_port()
    log = (tmp / "serveur.log").open("w")
    process = subprocess.Popen(
        [CLSANTE, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env={**env, "CLSANTE_DEBUG": "0"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    _attendre(url, process)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _attendre(url: str, process: subprocess.Popen) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError("le serveur de test s'est arrêté au démarrage")
        try:
            urllib.request.urlopen(f"{url}/comptes/connexion/", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("le serveur de test ne répond pas")


@pytest.fixture(scope="session")
def navigateur() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"Chromium introuvable ({CHROMIUM}) : apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def connecter(navigateur: Browser, serveur: str):
    """`connecter("porteur.demo")` → a logged-in page."""
    contexts = []

    def _connecter(username: str) -> Page:
        context = navigateur.new_context(base_url=serveur, locale="fr-FR")
        contexts.append(context)
        page = context.new_page()
        page.goto("/comptes/connexion/")
        page.get_by_label("Nom d’utilisateur").or_(page.get_by_label("Nom d'utilisateur")).fill(
            username
        )
        page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
        page.get_by_role("button", name="Se connecter").last.click()
        page.wait_for_url(f"{serveur}/")
        return page

    yield _connecter
    for context in contexts:
        context.close()
