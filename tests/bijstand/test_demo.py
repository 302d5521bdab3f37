"""The demo: every running dossier's client has a household consistent with the leefvorm, and every running
bijstand dossier a calculated amount that the recorded facts reproduce."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bijstand import demo as bijstand_demo
from bijstand import rules, selectors
from bijstand.models import Berekening, Huishoudlid
from cases import demo as cases_demo
from cases.models import Uitkeringsdossier
from participation import demo as participation_demo
from tegenprestatie import demo as tegenprestatie_demo

TODAY = datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.mark.django_db
def test_the_demo():
    """One load of the demo (~25 s), three checks."""
    with time_machine.travel(TODAY, tick=False):
        cases_demo.load(stdout=io.StringIO(), clients=150)
        participation_demo.load(stdout=io.StringIO())
        tegenprestatie_demo.load(stdout=io.StringIO())
        bijstand_demo.load(stdout=io.StringIO())
    every_running_bijstand_dossier_has_a_calculation_the_facts_reproduce()
    the_household_follows_the_leefvorm()
    the_demo_is_idempotent()


def every_running_bijstand_dossier_has_a_calculation_the_facts_reproduce():
    running = Uitkeringsdossier.objects.filter(einddatum__isnull=True, regeling="bijstand").select_related(
        "client"
    )
    assert running.exists()
    params = selectors.parameters_on(TODAY.date())
    for dossier in running:
        aow = rules.age_in_months(dossier.client.birth_date, TODAY.date()) >= params["aow_leeftijd_maanden"]
        berekening = Berekening.objects.filter(dossier=dossier).first()
        if aow:  # the art. 22 norms of 2026 are not in the sources (docs/bijstand.md)
            assert berekening is None
            continue
        assert berekening is not None, dossier
        calc = selectors.calculate_for_client(dossier.client, berekening.ingangsdatum)
        assert calc.total == berekening.bedrag == dossier.maandbedrag
        assert calc.household_kind == berekening.leefvorm


def the_household_follows_the_leefvorm():
    on = TODAY.date()
    for dossier in Uitkeringsdossier.objects.filter(einddatum__isnull=True).select_related("client"):
        kind = selectors.household_summary(dossier.client, on)["kind"]
        expected = {"gehuwd": rules.GEHUWDEN, "alleenstaande_ouder": rules.ALLEENSTAANDE_OUDER}.get(
            dossier.client.leefvorm, rules.ALLEENSTAANDE
        )
        assert kind == expected, (dossier.client.leefvorm, kind)


def the_demo_is_idempotent():
    count = Huishoudlid.objects.count()
    with time_machine.travel(TODAY, tick=False):
        bijstand_demo.load(stdout=io.StringIO())
    assert Huishoudlid.objects.count() == count
