"""Issue 14, finding 1: a work item names a client, so it reaches exactly the people who may see that client.
The attack: a client's coach was set to the financien user; after due_work ran, financien's work list showed the
client's name and review date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases import services
from operations.jobs.models import WorkItem
from operations.jobs.selectors import work_items_for
from operations.jobs.services import refresh_work_items

from ..factories import AanvraagFactory, ClientFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 2)


def _overdue_aanvraag(subject):
    return AanvraagFactory(client=subject, aanvraagdatum=TODAY - timedelta(weeks=9))


def test_item_for_a_client_whose_coach_is_financien_never_reaches_financien(client, make_user, wijkteam):
    finance = make_user(Role.FINANCE)
    subject = ClientFactory(
        wijkteam=wijkteam, coach=finance
    )  # wrong data from before the rule (direct write)
    _overdue_aanvraag(subject)
    refresh_work_items(today=TODAY)
    client.force_login(finance)
    body = client.get(reverse("jobs:inbox")).content.decode()
    assert subject.achternaam not in body


def test_such_an_item_goes_to_the_coordinator_of_the_clients_wijkteam(make_user, wijkteam):
    finance = make_user(Role.FINANCE)
    coordinator = make_user(Role.COORDINATOR, wijkteam=wijkteam)
    subject = ClientFactory(wijkteam=wijkteam, coach=finance)
    _overdue_aanvraag(subject)
    refresh_work_items(today=TODAY)
    item = WorkItem.objects.get(client=subject)
    assert item.assignee is None and item.role == Role.COORDINATOR
    assert list(work_items_for(coordinator)) == [item]


def test_an_item_assigned_to_someone_without_access_is_not_shown_to_them(make_user, wijkteam):
    finance = make_user(Role.FINANCE)
    subject = ClientFactory(wijkteam=wijkteam)
    WorkItem.objects.create(
        kind=WorkItem.Kind.OUT_OF_VIEW,
        subject_key=f"client:{subject.pk}",
        assignee=finance,
        client=subject,
        wijkteam=subject.wijkteam,
        message=f"{subject.full_name}: nog geen contact",
        first_seen=TODAY,
        last_seen=TODAY,
    )
    assert not work_items_for(finance).exists()


def test_after_a_move_the_old_coach_no_longer_sees_the_clients_items(make_user, wijkteam, other_wijkteam):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    subject = ClientFactory(wijkteam=wijkteam, coach=coach)
    _overdue_aanvraag(subject).__class__.objects.filter(client=subject).update(consulent=coach)
    refresh_work_items(today=TODAY)
    assert work_items_for(coach).filter(client=subject).exists()
    services.move_client(
        actor=make_user(Role.COORDINATOR, wijkteam=wijkteam),
        client=subject,
        wijkteam=other_wijkteam,
        reden="Verhuisd",
    )
    assert not work_items_for(coach).filter(client=subject).exists()  # before the job runs again
    refresh_work_items(today=TODAY)
    item = WorkItem.objects.get(client=subject, resolved_on__isnull=True)
    assert item.assignee is None and item.wijkteam == other_wijkteam  # the consulent lost sight: coordinator
    assert list(work_items_for(make_user(Role.COORDINATOR, wijkteam=other_wijkteam))) == [item]


def test_finance_still_gets_its_budget_alerts(make_user):
    finance = make_user(Role.FINANCE)
    alert = WorkItem.objects.create(
        kind=WorkItem.Kind.BUDGET_ALERT,
        subject_key="buig:2026:basis",
        role=Role.FINANCE,
        message="BUIG 2026: verwacht tekort",
        first_seen=TODAY,
        last_seen=TODAY,
    )
    assert list(work_items_for(finance)) == [alert]
