"""Demo data: idempotent, and never a state the product itself would refuse."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.db.models import Count

from almelo_sociaal.accounts.roles import Role
from participation import demo, rules
from participation.models import GroupAssignment, Profile, Trajectory
from tests.factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 2)


@pytest.fixture
def caseload(make_user, wijkteam):
    coach = make_user(Role.COACH, wijkteam=wijkteam, password=None)
    make_user(Role.BEHEER, password=None)
    for i in range(60):
        client = ClientFactory(wijkteam=wijkteam, coach=coach, birth_date=date(1960 + i % 40, 3, 1))
        DossierFactory(client=client, startdatum=date(2018 + i % 9, 1 + i % 12, 1))
    for i in range(5):  # left the bijstand for (temporary) work recently: prevention candidates
        client = ClientFactory(wijkteam=wijkteam, coach=coach)
        DossierFactory(
            client=client, startdatum=date(2024, 1, 1), einddatum=date(2026, 9, 1 + i), eindreden="werk"
        )


def test_demo_is_idempotent(caseload):
    demo.load(stdout=io.StringIO(), today=TODAY)
    counts = (Profile.objects.count(), GroupAssignment.objects.count(), Trajectory.objects.count())
    out = io.StringIO()
    demo.load(stdout=out, today=TODAY)
    assert (Profile.objects.count(), GroupAssignment.objects.count(), Trajectory.objects.count()) == counts
    assert "overgeslagen" in out.getvalue()


def test_demo_gives_most_clients_a_group_and_one_current_each(caseload):
    demo.load(stdout=io.StringIO(), today=TODAY)
    current = GroupAssignment.objects.filter(valid_to__isnull=True)
    assert current.count() >= 40
    assert not current.values("client").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_demo_prevention_clients_are_suggested_group_minus_1(caseload):
    demo.load(stdout=io.StringIO(), today=TODAY)
    prevention = Profile.objects.filter(in_uitkering=False)
    assert prevention.count() == 5
    assert set(prevention.values_list("suggested_group", flat=True)) == {-1}


def test_demo_deviations_carry_a_reason(caseload):
    demo.load(stdout=io.StringIO(), today=TODAY)
    for a in GroupAssignment.objects.all():
        assert (a.group != a.suggested_group) == bool(a.reason)


def test_demo_trajectories_respect_the_instrument_groups(caseload):
    demo.load(stdout=io.StringIO(), today=TODAY)
    assert Trajectory.objects.exists()
    for t in Trajectory.objects.all():
        assert rules.instrument_allowed_for_group(t.instrument, t.group), t
