"""Dashboard reads: only snapshot tables and other aggregates, a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Max, Subquery, Sum, Window

from almelo_sociaal.parameters.models import LegalParameter
from budget.models import BudgetRevision, ForecastRun
from cases.models import BUIG_REGELINGEN, Wijkteam
from operations.jobs.models import WorkItem
from srt import selectors as srt_selectors

from .models import NO_GROUP, CaseloadSnapshot, CoachLoadSnapshot, Period, TegenprestatieSnapshot
from .services import next_month

COACH_ROWS = 20
GROUP_LABELS = {-1: "-1", 0: "0", 1: "1", 2: "2", 3: "3", 4: "4", NO_GROUP: "geen groep"}


@dataclass
class DashboardFilter:
    wijkteam: Wijkteam | None
    start: date  # first day of the first month
    end: date  # first day of the last month


def _targets(start_year: int, end_year: int) -> dict[int, int]:
    """Caseload target per year (parameter ``caseload_doel``, valid on 31-12 of the year)."""
    values = list(
        LegalParameter.objects.filter(key="caseload_doel")
        .order_by("valid_from")
        .values_list("valid_from", "value")
    )
    targets = {}
    for year in range(start_year, end_year + 1):
        valid = [v for d, v in values if d <= date(year, 12, 31)]
        if valid:
            targets[year] = int(valid[-1])
    return targets


def _monthly(flt: DashboardFilter):
    qs = CaseloadSnapshot.objects.filter(
        period=Period.MONTH, date__range=(flt.start, flt.end), regeling__in=BUIG_REGELINGEN
    )
    if flt.wijkteam:
        qs = qs.filter(wijkteam=flt.wijkteam)
    return qs


def coordinator_dashboard(flt: DashboardFilter) -> dict:
    """Everything on the coordinator dashboard from the snapshot tables, in a constant number of queries."""
    monthly = _monthly(flt)
    found = list(
        monthly.values("date")
        .annotate(active=Sum("active"), instroom=Sum("instroom"), uitstroom=Sum("uitstroom"))
        .order_by("date")
    )
    # Between the first and the last month with figures, a month without dossiers in this selection counts zero.
    by_month = {r["date"]: r for r in found}
    trend = []
    if found:
        month = found[0]["date"]
        while month <= found[-1]["date"]:
            trend.append(by_month.get(month) or {"date": month, "active": 0, "instroom": 0, "uitstroom": 0})
            month = next_month(month)
    targets = _targets(flt.start.year, flt.end.year) if flt.wijkteam is None else {}
    for row in trend:
        row["target"] = targets.get(row["date"].year)
    latest = trend[-1]["date"] if trend else flt.end
    groups = {
        r["group"]: r["n"] for r in monthly.filter(date=latest).values("group").annotate(n=Sum("active"))
    }
    group_rows = [{"group": GROUP_LABELS[g], "n": groups.get(g, 0)} for g in (-1, 0, 1, 2, 3, 4, NO_GROUP)]

    open_items = WorkItem.objects.filter(resolved_on__isnull=True)
    if flt.wijkteam:
        open_items = open_items.filter(wijkteam=flt.wijkteam)
    kinds = dict(WorkItem.Kind.choices)
    work = [
        {"kind": kinds[r["kind"]], "n": r["n"]}
        for r in open_items.values("kind").annotate(n=Count("id")).order_by("kind")
    ]

    coach_qs = CoachLoadSnapshot.objects.all()
    if flt.wijkteam:
        coach_qs = coach_qs.filter(wijkteam=flt.wijkteam)
    latest_coach_day = coach_qs.order_by("-date").values("date")[:1]
    # The busiest coaches (a constant number of rows at any scale) with the team's totals, in one query.
    coaches = list(
        coach_qs.filter(date=Subquery(latest_coach_day))
        .select_related("coach")
        .annotate(team_coaches=Window(Count("id")), team_avg=Window(Avg("clients")))
        .order_by("-clients", "coach_id")[:COACH_ROWS]
    )
    coach_date = coaches[0].date if coaches else None
    coach_summary = (
        {"coaches": coaches[0].team_coaches, "average": round(coaches[0].team_avg)} if coaches else None
    )

    tp_qs = TegenprestatieSnapshot.objects.filter(month__range=(flt.start, flt.end))
    if flt.wijkteam:
        tp_qs = tp_qs.filter(wijkteam=flt.wijkteam)
    tp_by_month: dict[date, dict] = {}
    tp_phase = []
    per_phase = tp_qs.values("month", "phase").annotate(
        placements=Sum("active_placements"), hours=Sum("hours")
    )
    for r in per_phase.order_by("month", "phase"):
        total = tp_by_month.setdefault(r["month"], {"month": r["month"], "placements": 0, "hours": 0})
        total["placements"] += r["placements"]
        total["hours"] += r["hours"] or 0
        if r["month"] == flt.end:
            tp_phase.append(r)
    return {
        "trend": trend,
        "groups": group_rows,
        "groups_date": latest,
        "work": work,
        "coaches": coaches,
        "coach_date": coach_date,
        "coach_summary": coach_summary,
        "tegenprestatie": list(tp_by_month.values()),
        "tegenprestatie_phase": tp_phase,
        "targets": targets,
    }


def management_overview(*, year: int, today: date) -> dict:
    """All wijkteams side by side (aggregates only), SRT results of the last 12 months, BUIG position."""
    teams = list(Wijkteam.objects.order_by("name"))
    latest = CaseloadSnapshot.objects.filter(period=Period.MONTH, date__lte=today).aggregate(d=Max("date"))[
        "d"
    ]
    per_team = {
        t.pk: {"team": t, "active": 0, "instroom": 0, "uitstroom": 0, "work": 0, "coach_avg": None}
        for t in teams
    }
    base = CaseloadSnapshot.objects.filter(period=Period.MONTH, regeling__in=BUIG_REGELINGEN)
    for r in base.filter(date=latest).values("wijkteam").annotate(n=Sum("active")):
        per_team[r["wijkteam"]]["active"] = r["n"]
    for r in base.filter(date__year=year).values("wijkteam").annotate(i=Sum("instroom"), u=Sum("uitstroom")):
        per_team[r["wijkteam"]].update(instroom=r["i"], uitstroom=r["u"])
    for r in (
        WorkItem.objects.filter(resolved_on__isnull=True, wijkteam__isnull=False)
        .values("wijkteam")
        .annotate(n=Count("id"))
    ):
        per_team[r["wijkteam"]]["work"] = r["n"]
    coach_date = CoachLoadSnapshot.objects.aggregate(d=Max("date"))["d"]
    for r in (
        CoachLoadSnapshot.objects.filter(date=coach_date, wijkteam__isnull=False)
        .values("wijkteam")
        .annotate(a=Avg("clients"))
    ):
        per_team[r["wijkteam"]]["coach_avg"] = round(r["a"])
    return {"teams": list(per_team.values()), "latest": latest, "year": year}


def buig_position(year: int) -> dict:
    revision = BudgetRevision.objects.filter(budget_year__year=year).order_by("-published_on", "-id").first()
    run_date = ForecastRun.objects.filter(budget_year__year=year).aggregate(d=Max("run_on"))["d"]
    runs = (
        list(ForecastRun.objects.filter(budget_year__year=year, run_on=run_date).order_by("scenario"))
        if run_date
        else []
    )
    return {"revision": revision, "runs": runs, "run_date": run_date, "year": year}


def srt_results(start: date, end: date):
    """SRT aggregates (no personal data), from the SRT sub-domain's own selector."""

    return srt_selectors.srt_results(start, end)
