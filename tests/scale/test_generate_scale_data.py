"""generate_scale_data: small N on SQLite and (marker postgres) PostgreSQL, where it writes with COPY."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from stdnum.nl import bsn as stdnum_bsn

from cases.models import Aanvraag, Client, Uitkeringsdossier
from cases.rules import bsn_with_check_digit
from devtools.scale.generator import BSN_FIRST_PREFIX, valid_bsns
from devtools.scale.writer import MissingColumn, TableWriter
from operations.dashboards.models import CaseloadSnapshot
from operations.jobs.models import JobRun, WorkItem
from participation.models import GroupAssignment
from tegenprestatie.models import HourLog, Placement
from tegenprestatie.rules import IsoWeek

N = 400


def generate(**kwargs):
    call_command("generate_scale_data", clients=kwargs.pop("clients", N), snapshot_months=2, **kwargs)


def test_vectorised_bsns_are_the_rule_s_bsns():
    expected = [b for p in range(BSN_FIRST_PREFIX, BSN_FIRST_PREFIX + 3000) if (b := bsn_with_check_digit(p))]
    assert [str(b) for b in valid_bsns(len(expected))] == expected


@pytest.mark.django_db
def test_generates_n_clients_with_valid_unique_bsns():
    before = Client.objects.count()
    generate()
    bsns = list(Client.objects.values_list("bsn", flat=True))
    assert len(bsns) == before + N
    assert len(set(bsns)) == len(bsns)
    assert all(stdnum_bsn.is_valid(b) for b in bsns)
    assert not Client.objects.filter(coach__isnull=True).exists()


@pytest.mark.django_db
def test_shapes_follow_the_domain():
    generate(clients=1500)
    running = Uitkeringsdossier.objects.filter(einddatum__isnull=True).count()
    assert 0.15 * 1500 < running < 0.4 * 1500
    assert Aanvraag.objects.filter(status="toegekend").exists()
    assert Aanvraag.objects.filter(status__in=["gemeld", "in_behandeling"]).exists()
    # one current group assignment per client with a running dossier, history before it
    current = GroupAssignment.objects.filter(valid_to__isnull=True)
    assert current.count() <= running
    assert GroupAssignment.objects.filter(valid_to__isnull=False).exists()
    # weekly hours within the 44-week cap, only on placements, in ISO weeks starting on Monday
    assert Placement.objects.exists()
    weeks = Counter(HourLog.objects.filter(hours__gt=0).values_list("client_id", "iso_year"))
    assert weeks and max(weeks.values()) <= 44
    assert all(d.weekday() == 0 for d in HourLog.objects.values_list("week_start", flat=True)[:200])
    assert WorkItem.objects.filter(resolved_on__isnull=True).exists()
    assert CaseloadSnapshot.objects.filter(period="maand").exists()


@pytest.mark.django_db
def test_refuses_a_second_run_without_reset():
    generate()
    with pytest.raises(CommandError, match="--reset"):
        generate()
    assert Client.objects.count() == N


@pytest.mark.django_db
def test_reset_replaces_the_earlier_data():
    generate()
    counts = (Client.objects.count(), Uitkeringsdossier.objects.count(), GroupAssignment.objects.count())
    generate(reset=True)
    assert (
        Client.objects.count(),
        Uitkeringsdossier.objects.count(),
        GroupAssignment.objects.count(),
    ) == counts
    assert JobRun.objects.filter(job="generate_scale_data").count() == 1


@pytest.mark.django_db
def test_the_app_keeps_working_after_generation(make_user):
    """Sequences follow the explicit ids: a client registered afterwards gets a fresh primary key."""
    generate()
    highest = Client.objects.aggregate(m=models.Max("id"))["m"]
    client = Client.objects.first()
    client.pk = None
    client.bsn = "111222333"
    client.save()
    assert client.pk > highest


def test_a_required_column_without_default_is_named():
    with pytest.raises(MissingColumn, match="cases.Client.bsn"):
        TableWriter(Client, ["id"])


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_copy_path_checks_foreign_keys(capsys):
    generate(clients=600)
    assert Client.objects.count() >= 600
    out = capsys.readouterr().out
    assert "verwijzingen gecontroleerd" in out or "Rijen geschreven" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    "today",
    [
        date(2026, 12, 28),  # Monday of 2026-W53
        date(2026, 12, 31),  # the last day of the year, 2026-W53
        date(2027, 1, 1),  # 1 January, still 2026-W53
        date(2027, 1, 4),  # 2027-W01: last week is 2026-W53
        date(2025, 12, 29),  # 2026-W01 starts in December
        date(2028, 2, 29),
    ],
    ids=str,
)
def test_generated_data_are_valid_on_calendar_boundaries(today):
    """Built relative to today: nothing after today, ISO weeks of the right year, the yearly cap of weeks
    with hours per ISO year, and the current and last week left open for registration."""
    noon = datetime.combine(today, datetime.min.time(), tzinfo=ZoneInfo("Europe/Amsterdam")) + timedelta(
        hours=12
    )
    with time_machine.travel(noon, tick=False):
        generate(clients=300)
    assert not Uitkeringsdossier.objects.filter(startdatum__gt=today).exists()
    assert not Uitkeringsdossier.objects.filter(einddatum__gt=today).exists()
    assert not Aanvraag.objects.filter(aanvraagdatum__gt=today).exists()
    assert not Aanvraag.objects.filter(besluitdatum__gt=today).exists()
    assert not GroupAssignment.objects.filter(valid_from__gt=today).exists()
    assert not Placement.objects.filter(start_date__gt=today).exists()
    assert not Placement.objects.filter(end_date__gt=today).exists()
    logs = list(HourLog.objects.all())
    assert logs
    last_week_monday = IsoWeek.of(today).shift(-1).monday
    for log in logs:
        week = IsoWeek.of(log.week_start)
        assert (log.iso_year, log.iso_week, log.week_start) == (week.year, week.week, week.monday)
        assert log.month == week.reference_date.replace(day=1)
        assert log.week_start < last_week_monday  # the current and last week are open
    weeks = Counter((log.client_id, log.iso_year) for log in logs if log.hours > 0)
    assert max(weeks.values()) <= 40
    assert set(CaseloadSnapshot.objects.values_list("date", flat=True)) >= {today}
