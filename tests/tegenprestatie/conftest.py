from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tegenprestatie.access import HOST_CONTACT
from tests.factories import ClientFactory
from tests.participation.factories import AssignmentFactory, TrajectoryFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory


@pytest.fixture
def in_group(db):
    """in_group(client, group=2, hours=None): a participation group (and re-integration hours) since 2025."""

    def _assign(client, group: int = 2, hours: str | None = None):
        AssignmentFactory(client=client, group=group, valid_from=date(2025, 1, 1))
        if hours:
            TrajectoryFactory(
                client=client, group=group, start=date(2025, 1, 1), hours_per_week=Decimal(hours)
            )
        return client

    return _assign


@pytest.fixture
def host(db):
    return HostFactory()


@pytest.fixture
def host_contact(make_user, host):
    user = make_user(HOST_CONTACT)
    host.contact_users.add(user)
    return user


@pytest.fixture
def placement(db, wijkteam, host):
    return PlacementFactory(client=ClientFactory(wijkteam=wijkteam), host=host)


TODAY = date(2026, 12, 1)  # a Tuesday in 2026-W49: every week of the tests' 2026 data has begun


@pytest.fixture(autouse=True)
def _pinned_today():
    """Registration depends on today (no attendance for a week that has not begun): pin it for every test."""
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield
