"""Browser pages of participation: permissions per role on every page, the flows, and query counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from participation.models import GroupAssignment, Profile, Trajectory
from tests.factories import ClientFactory, DossierFactory

from .factories import AssignmentFactory, ProfileFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db
R = Role
READ = {R.COACH, R.COORDINATOR, R.MATCHER, R.INTAKER, R.BEHEER}
WRITE = {R.COACH, R.BEHEER}

PAGES = {
    # name: (url builder(client, trajectory), roles that get 200)
    "list": (lambda c, t: reverse("participation:list"), READ),
    "dashboard": (lambda c, t: reverse("participation:dashboard"), {R.COORDINATOR, R.BEHEER}),
    "instruments": (lambda c, t: reverse("participation:instruments"), READ),
    "client": (lambda c, t: reverse("participation:client", args=[c.pk]), READ),
    "profile-create": (lambda c, t: reverse("participation:profile-create", args=[c.pk]), WRITE),
    "assign": (lambda c, t: reverse("participation:assign", args=[c.pk]), WRITE),
    "trajectory-create": (lambda c, t: reverse("participation:trajectory-create", args=[c.pk]), WRITE),
    "trajectory-close": (lambda c, t: reverse("participation:trajectory-close", args=[t.pk]), WRITE),
}


@pytest.fixture
def subject(wijkteam):
    client = ClientFactory(wijkteam=wijkteam)
    ProfileFactory(client=client)
    AssignmentFactory(client=client)
    return client


@pytest.mark.parametrize("role", [None, *Role])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_permission_matrix(client, make_user, wijkteam, subject, page, role):
    trajectory = TrajectoryFactory(client=subject)
    url_for, allowed = PAGES[page]
    url = url_for(subject, trajectory)
    if role is None:
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
        return
    client.force_login(make_user(role, wijkteam=wijkteam))
    response = client.get(url)
    assert response.status_code == (200 if role in allowed else 403), (page, role, response.status_code)


@pytest.mark.parametrize(
    "page", ["client", "profile-create", "assign", "trajectory-create", "trajectory-close"]
)
def test_coach_of_another_wijkteam_gets_404(client, make_user, other_wijkteam, subject, page):
    client.force_login(make_user(R.COACH, wijkteam=other_wijkteam))
    url_for, _ = PAGES[page]
    assert client.get(url_for(subject, TrajectoryFactory(client=subject))).status_code == 404


@pytest.mark.parametrize("page", ["profile-create", "assign", "trajectory-create"])
def test_coordinator_cannot_post(client, make_user, wijkteam, subject, page):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    url_for, _ = PAGES[page]
    assert client.post(url_for(subject, None), {}).status_code == 403


def test_client_page_logs_the_read(client, make_user, wijkteam, subject):
    user = make_user(R.COORDINATOR, wijkteam=wijkteam)
    client.force_login(user)
    client.get(reverse("participation:client", args=[subject.pk]))
    entry = AccessLog.objects.get()
    assert (entry.user, entry.client, entry.purpose) == (user, subject, "GET participation:client")


def test_coordinator_sees_no_edit_buttons(client, make_user, wijkteam, subject):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    body = client.get(reverse("participation:client", args=[subject.pk])).content.decode()
    assert "Groep vaststellen" not in body
    assert "Huidige groep" in body


# --- Flow: profile → suggestion → decision ---

PROFILE_POST = {
    "assessed_on": "2026-03-02",
    "motivatie": "voldoende",
    "kans_arbeidsmarkt": "hoog",
    "opleiding": "voldoende",
    "belemmeringen": "geen",
    "trede": "2",
}


def test_profile_post_redirects_to_the_suggestion(client, make_user, wijkteam, client_in_team):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    response = client.post(reverse("participation:profile-create", args=[client_in_team.pk]), PROFILE_POST)
    assert response.status_code == 302
    assert response["Location"] == reverse("participation:assign", args=[client_in_team.pk])
    body = client.get(response["Location"]).content.decode()
    assert "Groep 0" in body
    assert "kans op de arbeidsmarkt: hoog → groep 0" in body


def test_profile_error_shown_next_to_the_field(client, make_user, wijkteam, client_in_team):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    response = client.post(
        reverse("participation:profile-create", args=[client_in_team.pk]),
        {**PROFILE_POST, "belemmeringen": "fors"},
    )
    assert response.status_code == 400
    assert "Geef aan op welke leefgebieden de belemmeringen liggen." in response.content.decode()
    assert not Profile.objects.exists()


def test_profile_page_shows_duration_from_dossiers(client, make_user, wijkteam, client_in_team):
    DossierFactory(client=client_in_team, startdatum=date(2025, 11, 1))
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    body = client.get(reverse("participation:profile-create", args=[client_in_team.pk])).content.decode()
    expected = (timezone.localdate().year - 2025) * 12 + timezone.localdate().month - 11
    if timezone.localdate().day < 1:
        expected -= 1
    assert f"<strong>{expected} maanden</strong>" in body


def test_deviation_without_reason_shown_next_to_reason(client, make_user, wijkteam, client_in_team):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    client.post(reverse("participation:profile-create", args=[client_in_team.pk]), PROFILE_POST)
    response = client.post(
        reverse("participation:assign", args=[client_in_team.pk]),
        {"group": "2", "reason": "", "valid_from": "2026-03-02"},
    )
    assert response.status_code == 400
    assert "Geef een reden: u kiest groep 2, het voorstel is groep 0." in response.content.decode()
    assert not GroupAssignment.objects.exists()


def test_deviation_with_reason_shows_in_history(client, make_user, wijkteam, client_in_team):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    client.post(reverse("participation:profile-create", args=[client_in_team.pk]), PROFILE_POST)
    response = client.post(
        reverse("participation:assign", args=[client_in_team.pk]),
        {"group": "2", "reason": "Taalniveau onder 1F", "valid_from": "2026-03-02"},
        follow=True,
    )
    body = response.content.decode()
    assert "afwijkend van voorstel groep 0" in body
    assert "Taalniveau onder 1F" in body


def test_deploy_refusal_shown_with_reason(client, make_user, wijkteam, subject):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    response = client.post(
        reverse("participation:trajectory-create", args=[subject.pk]),
        {
            "instrument": "dagbesteding",
            "start": "2026-02-02",
            "hours_per_week": "8",
            "provider": "Zorgboerderij",
            "cost": "900",
        },
    )
    assert response.status_code == 400
    assert "Dagbesteding is niet toegestaan in groep 2 (wel in groep 4)." in response.content.decode()


def test_deploy_and_close_via_the_pages(client, make_user, wijkteam, subject):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    response = client.post(
        reverse("participation:trajectory-create", args=[subject.pk]),
        {
            "instrument": "scholing",
            "start": "2026-02-02",
            "end": "2026-12-31",
            "hours_per_week": "8",
            "provider": "ROC van Twente",
            "cost": "1250",
        },
    )
    assert response.status_code == 302
    trajectory = Trajectory.objects.get()
    response = client.post(
        reverse("participation:trajectory-close", args=[trajectory.pk]),
        {"end": "2026-06-30", "outcome": "doel_bereikt", "outcome_note": "Certificaat behaald"},
    )
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.outcome == "doel_bereikt"


# The list for a coach starts on the own active caseload; these tests look at the whole wijkteam.
WHOLE_TEAM = {"coach": "", "status": ""}


def test_list_filters_by_group(client, make_user, wijkteam):
    a, b = ClientFactory(wijkteam=wijkteam), ClientFactory(wijkteam=wijkteam)
    AssignmentFactory(client=a, group=1)
    AssignmentFactory(client=b, group=4)
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    body = client.get(reverse("participation:list"), {"group": "4", **WHOLE_TEAM}).content.decode()
    assert b.achternaam in body and a.achternaam not in body


def test_list_filters_overdue_reviews(client, make_user, wijkteam):
    late, fine = ClientFactory(wijkteam=wijkteam), ClientFactory(wijkteam=wijkteam)
    AssignmentFactory(client=late, review_due=date(2026, 1, 1))
    AssignmentFactory(client=fine, review_due=date(2099, 1, 1))
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    body = client.get(reverse("participation:list"), {"review": "te_laat", **WHOLE_TEAM}).content.decode()
    assert late.achternaam in body and fine.achternaam not in body


def test_list_shows_only_own_wijkteam(client, make_user, wijkteam, client_in_team, client_elsewhere):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    body = client.get(reverse("participation:list"), WHOLE_TEAM).content.decode()
    assert client_in_team.achternaam in body and client_elsewhere.achternaam not in body


# --- The panel on the lead's client page ---


def test_panel_on_the_client_page(client, make_user, wijkteam, subject):
    client.force_login(make_user(R.COACH, wijkteam=wijkteam))
    panel_url = reverse("cases:client-panel", args=[subject.pk, "participatie"])
    assert panel_url in client.get(reverse("cases:client-detail", args=[subject.pk])).content.decode()
    body = client.get(panel_url).content.decode()
    assert 'data-testid="participation-panel"' in body
    assert "Participatieladder" in body


def test_panel_hidden_for_roles_without_participation_access(client, make_user, wijkteam, subject):
    client.force_login(make_user(R.TOETSER, wijkteam=wijkteam))
    body = client.get(reverse("cases:client-panel", args=[subject.pk, "participatie"])).content.decode()
    assert 'data-testid="participation-panel"' not in body


# --- Coordinator dashboard ---


def test_dashboard_counts_groups_movements_and_ladder(client, make_user, wijkteam):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    up, down = ClientFactory(wijkteam=wijkteam), ClientFactory(wijkteam=wijkteam)
    AssignmentFactory(
        client=up, group=3, valid_from=date(2025, 6, 1), valid_to=date(2026, 2, 1), decided_by=coach
    )
    AssignmentFactory(
        client=up, group=2, valid_from=date(2026, 2, 1), review_due=date(2099, 1, 1), decided_by=coach
    )
    AssignmentFactory(
        client=down, group=1, valid_from=date(2025, 6, 1), valid_to=date(2026, 3, 1), decided_by=coach
    )
    AssignmentFactory(
        client=down, group=2, valid_from=date(2026, 3, 1), review_due=date(2026, 4, 1), decided_by=coach
    )
    ProfileFactory(client=up, assessed_on=date(2025, 6, 1), trede=2)
    ProfileFactory(client=up, assessed_on=date(2026, 2, 1), trede=4)
    TrajectoryFactory(client=up, group=2, instrument="scholing", start=date(2026, 2, 2))
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    response = client.get(
        reverse("participation:dashboard"),
        {"wijkteam": wijkteam.pk, "van": "2026-01-01", "tot": "2026-12-31"},
    )
    ctx = response.context
    assert dict((g, n) for g, _, n in ctx["groups"])[2] == 2
    assert ctx["movements"] == [(1, 2, 1), (3, 2, 1)]
    assert (ctx["moved_closer"], ctx["moved_further"], ctx["ladder_up"]) == (1, 1, 1)
    assert ctx["overdue_count"] == 1
    assert (ctx["caseload"], ctx["without_group"]) == (0, 0)
    assert ctx["instrument_use"] == [("Scholing en training", [0, 0, 0, 1, 0, 0])]


def test_dashboard_counts_caseload_without_group(client, make_user, wijkteam):
    grouped, waiting = ClientFactory(wijkteam=wijkteam), ClientFactory(wijkteam=wijkteam)
    ClientFactory(wijkteam=wijkteam)  # no benefit, no group: not part of the caseload
    for c in (grouped, waiting):
        DossierFactory(client=c, startdatum=date(2025, 1, 1))
    AssignmentFactory(client=grouped, group=1)
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    ctx = client.get(reverse("participation:dashboard")).context
    assert (ctx["caseload"], ctx["with_group"], ctx["without_group"]) == (2, 1, 1)


def test_list_filters_caseload_without_group(client, make_user, wijkteam):
    waiting, idle = ClientFactory(wijkteam=wijkteam), ClientFactory(wijkteam=wijkteam)
    DossierFactory(client=waiting, startdatum=date(2025, 1, 1))
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    body = client.get(reverse("participation:list"), {"group": "geen", "uitkering": "on"}).content.decode()
    assert waiting.achternaam in body and idle.achternaam not in body


def test_coordinator_cannot_pick_another_wijkteam(client, make_user, wijkteam, other_wijkteam):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    response = client.get(
        reverse("participation:dashboard"),
        {"wijkteam": other_wijkteam.pk, "van": "2026-01-01", "tot": "2026-12-31"},
    )
    assert response.context["wijkteam"] == wijkteam


def _populate(wijkteam, n: int, coach):
    clients = ClientFactory.create_batch(n, wijkteam=wijkteam)
    for i, c in enumerate(clients):
        AssignmentFactory(
            client=c,
            group=i % 6 - 1,
            valid_from=date(2025, 1, 1),
            valid_to=date(2026, 2, 1),
            decided_by=coach,
            review_due=date(2025, 7, 1),
        )
        AssignmentFactory(
            client=c,
            group=(i + 1) % 6 - 1,
            valid_from=date(2026, 2, 1),
            decided_by=coach,
            review_due=date(2026, 8, 1) if i % 2 else date(2026, 3, 1),
        )
        ProfileFactory(client=c, author=coach, assessed_on=date(2026, 2, 1), trede=1 + i % 6)
        TrajectoryFactory(
            client=c,
            created_by=coach,
            group=(i + 1) % 6 - 1,
            start=date(2026, 2, 2),
            hours_per_week=Decimal("6"),
        )
    return clients


@pytest.mark.parametrize("n", [10, 200])
def test_dashboard_query_count_is_constant(client, make_user, wijkteam, django_assert_max_num_queries, n):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    _populate(wijkteam, n, coach)
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    with django_assert_max_num_queries(18):
        response = client.get(reverse("participation:dashboard"))
    assert response.context["with_group"] == n


@pytest.mark.parametrize("n", [10, 200])
def test_list_query_count_is_constant(client, make_user, wijkteam, django_assert_max_num_queries, n):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    _populate(wijkteam, n, coach)
    client.force_login(coach)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("participation:list"), WHOLE_TEAM)
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("history", [1, 30])
def test_client_page_query_count_is_constant(
    client, make_user, wijkteam, django_assert_max_num_queries, history
):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    subject = ClientFactory(wijkteam=wijkteam)
    for i in range(history):
        AssignmentFactory(
            client=subject,
            group=i % 5,
            valid_from=date(2020, 1, 1 + i % 28).replace(year=2020 + i // 28),
            valid_to=None if i == history - 1 else date(2026, 1, 1),
            decided_by=coach,
        )
        ProfileFactory(client=subject, author=coach, trede=1 + i % 6)
        TrajectoryFactory(
            client=subject,
            created_by=coach,
            instrument="participatieplaats",
            group=3,
            hours_per_week=Decimal("20"),
        )
    client.force_login(coach)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("participation:client", args=[subject.pk]))
    assert response.status_code == 200


# --- The coach's own caseload (issue 18) ---


def _dossier(subject, start=date(2025, 1, 1)):
    from tests.factories import DossierFactory

    return DossierFactory(client=subject, startdatum=start, einddatum=None)


def test_coach_starts_on_own_active_caseload(client, make_user, wijkteam):
    coach = make_user(R.COACH, wijkteam=wijkteam)
    mine = ClientFactory(wijkteam=wijkteam, coach=coach)
    _dossier(mine)
    ex_client = ClientFactory(wijkteam=wijkteam, coach=coach)  # no running uitkering
    colleague = ClientFactory(wijkteam=wijkteam, coach=make_user(R.COACH, wijkteam=wijkteam))
    _dossier(colleague)
    start = client.post(reverse("login"), {"username": coach.username, "password": "Test-wachtwoord-123"})
    assert start.status_code == 302 and start["Location"] == reverse("participation:list")
    body = client.get(start["Location"]).content.decode()
    assert "<h1>Mijn cliënten</h1>" in body
    assert mine.achternaam in body
    assert ex_client.achternaam not in body and colleague.achternaam not in body
    body = client.get(
        reverse("participation:list"), {"coach": "mij", "status": "uitgestroomd"}
    ).content.decode()
    assert ex_client.achternaam in body and mine.achternaam not in body


@time_machine.travel(date(2026, 12, 1))
def test_caseload_filters_clients_out_of_view(client, make_user, wijkteam):
    from cases.models import Contact

    coach = make_user(R.COACH, wijkteam=wijkteam)
    seen, unseen = (ClientFactory(wijkteam=wijkteam, coach=coach) for _ in range(2))
    for subject in (seen, unseen):
        _dossier(subject)
        AssignmentFactory(client=subject, group=2)
        subject.created_at = subject.created_at.replace(year=2025)
        subject.save(update_fields=["created_at"])
    Contact.objects.create(
        client=seen, date=date(2026, 11, 20), kind="gesprek", summary="Gesprek", recorded_by=coach
    )
    client.force_login(coach)
    body = client.get(reverse("participation:list"), {"coach": "mij", "uit_beeld": "on"}).content.decode()
    assert unseen.achternaam in body and seen.achternaam not in body


def test_coordinator_has_the_same_filters_without_the_coach_choice(client, make_user, wijkteam):
    client.force_login(make_user(R.COORDINATOR, wijkteam=wijkteam))
    form = client.get(reverse("participation:list")).context["form"]
    assert {"status", "group", "review", "uit_beeld"} <= set(form.fields) and "coach" not in form.fields
