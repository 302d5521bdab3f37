"""The query budget of issue 8: every benchmarked page and API list runs at most 12 SQL queries, and the same
number at 300 and at 3,000 clients (generated with the realistic shapes of ``generate_scale_data``).

Counted like the benchmark counts them (tests/perf/probe.py): every statement but transaction control
(BEGIN/COMMIT/SAVEPOINT/RELEASE), so the session read, the user and role lookup, the access-log write and a
session save all count. The request is the second one of its session, as a user's next click is.
"""

from __future__ import annotations

import importlib.util
import io
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from almelo_sociaal.accounts import scopes
from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.events.services import subscribed_types
from budget import demo as budget_demo
from cases.models import Client, Wijkteam
from tegenprestatie.models import HourLog
from tegenprestatie.rules import IsoWeek
from tests.factories import ClientFactory, DossierFactory
from tests.tegenprestatie.factories import PlacementFactory

BUDGET = 12
# The week registration is a write of 10 rows, not a page or list: besides the session (3) it reads the placements,
# locks the clients, reads the week's hours and the clients' other hours of the ISO year, the caps (one read), the
# clients' re-integration hours and the placements' pauses (the combined cap and paused weeks, issue 17), and writes
# the hours, their history and the read log: 13, the same whatever the data size.
BUDGETS = {"api-uren": 13}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The generated data depend on "today" (the seeded stream of choices runs through today's date), and 300 clients
# hold only a handful of running placements: pinned to a day with a full week body. The week body itself on the
# calendar's boundary days: test_the_week_body_is_accepted_on_calendar_boundaries.
PINNED = datetime(2026, 12, 31, 10, tzinfo=AMSTERDAM)
CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
PAGES = [
    "zoeken",
    "cliëntenlijst",
    "cliëntdetail",
    "werkvoorraad",
    "dashboard",
    "financiën",
    "api-lijst",
    "api-lijst-p3",
    "api-uren",
    "api-me",
]


def _generate(clients: int, reset: bool = False) -> None:
    call_command("generate_scale_data", clients=clients, snapshot_months=2, reset=reset, stdout=io.StringIO())


def _probe():
    """The benchmark's in-process module (tests/perf/probe.py): the same request bodies as ``make bench``."""
    spec = importlib.util.spec_from_file_location("bench_probe", Path(__file__).parent / "perf" / "probe.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _count(client, method, path, **kwargs) -> tuple[int, int, list[str]]:
    call = client.get if method == "GET" else client.post
    with CaptureQueriesContext(connection) as ctx:
        response = call(path, **kwargs)
    real = [q["sql"] for q in ctx.captured_queries if not q["sql"].lstrip().upper().startswith(CONTROL)]
    return response.status_code, len(real), real


def _measure(users, wijkteam) -> dict[str, tuple[int, int, list[str]]]:
    today = timezone.localdate()
    coach = users["coach"]
    sessions = {}
    for name in ("intaker", "coach", "coordinator", "financien"):
        sessions[name] = HttpClient()
        sessions[name].force_login(users[name])
    detail = (
        Client.objects.filter(coach=coach, dossiers__einddatum__isnull=True)
        .values_list("id", flat=True)
        .first()
    )
    _, key = ApiToken.issue(user=users["api"], name="budget", days=1, scopes=[scopes.CLIENTEN_LEZEN])
    api = {"HTTP_AUTHORIZATION": f"Token {key}"}
    subscribed_types()  # warm, as on a running server: which event types have subscribers (cached 30 s)
    deep = "/api/v1/clienten"
    for _ in range(2):
        deep = HttpClient().get(deep, **api).json()["next"].replace("http://testserver", "")
    (body,) = _probe().week_body(coach, today, n_bodies=1, rows_per_body=5)

    def page(who, path):
        client = sessions[who]
        client.get(path)  # the session's previous click
        return _count(client, "GET", path)

    def search(q):
        client = sessions["intaker"]
        client.post("/clienten/", {"q": q, "wijkteam": ""})  # the search is POSTed, then shown by GET
        return page("intaker", "/clienten/")

    out = {
        "zoeken": search(Client.objects.get(pk=detail).achternaam[:3]),
        "cliëntenlijst": search(""),
        "cliëntdetail": page("coach", f"/clienten/{detail}/"),
        "werkvoorraad": page("coach", "/werk/werkvoorraad/"),
        "dashboard": page("coordinator", "/dashboard/wijkteam/"),
        "financiën": page("financien", "/budget/2021/"),
        "api-lijst": _count(HttpClient(), "GET", "/api/v1/clienten", **api),
        "api-lijst-p3": _count(HttpClient(), "GET", deep, **api),
        "api-uren": _count(  # a coach is a person: the session, never a token
            sessions["coach"],
            "POST",
            "/api/v1/tegenprestatie/uren/week",
            data=body,
            content_type="application/json",
        ),
        "api-me": _count(HttpClient(), "GET", "/api/v1/account", **api),
    }
    assert set(out) == set(PAGES)
    return out


@pytest.mark.django_db
@time_machine.travel(PINNED, tick=True)
def test_every_benchmarked_page_stays_within_twelve_queries_at_any_size(make_user):
    wijkteam = Wijkteam.objects.create(code="noord", name="Noord")
    users = {
        "intaker": make_user(Role.INTAKER),
        "coach": make_user(Role.COACH, wijkteam=wijkteam),
        "coordinator": make_user(Role.COORDINATOR, wijkteam=wijkteam),
        "financien": make_user(Role.FINANCE),
        "api": make_user(Role.API_CLIENT),
    }
    budget_demo.load(stdout=io.StringIO())
    _generate(300)
    small = _measure(users, wijkteam)
    _generate(3000, reset=True)
    large = _measure(users, wijkteam)
    assert Client.objects.count() >= 3000

    expected_status = {"api-uren": 201}
    for name in PAGES:
        for size, (status, _, _) in (("300", small[name]), ("3000", large[name])):
            assert status == expected_status.get(name, 200), (name, size, status)
    over = {
        name: (large[name][1], large[name][2]) for name in PAGES if large[name][1] > BUDGETS.get(name, BUDGET)
    }
    assert not over, f"over the budget of {BUDGET} queries (api-uren {BUDGETS['api-uren']}): {over}"
    grows = {name: (small[name][1], large[name][1]) for name in PAGES if large[name][1] != small[name][1]}
    assert not grows, f"query count depends on the data size: {grows}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "today",
    [
        date(2026, 12, 28),  # Monday of 2026-W53
        date(2026, 12, 29),
        date(2026, 12, 30),
        date(2026, 12, 31),  # the last day of the year, still 2026-W53
        date(2027, 1, 1),  # 1 January: ISO week 2026-W53
        date(2027, 1, 3),  # the last day of 2026-W53
        date(2027, 1, 4),  # 2027-W01
        date(2025, 12, 29),  # 2026-W01 starts in December
        date(2028, 2, 29),
    ],
    ids=str,
)
def test_the_week_body_is_accepted_on_calendar_boundaries(make_user, today):
    """The benchmark's week registration (probe.week_body) names the ISO week of today, and the API takes it."""
    wijkteam = Wijkteam.objects.create(code="noord", name="Noord")
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    with time_machine.travel(
        datetime.combine(today, datetime.min.time(), tzinfo=AMSTERDAM) + timedelta(hours=10)
    ):
        for _ in range(5):
            client = ClientFactory(wijkteam=wijkteam, coach=coach)
            DossierFactory(client=client, startdatum=date(2024, 1, 1))
            PlacementFactory(client=client, start_date=IsoWeek.of(today).shift(-10).monday)
        (body,) = _probe().week_body(coach, today, n_bodies=1, rows_per_body=5)
        assert body["week"] == IsoWeek.of(today).label
        browser = HttpClient()  # a coach is a person: the session, never a token
        browser.force_login(coach)
        response = browser.post(
            "/api/v1/tegenprestatie/uren/week", data=body, content_type="application/json"
        )
    assert response.status_code == 201, response.content
    year, week, _ = today.isocalendar()
    assert HourLog.objects.filter(iso_year=year, iso_week=week).count() == 5
