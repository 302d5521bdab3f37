"""Work that updates itself: an item leaves Mijn werk as soon as its cause is handled, not at the nightly run."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases.models import Contact
from operations.jobs.models import WorkItem
from operations.jobs.services import refresh_work_items
from participation.models import GroupAssignment

from ..factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)


@pytest.fixture
def coach(make_user, wijkteam):
    return make_user(Role.COACH, wijkteam=wijkteam)


@pytest.fixture
def subject(coach, wijkteam):
    client = ClientFactory(wijkteam=wijkteam, coach=coach)
    DossierFactory(client=client, startdatum=TODAY - timedelta(days=500))
    GroupAssignment.objects.create(
        client=client,
        group=2,
        valid_from=TODAY - timedelta(days=400),
        review_due=TODAY + timedelta(days=3),
        decided_by=coach,
    )
    Contact.objects.create(client=client, date=TODAY - timedelta(weeks=7), kind="gesprek")
    return client


def _open_kinds(client, coach):
    response = client.get(reverse("jobs:inbox"))
    return {i.kind for i in response.context["page"].object_list}


@time_machine.travel(TODAY)
def test_contact_resolves_out_of_view_at_once(client, coach, subject):
    refresh_work_items(today=TODAY)
    client.force_login(coach)
    assert WorkItem.Kind.OUT_OF_VIEW in _open_kinds(client, coach)
    Contact.objects.create(client=subject, date=TODAY, kind="telefoon", recorded_by=coach)
    assert WorkItem.Kind.OUT_OF_VIEW not in _open_kinds(client, coach)
    assert WorkItem.objects.get(kind=WorkItem.Kind.OUT_OF_VIEW).resolved_on == TODAY


@time_machine.travel(TODAY)
def test_new_review_date_resolves_the_review_item_at_once(client, coach, subject):
    refresh_work_items(today=TODAY)
    client.force_login(coach)
    assert WorkItem.Kind.REVIEW_DUE in _open_kinds(client, coach)
    GroupAssignment.objects.filter(client=subject).update(valid_to=TODAY)
    GroupAssignment.objects.create(
        client=subject, group=2, valid_from=TODAY, review_due=TODAY + timedelta(days=365), decided_by=coach
    )
    assert WorkItem.Kind.REVIEW_DUE not in _open_kinds(client, coach)


@time_machine.travel(TODAY)
def test_old_contact_does_not_resolve(client, coach, subject):
    refresh_work_items(today=TODAY)
    client.force_login(coach)
    Contact.objects.create(
        client=subject, date=TODAY - timedelta(weeks=8), kind="telefoon", recorded_by=coach
    )
    assert WorkItem.Kind.OUT_OF_VIEW in _open_kinds(client, coach)
