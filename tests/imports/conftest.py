"""Helpers of the import tests: spreadsheets built in the test, uploads through the client."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def classeur_xlsx(lignes: list[list], titre: str = "Feuille 1") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = titre
    for ligne in lignes:
        ws.append(ligne)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def csv_octets(lignes: list[list]) -> bytes:
    return "\n".join(";".join(str(c) for c in ligne) for ligne in lignes).encode("utf-8")


def televerser(client, contrat, contenu: bytes, nom: str, type_: str = "programme"):
    fichier = SimpleUploadedFile(nom, contenu)
    url = reverse("imports:televerser", args=[contrat.pk, type_])
    return client.post(url, {"fichier": fichier}, follow=True)


def derniere_import(contrat):
    from clsante.imports.models import Import

    return Import.objects.filter(contrat=contrat).order_by("-pk").first()


def appliquer(client, imp):
    return client.post(reverse("imports:appliquer", args=[imp.pk]), follow=True)


@pytest.fixture
def contrat_vierge(db, morlaix):
    """A new, empty contract on Morlaix's territory, coordinated by coordinatrice.morlaix."""
    from clsante.comptes.models import Utilisateur
    from clsante.contrats.models import Contrat, Habilitation

    contrat = Contrat.objects.create(
        nom="Contrat local de santé d'essai",
        region=morlaix.region,
        porteuse=morlaix.porteuse,
        type_porteuse=Contrat.TypePorteuse.EPCI,
    )
    contrat.communes.set(morlaix.communes.all())
    Habilitation.objects.create(
        contrat=contrat,
        utilisateur=Utilisateur.objects.get(username="coordinatrice.morlaix"),
        role=Habilitation.Role.COORDINATRICE,
    )
    return contrat
