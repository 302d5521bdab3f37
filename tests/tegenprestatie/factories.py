"""Factories for tegenprestatie rows written directly (tests of reads); writes go through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from tegenprestatie import rules
from tegenprestatie.models import Activity, HostOrganisation, HourLog, Placement
from tests.factories import ClientFactory


def activity(code: str = "buurthuis") -> Activity:
    """Activities are reference data from the migration."""
    return Activity.objects.get(code=code)


class HostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostOrganisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Buurthuis De Riet {n}")
    kind = "buurthuis"
    street = "Rietstraat 1"
    postcode = "7601AA"
    contact_name = "M. Jansen"
    declaration_signed_on = date(2025, 12, 1)
    declaration_signed_by = "M. Jansen, coördinator"


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    client = factory.SubFactory(ClientFactory)
    host = factory.SubFactory(HostFactory)
    activity = factory.LazyFunction(lambda: activity("buurthuis"))
    self_chosen = False
    phase = 3
    agreed_hours = Decimal("8")
    start_date = date(2026, 1, 5)
    status = rules.ACTIVE


def log_hours(
    placement: Placement, week: rules.IsoWeek, hours: str | Decimal, attendance: str = rules.PRESENT
):
    return HourLog.objects.create(
        placement=placement,
        client_id=placement.client_id,
        week_start=week.monday,
        iso_year=week.year,
        iso_week=week.week,
        month=week.reference_date.replace(day=1),
        hours=Decimal(hours),
        attendance=attendance,
    )
