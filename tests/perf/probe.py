"""In-process part of the benchmark (run by bench.py against the bench database, never by pytest).

Prepares what the load generator needs (sessions, API tokens, URLs, request bodies) and measures what only
the process itself can see: SQL queries per request (CaptureQueriesContext), EXPLAIN (ANALYZE) of each
endpoint's slowest query, and the caseload snapshot job against the bare SQL aggregate it is built on.
Writes one JSON document.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almelo_sociaal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client as HttpClient  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from almelo_sociaal.accounts.models import ApiToken  # noqa: E402
from cases.models import Client  # noqa: E402

SESSIONS_PER_USER = 8
BACKEND = "django.contrib.auth.backends.ModelBackend"


def sessions_for(user, n=SESSIONS_PER_USER, search=None):
    keys = []
    for _ in range(n):
        c = HttpClient()
        c.force_login(user, backend=BACKEND)
        if search is not None:
            session = c.session
            session["client_search"] = search
            session.save()
        keys.append(c.cookies["sessionid"].value)
    return keys


def token_for(user, scopes=()):
    """Tokens are for API-client accounts only (a person's requests use ``sessions_for``)."""
    return ApiToken.issue(user=user, name="benchmark", days=2, scopes=list(scopes))[1]


def new_csrf() -> str:
    """A CSRF secret for the cookie and the X-CSRFToken header of session POSTs to the API."""
    from django.middleware.csrf import _get_new_csrf_string

    return _get_new_csrf_string()


def measure_queries(method, path, *, cookie=None, token=None, body=None):
    c = HttpClient()
    if cookie:
        c.cookies["sessionid"] = cookie
    extra = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    call = c.get if method == "GET" else c.post
    kwargs = {"data": body, "content_type": "application/json"} if body is not None else {}
    call(path, **kwargs, **extra)  # warm (caches, first-request work)
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        response = call(path, **kwargs, **extra)
        elapsed = time.perf_counter() - t0
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
    real = [q for q in ctx.captured_queries if not q["sql"].lstrip().upper().startswith(control)]
    queries = sorted(
        ({"sql": q["sql"], "ms": float(q["time"]) * 1000} for q in ctx.captured_queries),
        key=lambda q: -q["ms"],
    )
    return {
        "status": response.status_code,
        "queries": len(real),  # SQL queries, without transaction control (BEGIN/COMMIT/SAVEPOINT)
        "statements": len(ctx.captured_queries),
        "inprocess_ms": round(elapsed * 1000, 1),
        "slowest": queries[:3],
        # every query (shortened), in order: to find the repeated ones when the count is over budget
        "all": [q["sql"][:160] for q in real] if len(real) > 12 else [],
    }


def explain(sql: str) -> str:
    if connection.vendor != "postgresql" or not sql.lstrip().upper().startswith("SELECT"):
        return ""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    return plan


def execution_ms(plan: str) -> float:
    for line in plan.splitlines():
        if line.startswith("Execution Time:"):
            return float(line.split(":")[1].split()[0])
    return 0.0


# The bare SQL of every aggregate the snapshot job is built on, written by hand: what PostgreSQL needs for the
# figures, without the ORM, Python and the upserts. job ÷ (sum of these) is the job's overhead (goal ≤ 2×).
BARE_SNAPSHOT_SQL = """
SELECT c.wijkteam_id, d.regeling, COALESCE(ga."group", 9) AS grp,
       COUNT(*) FILTER (WHERE d.startdatum <= %(last)s AND (d.einddatum IS NULL OR d.einddatum > %(last)s)),
       COUNT(*) FILTER (WHERE d.startdatum BETWEEN %(first)s AND %(last)s),
       COUNT(*) FILTER (WHERE d.einddatum BETWEEN %(first)s AND %(last)s)
FROM cases_uitkeringsdossier d
JOIN cases_client c ON c.id = d.client_id
LEFT JOIN participation_groupassignment ga
       ON ga.client_id = d.client_id AND ga.valid_from <= %(last)s
      AND (ga.valid_to IS NULL OR ga.valid_to > %(last)s)
WHERE d.startdatum <= %(last)s AND (d.einddatum IS NULL OR d.einddatum >= %(first)s)
GROUP BY 1, 2, 3
"""
BARE_COACH_SQL = """
SELECT c.coach_id, u.wijkteam_id, COUNT(*)
FROM cases_client c JOIN accounts_user u ON u.id = c.coach_id
WHERE EXISTS (SELECT 1 FROM cases_uitkeringsdossier d WHERE d.client_id = c.id AND d.startdatum <= %(last)s
              AND (d.einddatum IS NULL OR d.einddatum > %(last)s))
GROUP BY 1, 2
"""
BARE_TP_PLACEMENTS_SQL = """
SELECT c.wijkteam_id, p.phase, COUNT(*)
FROM tegenprestatie_placement p JOIN cases_client c ON c.id = p.client_id
WHERE p.status IN ('actief', 'gepauzeerd') AND p.start_date <= %(month_last)s
  AND (p.end_date IS NULL OR p.end_date >= %(month_first)s)
GROUP BY 1, 2
"""
BARE_TP_HOURS_SQL = """
SELECT c.wijkteam_id, p.phase, SUM(h.hours)
FROM tegenprestatie_hourlog h JOIN cases_client c ON c.id = h.client_id
JOIN tegenprestatie_placement p ON p.id = h.placement_id
WHERE h.week_start BETWEEN %(month_first)s AND %(month_last)s
GROUP BY 1, 2
"""
BARE = {
    "caseload": BARE_SNAPSHOT_SQL,
    "coach_load": BARE_COACH_SQL,
    "tegenprestatie": BARE_TP_PLACEMENTS_SQL + ";" + BARE_TP_HOURS_SQL,
}


def _best(fn, runs=3):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def snapshot_timings(today):
    """The job (take_caseload_snapshot for a day: caseload, coach load, tegenprestatie) against the bare SQL
    of the aggregates it is built on, as a whole and per part (best of three runs each)."""
    from operations.dashboards import services
    from operations.dashboards.services import period_bounds, take_caseload_snapshot

    _, month_first, month_last = period_bounds("maand", today)
    params = {"first": today, "last": today, "month_first": month_first, "month_last": month_last}

    def bare(part):
        with connection.cursor() as cursor:
            for sql in BARE[part].split(";"):
                cursor.execute(sql, params)
                cursor.fetchall()

    out = {"job_s": round(_best(lambda: take_caseload_snapshot(period="dag", day=today)), 3)}
    parts = {
        "caseload": lambda: services._caseload_counts(today, today),
        "coach_load": lambda: services._coach_load(today),
        "tegenprestatie": lambda: services._tegenprestatie(month_first, month_last),
    }
    out["parts"] = {}
    for part, job_part in parts.items():
        job_s, bare_s = _best(job_part), _best(lambda p=part: bare(p))
        out["parts"][part] = {"job_s": round(job_s, 3), "bare_s": round(bare_s, 3)}
    out["bare_all_s"] = round(sum(p["bare_s"] for p in out["parts"].values()), 3)
    out["ratio"] = round(out["job_s"] / max(out["bare_all_s"], 1e-6), 2)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + BARE_SNAPSHOT_SQL, params)
            out["bare_sql_plan"] = "\n".join(r[0] for r in cursor.fetchall())
        with CaptureQueriesContext(connection) as ctx:
            take_caseload_snapshot(period="dag", day=today)
        out["job_queries"] = len(ctx.captured_queries)
        slow = sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))[:4]
        out["job_slowest"] = [{"sql": q["sql"], "ms": float(q["time"]) * 1000} for q in slow]
        out["job_slowest_plan"] = explain(slow[0]["sql"]) if slow else ""
    return out


# The bare SQL of the facts the batch calculation of recht en hoogte reads (bijstand.selectors.running_facts):
# the same rows, joined in the database, fetched as tuples (no model objects, no calculation).
_RUNNING = (
    "SELECT d.client_id FROM cases_uitkeringsdossier d WHERE d.regeling = 'bijstand' AND d.startdatum <= %(on)s "
    "AND (d.einddatum IS NULL OR d.einddatum >= %(on)s)"
)
_VALID = "x.ingangsdatum <= %(on)s AND (x.einddatum IS NULL OR x.einddatum >= %(on)s)"
BARE_BIJSTAND_SQL = [
    "SELECT d.id, d.client_id, c.geboortedatum, (SELECT a.voorliggende_voorziening FROM cases_aanvraag a "
    "WHERE a.client_id = d.client_id ORDER BY a.aanvraagdatum DESC, a.id DESC LIMIT 1) FROM cases_uitkeringsdossier d "
    "JOIN cases_client c ON c.id = d.client_id WHERE d.regeling = 'bijstand' AND d.startdatum <= %(on)s "
    "AND (d.einddatum IS NULL OR d.einddatum >= %(on)s)",
    *(
        f"SELECT x.* FROM {table} x WHERE {_VALID} AND x.client_id IN ({_RUNNING})"
        for table in (
            "bijstand_huishoudlid",
            "bijstand_inkomen",
            "bijstand_vermogen",
            "bijstand_omstandigheden",
        )
    ),
    f"SELECT x.client_id, x.van, x.tot FROM bijstand_buitenlandverblijf x WHERE x.tot >= %(year)s AND x.van <= %(on)s "
    f"AND x.client_id IN ({_RUNNING})",
    f"SELECT x.client_id, x.decided_on, x.months, x.percentage FROM tegenprestatie_sanction x WHERE x.percentage > 0 "
    f"AND x.decided_on >= %(since)s AND x.client_id IN ({_RUNNING})",
]


def bijstand_timings(today):
    """Recht en hoogte: one calculation in-process (the pure rule, median of 20 × 200 calls), and the calculation of
    every running bijstand dossier as one batch (``running_calculations``: eight reads, then the rule per dossier)
    beside the bare SQL read of the same facts and the ORM read alone (best of three)."""
    from datetime import date
    from decimal import Decimal

    from bijstand import rules, selectors

    params = selectors.parameters_on(today)
    facts = rules.Facts(
        on=today,
        birth_date=date(today.year - 40, 5, 5),
        members=(
            rules.Member(rules.PARTNER, date(today.year - 38, 1, 1), relation=rules.GEHUWD),
            rules.Member(rules.KIND, date(today.year - 6, 3, 3)),
            rules.Member(rules.HUISGENOOT, date(today.year - 45, 2, 2)),
        ),
        incomes=(rules.Income(rules.ARBEID, Decimal("650"), vrijlating_since=today.replace(day=1)),),
        vermogen=Decimal("2500"),
    )
    per_call = []
    for _ in range(20):
        t0 = time.perf_counter()
        for _ in range(200):
            rules.calculate(facts, params)
        per_call.append((time.perf_counter() - t0) / 200)
    per_call.sort()
    sql_params = {"on": today, "year": date(today.year, 1, 1), "since": date(today.year - 3, 1, 1)}

    def bare():
        with connection.cursor() as cursor:
            for sql in BARE_BIJSTAND_SQL:
                cursor.execute(sql, sql_params)
                cursor.fetchall()

    calculated, refused = selectors.running_calculations(today)
    with CaptureQueriesContext(connection) as ctx:
        selectors.running_calculations(today)
    out = {
        "single_ms": round(per_call[len(per_call) // 2] * 1000, 4),
        "dossiers": len(calculated) + len(refused),
        "calculated": len(calculated),
        "refused": len(refused),
        "batch_s": round(_best(lambda: selectors.running_calculations(today)), 3),
        "facts_s": round(_best(lambda: selectors.running_facts(today)), 3),
        "bare_s": round(_best(bare), 3),
        "batch_queries": len(ctx.captured_queries),
    }
    out["ratio"] = round(out["batch_s"] / max(out["bare_s"], 1e-6), 2)
    return out


def week_body(coach, today, n_bodies=8, rows_per_body=10):
    """Request bodies for POST /api/v1/tegenprestatie/uren/week/: the current week, 10 placements each."""
    from tegenprestatie import selectors as tp
    from tegenprestatie.rules import IsoWeek

    year, week, _ = today.isocalendar()
    monday = today - timedelta(days=today.weekday())
    from django.db.models import Count

    from tegenprestatie.models import HourLog

    full = (
        HourLog.objects.filter(iso_year=year, hours__gt=0)
        .values("client_id")
        .annotate(n=Count("id"))
        .filter(n__gte=40)
        .values("client_id")
    )
    ids = list(
        tp.registrable_placements(coach)
        .filter(status="actief", start_date__lte=monday, end_date__isnull=True)
        .exclude(client_id__in=full)
        .order_by("-id")
        .values_list("id", flat=True)[: n_bodies * rows_per_body]
    )
    label = IsoWeek(year, week).label
    bodies = []
    for i in range(0, len(ids), rows_per_body):
        chunk = ids[i : i + rows_per_body]
        if len(chunk) == rows_per_body:
            bodies.append({"week": label, "rows": [{"placement": pid, "hours": "2.00"} for pid in chunk]})
    return bodies


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--deep-pages", type=int, default=100)
    parser.add_argument("--search", default="jans")
    args = parser.parse_args()

    User = get_user_model()
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["coach", "intaker", "coordinator", "financien", "werkplein-api"]
        )
    }
    missing = {"coach", "intaker", "coordinator", "financien", "werkplein-api"} - set(users)
    if missing:
        raise SystemExit(f"demo users missing in the bench database: {sorted(missing)} (run load_demo)")
    coach, intaker = users["coach"], users["intaker"]
    today = timezone.localdate()
    from budget.models import BudgetYear

    year = BudgetYear.objects.order_by("-year").values_list("year", flat=True).first()
    detail_ids = list(
        Client.objects.filter(wijkteam_id=coach.wijkteam_id, dossiers__einddatum__isnull=True)
        .order_by("?")
        .values_list("id", flat=True)[:50]
    )
    api_token = token_for(users["werkplein-api"], scopes=["clienten:lezen"])
    hours_csrf = new_csrf()

    # the deep API page: follow the cursor
    c = HttpClient()
    auth = {"HTTP_AUTHORIZATION": f"Token {api_token}"}
    url = "/api/v1/clienten"
    t0 = time.perf_counter()
    for _ in range(args.deep_pages):
        data = c.get(url, **auth).json()
        if not data.get("next"):
            break
        url = data["next"].replace("http://testserver", "")
    follow_s = time.perf_counter() - t0

    search_sessions = sessions_for(intaker, search={"q": args.search, "wijkteam": ""})
    list_sessions = sessions_for(intaker, search={})
    coach_sessions = sessions_for(coach)
    coordinator_sessions = sessions_for(users["coordinator"])
    finance_sessions = sessions_for(users["financien"])
    bodies = week_body(coach, today)

    endpoints = {
        "search": {
            "label": "Cliënt zoeken (naam, intaker)",
            "method": "GET",
            "paths": ["/clienten/"],
            "cookies": search_sessions,
        },
        "search_all": {
            "label": "Cliëntenlijst zonder zoekterm (intaker)",
            "method": "GET",
            "paths": ["/clienten/"],
            "cookies": list_sessions,
        },
        "detail": {
            "label": "Cliëntdetail (coach)",
            "method": "GET",
            "paths": [f"/clienten/{pk}/" for pk in detail_ids],
            "cookies": coach_sessions,
        },
        "inbox": {
            "label": "Werkvoorraad coach",
            "method": "GET",
            "paths": ["/werk/werkvoorraad/"],
            "cookies": coach_sessions,
        },
        "dashboard": {
            "label": "Dashboard coördinator",
            "method": "GET",
            "paths": ["/dashboard/wijkteam/"],
            "cookies": coordinator_sessions,
        },
        "finance": {
            "label": f"Financiën jaar {year}",
            "method": "GET",
            "paths": [f"/budget/{year}/"],
            "cookies": finance_sessions,
        },
        "api_list": {
            "label": "API cliëntenlijst p1",
            "method": "GET",
            "paths": ["/api/v1/clienten"],
            "token": api_token,
        },
        "api_deep": {
            "label": f"API cliëntenlijst p{args.deep_pages + 1} (cursor)",
            "method": "GET",
            "paths": [url],
            "token": api_token,
        },
        "api_hours": {
            "label": "API urenregistratie week (10 rijen)",
            "method": "POST",
            "paths": ["/api/v1/tegenprestatie/uren/week"],
            "cookies": coach_sessions,  # a coach is a person: a session (with CSRF), never a token
            "csrf": hours_csrf,
            "bodies": bodies,
            "expect": 201,
        },
        "me": {
            "label": "API /me (triviaal)",
            "method": "GET",
            "paths": ["/api/v1/account"],
            "token": api_token,
        },
    }
    for key, ep in endpoints.items():
        m = measure_queries(
            ep["method"],
            ep["paths"][0],
            cookie=(ep.get("cookies") or [None])[0],
            token=ep.get("token"),
            body=(ep.get("bodies") or [None])[0],
        )
        ep["probe"] = m
        # the measured times are noisy under load: explain the three slowest and keep the costliest plan
        plans = [(explain(q["sql"]), q) for q in m["slowest"]]
        plans = [(execution_ms(p), p, q) for p, q in plans if p]
        if plans:
            ms, plan, q = max(plans, key=lambda x: x[0])
            ep["plan"], ep["plan_sql"], ep["plan_ms"] = plan, q["sql"], ms
        print(
            f"{key:11} status {m['status']} queries {m['queries']:3} in-process {m['inprocess_ms']} ms",
            file=sys.stderr,
        )

    counts = {}
    with connection.cursor() as cursor:
        for table in (
            "cases_client",
            "cases_uitkeringsdossier",
            "cases_aanvraag",
            "participation_groupassignment",
            "tegenprestatie_placement",
            "tegenprestatie_hourlog",
            "cases_srtinvestigation",
            "cases_contact",
            "cases_clientevent",
            "jobs_workitem",
        ):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
    result = {
        "today": today.isoformat(),
        "counts": counts,
        "deep_pages": args.deep_pages,
        "deep_follow_s": round(follow_s, 2),
        "endpoints": endpoints,
        "snapshot": snapshot_timings(today),
        "bijstand": bijstand_timings(today),
    }
    from operations.jobs.models import JobRun

    gen = JobRun.objects.filter(job="generate_scale_data", status="success").order_by("-id").first()
    result["generate"] = gen.params if gen else {}
    Path(args.out).write_text(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    main()
