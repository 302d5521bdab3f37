"""Factories for tegenprestatie rows written directly (tests of reads); writes go through the services."""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal

import factory

from tegenprestatie import rules, services
from tegenprestatie.models import Activity, HostOrganisation, HourLog, Placement
from tests.factories import ClientFactory

_CATALOGUE = importlib.import_module("tegenprestatie.migrations.0002_activity_catalogue")


def activity(code: str = "buurthuis") -> Activity:
    """Activities are reference data from the migration (re-created here after a transactional flush)."""
    imposed = dict(_CATALOGUE.IMPOSED)
    chosen = {c: (name, host, desc) for c, name, host, desc in _CATALOGUE.SELF_CHOSEN}
    if code in imposed:
        defaults = {"name": imposed[code], "kind": "opgelegd"}
    else:
        name, host, desc = chosen[code]
        defaults = {"name": name, "kind": "zelfgekozen", "needs_host": host, "needs_description": desc}
    return Activity.objects.get_or_create(code=code, defaults=defaults)[0]


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


def propose(coach, client, **overrides):
    """``services.propose_placement`` with the defaults the service tests share (buurthuis, 8 h from 02-03-2026)."""
    values = {
        "actor": coach,
        "client": client,
        "activity": activity("buurthuis"),
        "host": HostFactory(),
        "self_chosen": False,
        "phase": 2,
        "agreed_hours": Decimal("8"),
        "start_date": date(2026, 3, 2),
    }
    values.update(overrides)
    return services.propose_placement(**values)
