"""Demo data: idempotent, a few hundred placements, and within every rule by construction."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models import Count, Sum

from tegenprestatie import demo, rules
from tegenprestatie.models import HostOrganisation, HourLog, Placement
from tests.factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def demo_loaded(wijkteam):
    for _ in range(60):
        DossierFactory(client=ClientFactory(wijkteam=wijkteam))
    with time_machine.travel(
        TODAY, tick=False
    ):  # built relative to today; boundary days: tests/test_demo_dates.py
        demo.load(stdout=io.StringIO())


def test_demo_is_idempotent(demo_loaded):
    before = (HostOrganisation.objects.count(), Placement.objects.count(), HourLog.objects.count())
    out = io.StringIO()
    demo.load(stdout=out)
    assert (HostOrganisation.objects.count(), Placement.objects.count(), HourLog.objects.count()) == before
    assert "overgeslagen" in out.getvalue()


def test_demo_has_one_host_without_declaration(demo_loaded):
    assert HostOrganisation.objects.filter(declaration_signed_on__isnull=True).count() == 1
    assert not Placement.objects.filter(host__isnull=False, host__declaration_signed_on__isnull=True).exists()


def test_demo_hours_respect_the_caps(demo_loaded):
    assert HourLog.objects.exists()
    weekly = HourLog.objects.values("client_id", "week_start").annotate(h=Sum("hours"))
    assert max(row["h"] for row in weekly) <= Decimal("20")
    yearly = (
        HourLog.objects.filter(hours__gt=0)
        .values("client_id", "iso_year")
        .annotate(n=Count("week_start", distinct=True))
    )
    assert max(row["n"] for row in yearly) <= 44
    for log in HourLog.objects.select_related("placement"):
        rules.check_week_in_placement(
            week=log.week, start=log.placement.start_date, end=log.placement.end_date
        )
