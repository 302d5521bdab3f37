from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases.models import Contact
from operations.jobs import tasks
from operations.jobs.models import JobRun, WorkItem
from operations.jobs.selectors import work_items_for
from operations.jobs.services import refresh_work_items

from ..factories import AanvraagFactory, ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def coach(make_user, wijkteam):
    return make_user(Role.COACH, wijkteam=wijkteam)


def _assign(client, group, coach, review_due):
    from participation.models import GroupAssignment

    return GroupAssignment.objects.create(
        client=client,
        group=group,
        valid_from=TODAY - timedelta(days=400),
        review_due=review_due,
        decided_by=coach,
    )


def test_overdue_aanvraag_and_toetsing_items(coach, wijkteam, make_user):
    client = ClientFactory(wijkteam=wijkteam, coach=coach)
    late = AanvraagFactory(client=client, aanvraagdatum=TODAY - timedelta(weeks=9), consulent=coach)
    draft = AanvraagFactory(
        client=client,
        regeling="ioaw",
        status="in_behandeling",
        concept_besluit="afwijzen",
        concept_door=coach,
    )
    refresh_work_items(today=TODAY)
    assert set(WorkItem.objects.values_list("kind", "subject_key")) == {
        ("beslistermijn", f"aanvraag:{late.pk}"),
        ("toetsing", f"aanvraag:{draft.pk}"),
    }
    toetser = make_user(Role.TOETSER)
    assert [i.kind for i in work_items_for(toetser)] == ["toetsing"]
    assert [i.kind for i in work_items_for(coach)] == ["beslistermijn"]


def test_rerun_deduplicates_and_resolves(coach, wijkteam):
    client = ClientFactory(wijkteam=wijkteam, coach=coach)
    late = AanvraagFactory(client=client, aanvraagdatum=TODAY - timedelta(weeks=9))
    refresh_work_items(today=TODAY)
    refresh_work_items(today=TODAY)
    assert WorkItem.objects.count() == 1
    late.status = "afgewezen"
    late.save()
    refresh_work_items(today=TODAY)
    item = WorkItem.objects.get()
    assert item.resolved_on == TODAY


def test_review_due_and_out_of_view(coach, wijkteam):
    due = ClientFactory(wijkteam=wijkteam, coach=coach)
    DossierFactory(client=due, startdatum=TODAY - timedelta(days=500))
    _assign(due, 2, coach, review_due=TODAY + timedelta(days=3))
    Contact.objects.create(
        client=due, date=TODAY - timedelta(weeks=7), kind="gesprek"
    )  # group 2: every 6 weeks
    fine = ClientFactory(wijkteam=wijkteam, coach=coach)
    DossierFactory(client=fine, startdatum=TODAY - timedelta(days=500))
    _assign(fine, 3, coach, review_due=TODAY + timedelta(days=200))
    Contact.objects.create(
        client=fine, date=TODAY - timedelta(weeks=7), kind="telefoon"
    )  # group 3: every 8 weeks
    refresh_work_items(today=TODAY)
    items = {(i.kind, i.client_id) for i in work_items_for(coach)}
    assert items == {("herbeoordeling", due.pk), ("uit_beeld", due.pk)}


def test_budget_alert_goes_to_finance(make_user):
    from budget.models import BudgetYear, ForecastRun

    year = BudgetYear.objects.create(year=TODAY.year)
    ForecastRun.objects.create(
        budget_year=year,
        scenario="basis",
        run_on=TODAY,
        method="caseload",
        lasten=Decimal("40000000"),
        budget_amount=Decimal("38000000"),
        tekort=Decimal("2000000"),
        tekort_pct=Decimal("5.26"),
    )
    refresh_work_items(today=TODAY)
    finance = make_user(Role.FINANCE)
    [item] = work_items_for(finance)
    assert item.kind == "budget_tekort" and "5.26%" in item.message


def test_failing_task_is_retried_then_shown_as_failed(monkeypatch, make_user, client):
    def boom(**kwargs):
        raise RuntimeError("database weg")

    from celery.exceptions import Retry

    monkeypatch.setitem(tasks.WORK, "due_work", boom)
    for attempt in range(3):  # eager mode: each retry is one apply(); a worker schedules them with backoff
        with pytest.raises(Retry) as exc:
            tasks.due_work.apply(retries=attempt)
        assert exc.value.when == 30 * 2**attempt
    with pytest.raises(RuntimeError):
        tasks.due_work.apply(retries=3)
    statuses = list(JobRun.objects.order_by("id").values_list("attempt", "status"))
    assert statuses[-1] == (4, "failed")
    assert [s for _, s in statuses[:-1]] == ["retrying"] * 3
    client.force_login(make_user(Role.BEHEER))
    body = client.get(reverse("jobs:status")).content.decode()
    assert "database weg" in body


def test_inbox_page_lists_own_items(client, coach, wijkteam, make_user):
    subject = ClientFactory(wijkteam=wijkteam, coach=coach)
    AanvraagFactory(client=subject, aanvraagdatum=TODAY - timedelta(weeks=9), consulent=coach)
    other_coach = make_user(Role.COACH, wijkteam=wijkteam)
    refresh_work_items(today=TODAY)
    client.force_login(coach)
    assert subject.achternaam in client.get(reverse("jobs:inbox")).content.decode()
    client.force_login(other_coach)
    assert subject.achternaam not in client.get(reverse("jobs:inbox")).content.decode()


def test_run_job_command(capsys):
    from django.core.management import call_command

    call_command("run_job", "caseload_snapshot")
    assert JobRun.objects.get().status == "success"


def test_budget_entry_refreshes_the_finance_alert(make_user, django_capture_on_commit_callbacks):
    from budget import services as budget_services

    finance = make_user(Role.FINANCE)
    budget_services.create_year(year=TODAY.year, caseload_uitgangspunt=2900, actor=finance)
    assert not WorkItem.objects.filter(kind="budget_tekort").exists()
    with django_capture_on_commit_callbacks(execute=True):  # the recompute runs after commit
        budget_services.record_revision(
            year=TODAY.year,
            kind="voorlopig",
            amount=Decimal("30000000"),
            published_on=TODAY,
            source="test",
            actor=finance,
        )
    # 2,900 × € 15,000 = € 43.5 M against € 30 M: far above the signal threshold
    alerts = list(work_items_for(finance))
    assert alerts and all(a.kind == "budget_tekort" for a in alerts)
    assert any("scenario basis" in a.message for a in alerts)
