"""Demo data: idempotent, a few hundred placements, and within every rule by construction."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.db.models import Count, Sum

from tegenprestatie import demo, rules
from tegenprestatie.models import HostOrganisation, HourLog, Placement
from tests.factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded(wijkteam):
    for _ in range(60):
        DossierFactory(client=ClientFactory(wijkteam=wijkteam))
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
