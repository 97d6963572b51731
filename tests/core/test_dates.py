"""Dates read as French writes them: « 1er septembre », weekday and time when asked."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from clsante.core.templatetags.humanize_fr import date_longue
from tests.personas import client_de


def test_the_first_of_the_month_takes_the_ordinal():
    assert date_longue(datetime.date(2026, 9, 1)) == "1er septembre 2026"
    assert date_longue(datetime.date(2026, 9, 2)) == "2 septembre 2026"
    assert date_longue(datetime.date(2027, 8, 31)) == "31 août 2027"
    assert date_longue(None) == ""


def test_weekday_and_time_when_asked():
    assert date_longue(datetime.date(2026, 9, 1), "jour") == "mardi 1er septembre 2026"
    moment = datetime.datetime(2026, 12, 1, 9, 5)
    assert date_longue(moment, "heure") == "1er décembre 2026 à 09:05"


def test_a_stored_moment_reads_in_local_time_in_templates():
    # 23:30 UTC on 31 October is 00:30 on 1 November in Paris.
    moment = datetime.datetime(2026, 10, 31, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    with timezone.override("Europe/Paris"):
        rendu = Template('{% load humanize_fr %}{{ m|date_longue:"heure" }}').render(
            Context({"m": moment})
        )
    assert rendu == "1er novembre 2026 à 00:30"


@pytest.mark.django_db
def test_a_contract_signed_on_the_first_reads_so(morlaix):
    morlaix.date_signature = datetime.date(2023, 6, 1)
    morlaix.save()
    page = client_de("lecteur").get(reverse("contrats:detail", args=[morlaix.pk])).text
    assert "<dt>Signature</dt><dd>1er juin 2023</dd>" in page
