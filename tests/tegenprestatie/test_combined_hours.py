"""Tegenprestatie + re-integration ≤ 20 hours in every week of every overlap, from whichever side is written:
a placement, a trajectory, a change of hours or a later trajectory end."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from participation import services as participation_services
from participation.models import Trajectory
from tegenprestatie import services
from tegenprestatie.models import Placement
from tests.participation.factories import TrajectoryFactory
from tests.tegenprestatie.factories import propose

pytestmark = pytest.mark.django_db


def deploy(coach, client, *, start, hours, end=None):
    return participation_services.deploy_instrument(
        actor=coach,
        client=client,
        instrument="werkervaringsplek",
        start=start,
        end=end,
        hours_per_week=D(hours),
        provider="Werkplein Twente",
        cost=D("1250"),
    )


def test_a_placement_is_refused_when_a_later_trajectory_pushes_a_week_over_20_hours(
    coach, client_in_team, in_group
):
    client = in_group(client_in_team)
    TrajectoryFactory(client=client, group=2, start=date(2027, 1, 4), hours_per_week=D("10"))
    with pytest.raises(ValidationError) as exc:
        propose(coach, client, agreed_hours=D("12"), start_date=date(2026, 12, 7))
    assert exc.value.message_dict["agreed_hours"] == [
        "Maximaal 20 uur per week samen vanaf 04-01-2027 (week 2027-W01): "
        "tegenprestatie 12 uur + re-integratie 10 uur = 22 uur."
    ]


def test_a_placement_after_a_trajectory_has_ended_is_admitted(coach, client_in_team, in_group):
    client = in_group(client_in_team)
    TrajectoryFactory(
        client=client, group=2, start=date(2026, 1, 5), end=date(2026, 12, 31), hours_per_week=D("10")
    )
    assert propose(coach, client, agreed_hours=D("12"), start_date=date(2027, 1, 4)).pk


def test_a_trajectory_that_pushes_a_week_over_20_hours_is_refused(coach, client_in_team, in_group):
    client = in_group(client_in_team, hours="10")
    propose(coach, client, agreed_hours=D("10"), activate=True)
    with pytest.raises(ValidationError) as exc:
        deploy(coach, client, start=date(2026, 4, 6), hours="5")
    assert exc.value.message_dict["hours_per_week"] == [
        "Maximaal 20 uur per week samen: tegenprestatie 10 uur + re-integratie 15 uur = 25 uur. "
        "Verlaag of beëindig eerst de tegenprestatie: re-integratie gaat voor."
    ]
    assert Trajectory.objects.filter(client=client).count() == 1


def test_a_trajectory_without_a_placement_in_its_period_is_not_limited(coach, client_in_team, in_group):
    client = in_group(client_in_team)
    propose(coach, client, agreed_hours=D("10"), start_date=date(2026, 3, 2))
    Placement.objects.filter(client=client).update(end_date=date(2026, 3, 29))
    assert deploy(coach, client, start=date(2026, 3, 30), hours="24").pk


def test_raising_the_hours_is_refused_when_a_later_trajectory_overlaps(coach, client_in_team, in_group):
    client = in_group(client_in_team)
    placement = propose(coach, client, agreed_hours=D("8"), activate=True)
    TrajectoryFactory(client=client, group=2, start=date(2026, 9, 7), hours_per_week=D("10"))
    with pytest.raises(ValidationError) as exc:
        services.change_agreed_hours(
            actor=coach, placement=placement, agreed_hours=D("12"), on=date(2026, 4, 6)
        )
    assert "vanaf 07-09-2026 (week 2026-W37)" in exc.value.message_dict["agreed_hours"][0]


def test_a_later_trajectory_end_into_a_placement_is_refused(coach, client_in_team, in_group):
    client = in_group(client_in_team)
    trajectory = deploy(coach, client, start=date(2026, 1, 5), end=date(2026, 2, 27), hours="15")
    propose(coach, client, agreed_hours=D("8"), start_date=date(2026, 3, 2), activate=True)
    with pytest.raises(ValidationError) as exc:
        participation_services.close_trajectory(
            actor=coach, trajectory=trajectory, end=date(2026, 3, 31), outcome="doel_bereikt"
        )
    assert "tegenprestatie 8 uur + re-integratie 15 uur = 23 uur" in exc.value.message_dict["end"][0]
