"""The demo data (``manage.py load_demo``: the demo module of each app) is built relative to "today"; it stays
valid on the days where calendars bite: the last days of the year, an ISO year of 53 weeks, 1 January, the first
ISO week that starts in December, and 29 February."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models import F

from bijstand import demo as bijstand_demo
from bijstand.models import Berekening, Huishoudlid
from cases import demo as cases_demo
from cases.models import Aanvraag, Uitkeringsdossier
from participation import demo as participation_demo
from participation.models import GroupAssignment
from srt import demo as srt_demo
from srt.models import SrtInvestigation
from srt.selectors import srt_results
from tegenprestatie import demo as tegenprestatie_demo
from tegenprestatie import rules as tp_rules
from tegenprestatie.models import HourLog
from tests.factories import ClientFactory, DossierFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The whole demo (~20 s each) on the days its date arithmetic changes course; the tegenprestatie hours (ISO weeks)
# on every boundary day.
DEMO_DAYS = [date(2026, 12, 31), date(2027, 1, 1), date(2028, 2, 29)]
BOUNDARY_DAYS = [
    date(2026, 12, 28),  # Monday of 2026-W53
    date(2026, 12, 31),  # the last day of the calendar year, ISO week 2026-W53
    date(2027, 1, 1),  # 1 January, still ISO week 2026-W53
    date(2027, 1, 4),  # Monday of 2027-W01: last week is 2026-W53
    date(2025, 12, 29),  # Monday of 2026-W01, still in calendar year 2025
    date(2028, 2, 29),  # 29 February
]


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMSTERDAM)


@pytest.mark.django_db
@pytest.mark.parametrize("today", DEMO_DAYS, ids=str)
def test_the_demo_is_valid_on_calendar_boundaries(today):
    with time_machine.travel(at(today), tick=False):
        cases_demo.load(stdout=io.StringIO(), clients=150)
        srt_demo.load(stdout=io.StringIO())
        participation_demo.load(stdout=io.StringIO())
        tegenprestatie_demo.load(stdout=io.StringIO())
        bijstand_demo.load(stdout=io.StringIO())

    # cases: nothing happened after today; every decision follows its application
    assert not Uitkeringsdossier.objects.filter(startdatum__gt=today).exists()
    assert not Uitkeringsdossier.objects.filter(einddatum__gt=today).exists()
    assert not Uitkeringsdossier.objects.filter(einddatum__lt=F("startdatum")).exists()
    assert not Aanvraag.objects.filter(aanvraagdatum__gt=today).exists()
    assert not Aanvraag.objects.filter(besluitdatum__gt=today).exists()
    assert not Aanvraag.objects.filter(besluitdatum__lt=F("aanvraagdatum")).exists()

    # SRT: the seed's figures, running investigations referenced by the year they were opened
    assert srt_results(date(2019, 11, 1), date(2020, 10, 31)).investigations == 175
    assert not SrtInvestigation.objects.filter(opened_on__gt=today).exists()
    for reference, opened_on in SrtInvestigation.objects.filter(closed_on__isnull=True).values_list(
        "reference", "opened_on"
    ):
        assert reference.startswith(f"SRT-{opened_on.year}-"), reference

    # participation: assignments start by today and end after they start
    assert GroupAssignment.objects.exists()
    assert not GroupAssignment.objects.filter(valid_from__gt=today).exists()
    assert not GroupAssignment.objects.filter(valid_to__lt=F("valid_from")).exists()

    _assert_hours_valid(today)

    # bijstand: households and calculations start by today; a calculation for every running bijstand dossier
    # below the AOW age (the art. 22 norms of 2026 are not in the sources)
    assert Berekening.objects.exists()
    assert not Berekening.objects.filter(ingangsdatum__gt=today).exists()
    assert not Huishoudlid.objects.filter(ingangsdatum__gt=today).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("today", BOUNDARY_DAYS, ids=str)
def test_the_tegenprestatie_demo_hours_are_valid_on_calendar_boundaries(today, wijkteam):
    for i in range(60):
        DossierFactory(client=ClientFactory(wijkteam=wijkteam), startdatum=date(2020, 1 + i % 12, 1))
    with time_machine.travel(at(today), tick=False):
        tegenprestatie_demo.load(stdout=io.StringIO())
    _assert_hours_valid(today)


def _assert_hours_valid(today: date) -> None:
    # tegenprestatie: recent hours, never in the current week, within the yearly cap of the ISO year
    this_week = tp_rules.IsoWeek.of(today)
    logs = list(HourLog.objects.select_related("placement"))
    assert logs, "no hour registrations"
    assert max(log.week_start for log in logs) == this_week.shift(-1).monday
    for log in logs:
        week = tp_rules.IsoWeek.of(log.week_start)
        assert (log.iso_year, log.iso_week, log.week_start) == (week.year, week.week, week.monday)
        assert log.month == week.reference_date.replace(day=1)
        tp_rules.check_week_in_placement(
            week=log.week, start=log.placement.start_date, end=log.placement.end_date
        )
    weeks = Counter((log.client_id, log.iso_year) for log in logs if log.hours > 0)
    assert max(weeks.values()) <= 44
    recent = this_week.shift(-13).monday
    assert any(log.week_start >= recent for log in logs)
