from datetime import date, timedelta

import pytest

from almelo_sociaal.accounts.roles import Role
from cases.models import Uitkeringsdossier
from operations.dashboards import services
from operations.dashboards.models import NO_GROUP, CaseloadSnapshot, CoachLoadSnapshot
from operations.jobs.models import JobRun
from operations.jobs.services import run_job

from ..factories import ClientFactory, DossierFactory

pytestmark = pytest.mark.django_db


def _rows(period="maand", day=date(2020, 5, 1)):
    return sorted(
        CaseloadSnapshot.objects.filter(period=period, date=day).values_list(
            "wijkteam_id", "group", "regeling", "active", "instroom", "uitstroom"
        )
    )


@pytest.fixture
def caseload(wijkteam, other_wijkteam, make_user):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    a = ClientFactory(wijkteam=wijkteam, coach=coach)
    b = ClientFactory(wijkteam=wijkteam, coach=coach)
    c = ClientFactory(wijkteam=other_wijkteam)
    DossierFactory(client=a, startdatum=date(2019, 1, 1))  # running
    DossierFactory(client=b, startdatum=date(2020, 5, 10))  # instroom in May
    DossierFactory(
        client=c, startdatum=date(2018, 1, 1), einddatum=date(2020, 5, 20), eindreden="werk"
    )  # uitstroom
    DossierFactory(client=c, startdatum=date(2020, 4, 1), regeling="tozo")
    return wijkteam, other_wijkteam, coach


def test_month_snapshot_counts_active_instroom_uitstroom(caseload):
    team, other, coach = caseload
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    assert _rows() == sorted(
        [
            (team.pk, NO_GROUP, "bijstand", 2, 1, 0),
            (other.pk, NO_GROUP, "bijstand", 0, 0, 1),
            (other.pk, NO_GROUP, "tozo", 1, 0, 0),
        ]
    )


def test_snapshot_matches_a_direct_count(caseload):
    services.take_caseload_snapshot(period="dag", day=date(2020, 5, 15))
    total = sum(r[3] for r in _rows("dag", date(2020, 5, 15)))
    direct = (
        Uitkeringsdossier.objects.filter(startdatum__lte=date(2020, 5, 15))
        .exclude(einddatum__lte=date(2020, 5, 15))
        .count()
    )
    assert total == direct == 4


def test_rerun_is_idempotent(caseload):
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    first = _rows()
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    assert _rows() == first
    assert CaseloadSnapshot.objects.filter(period="maand", date=date(2020, 5, 1)).count() == len(first)


def test_participation_group_is_a_dimension(caseload, make_user):
    from participation.models import GroupAssignment

    team, _, coach = caseload
    client = team.clients.first()
    GroupAssignment.objects.create(
        client=client, group=2, valid_from=date(2020, 1, 1), review_due=date(2020, 7, 1), decided_by=coach
    )
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    groups = dict(
        CaseloadSnapshot.objects.filter(period="maand", date=date(2020, 5, 1), wijkteam=team).values_list(
            "group", "active"
        )
    )
    assert groups == {2: 1, NO_GROUP: 1}


def test_a_job_killed_midway_leaves_nothing_half_written_and_a_rerun_is_correct(caseload, monkeypatch):
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    expected = _rows()
    CaseloadSnapshot.objects.all().delete()

    def crash(day):
        raise RuntimeError("worker killed")

    monkeypatch.setattr(services, "_coach_load", crash)
    with pytest.raises(RuntimeError):
        run_job(
            job="caseload_snapshot",
            params={},
            work=lambda: services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1)),
        )
    assert not CaseloadSnapshot.objects.exists()  # the transaction rolled back
    assert JobRun.objects.get().status == JobRun.Status.FAILED
    monkeypatch.undo()
    run_job(
        job="caseload_snapshot",
        params={},
        work=lambda: services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1)),
    )
    assert _rows() == expected


def test_coach_load(caseload):
    team, _, coach = caseload
    services.take_caseload_snapshot(period="dag", day=date(2020, 5, 15))
    assert CoachLoadSnapshot.objects.get(coach=coach, date=date(2020, 5, 15)).clients == 2


def test_backfill_writes_each_month(caseload):
    services.backfill(start=date(2020, 1, 1), end=date(2020, 6, 30))
    months = set(CaseloadSnapshot.objects.filter(period="maand").values_list("date", flat=True))
    assert months == {date(2020, m, 1) for m in range(1, 7)}


def test_corrected_dimension_disappears_on_rerun(caseload):
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    Uitkeringsdossier.objects.filter(regeling="tozo").delete()
    services.take_caseload_snapshot(period="maand", day=date(2020, 5, 1))
    assert not CaseloadSnapshot.objects.filter(regeling="tozo").exists()


def test_yesterday_is_fine_too(caseload):
    assert services.take_caseload_snapshot(period="dag", day=date.today() - timedelta(days=1)) > 0
