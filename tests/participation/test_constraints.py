"""Database invariants of participation, including one current group per client under concurrent requests."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from almelo_sociaal.accounts.roles import Role
from participation import services
from participation.models import GroupAssignment
from tests.factories import ClientFactory

from .factories import AssignmentFactory, ProfileFactory, TrajectoryFactory


@pytest.mark.django_db
def test_two_current_assignments_for_one_client_refused_by_the_database(client_in_team):
    AssignmentFactory(client=client_in_team, group=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(client=client_in_team, group=3)


@pytest.mark.django_db
def test_closed_assignments_may_coexist_with_the_current_one(client_in_team):
    AssignmentFactory(client=client_in_team, group=3, valid_from=date(2025, 1, 1), valid_to=date(2025, 6, 1))
    AssignmentFactory(client=client_in_team, group=2, valid_from=date(2025, 6, 1), valid_to=date(2026, 1, 1))
    AssignmentFactory(client=client_in_team, group=1, valid_from=date(2026, 1, 1))
    assert GroupAssignment.objects.filter(client=client_in_team).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("group", [-2, 5])
def test_group_outside_range_refused_by_the_database(client_in_team, group):
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(client=client_in_team, group=group)


@pytest.mark.django_db
def test_assignment_ending_before_it_starts_refused(client_in_team):
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(client=client_in_team, valid_from=date(2026, 2, 1), valid_to=date(2026, 1, 31))


@pytest.mark.django_db
@pytest.mark.parametrize("trede", [0, 7])
def test_ladder_trede_outside_1_to_6_refused(client_in_team, trede):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileFactory(client=client_in_team, trede=trede)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"hours_per_week": Decimal("40.5")},
        {"cost": Decimal("-1")},
        {"end": date(2026, 1, 1)},  # before the start (12 Jan 2026)
        {"outcome": "werk"},  # an outcome needs an end date
    ],
    ids=["hours", "cost", "period", "outcome"],
)
def test_trajectory_invariants(client_in_team, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        TrajectoryFactory(client=client_in_team, **fields)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_leave_exactly_one_current_group(make_user, wijkteam):
    """Eight coaches decide at the same moment: the client row lock serialises them, every decision closes the
    previous one, and exactly one current group remains."""
    assert connection.vendor == "postgresql"
    client = ClientFactory(wijkteam=wijkteam)
    coach = make_user(Role.COACH, wijkteam=wijkteam, password=None)
    workers = 8
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def decide(group: int) -> None:
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            services.assign_group(
                actor=coach, client=client, group=group, reason="gelijktijdig", valid_from=date(2026, 3, 2)
            )
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(i % 6 - 1,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    rows = GroupAssignment.objects.filter(client=client)
    assert rows.count() == workers
    assert rows.filter(valid_to__isnull=True).count() == 1
    assert rows.filter(valid_to=date(2026, 3, 2)).count() == workers - 1
