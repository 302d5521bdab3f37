"""Reads of the BUIG budget: aggregates in SQL, comparisons through ``budget.rules``.

The budget pages hold no personal data (amounts and counts only), so the scope is per role, not per row:
finance, functioneel beheer and coordinators see all years, everybody else nothing.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404

from almelo_sociaal.core.rules import RuleViolation, money

from . import access, rules
from .models import (
    BudgetRevision,
    BudgetYear,
    ForecastRun,
    ForecastScenario,
    RealisationEntry,
    RealisationPost,
    VangnetRegel,
)

READ_ROLES = access.READ_ROLES
WRITE_ROLES = access.WRITE_ROLES
ZERO = Decimal("0")


# --- a unit of work for one page: each figure is read once, however many selectors need it ---------------
_memo: ContextVar[dict | None] = ContextVar("budget_unit_of_work", default=None)


@contextmanager
def unit_of_work():
    """Within this block the revision entries (all years: a few dozen rows), vangnet rules and the signal
    threshold are read from the database once (the year page needs them in several places)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _once(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def can_read_budget(user) -> bool:
    return access.can_read(user)


def can_write_budget(user) -> bool:
    return access.can_write(user)


# ---------------------------------------------------------------- querysets scoped to the user
def years_visible_to(user) -> QuerySet[BudgetYear]:
    if not can_read_budget(user):
        return BudgetYear.objects.none()
    return BudgetYear.objects.all()


def revisions_visible_to(user) -> QuerySet[BudgetRevision]:
    if not can_read_budget(user):
        return BudgetRevision.objects.none()
    return BudgetRevision.objects.select_related("budget_year", "entered_by", "correction")


def realisation_visible_to(user) -> QuerySet[RealisationEntry]:
    if not can_read_budget(user):
        return RealisationEntry.objects.none()
    return RealisationEntry.objects.select_related("budget_year", "entered_by", "reversal")


def forecasts_visible_to(user) -> QuerySet[ForecastRun]:
    if not can_read_budget(user):
        return ForecastRun.objects.none()
    return ForecastRun.objects.select_related("budget_year")


def get_year_for(user, year: int) -> BudgetYear:
    return get_object_or_404(years_visible_to(user), year=year)


# ---------------------------------------------------------------- revisions
def revision_entries_by_year(years: list[int] | None = None) -> dict[int, list[rules.RevisionEntry]]:
    """All ledger lines as rule entries, grouped by year (one query; none extra within a unit of work)."""
    if _memo.get() is not None:
        every: dict[int, list[rules.RevisionEntry]] = defaultdict(list)
        for revision in _all_revisions():
            every[revision.budget_year.year].append(revision.as_entry())
        return dict(every) if years is None else {y: every[y] for y in years if y in every}
    return _revision_entries_by_year(years)


def _all_revisions() -> list[BudgetRevision]:
    """Every revision of every year (a few dozen rows), read once per unit of work."""
    return _once(
        ("revisions",),
        lambda: list(
            BudgetRevision.objects.select_related("budget_year", "entered_by").order_by(
                "budget_year__year", "id"
            )
        ),
    )


def _revision_entries_by_year(years: list[int] | None) -> dict[int, list[rules.RevisionEntry]]:
    qs = BudgetRevision.objects.values_list(
        "id", "budget_year__year", "kind", "amount", "published_on", "corrects_id"
    ).order_by("budget_year__year", "id")
    if years is not None:
        qs = qs.filter(budget_year__year__in=years)
    out: dict[int, list[rules.RevisionEntry]] = defaultdict(list)
    for id_, year, kind, amount, published_on, corrects in qs:
        out[year].append(rules.RevisionEntry(id_, year, kind, amount, published_on, corrects))
    return dict(out)


def year_comparisons(year: int) -> list[rules.RevisionComparison]:
    entries = revision_entries_by_year([year - 1, year])
    previous_def = rules.definitief_amount(entries.get(year - 1, []))
    return rules.compare_revisions(entries.get(year, []), previous_year_definitief=previous_def)


@dataclass(frozen=True)
class RevisionRow:
    """A revision as shown in the table: the effective entry, its changes, and its ledger lines."""

    comparison: rules.RevisionComparison
    revision: BudgetRevision
    history: list[BudgetRevision]  # original first, then corrections


def revision_rows(budget_year: BudgetYear) -> list[RevisionRow]:
    if _memo.get() is not None:
        revisions = [r for r in _all_revisions() if r.budget_year_id == budget_year.pk]
    else:
        revisions = list(
            BudgetRevision.objects.filter(budget_year=budget_year)
            .select_related("budget_year", "entered_by")
            .order_by("id")
        )
    by_id = {r.pk: r for r in revisions}
    entries = revision_entries_by_year([budget_year.year - 1])
    previous_def = rules.definitief_amount(entries.get(budget_year.year - 1, []))
    comparisons = rules.compare_revisions(
        [r.as_entry() for r in revisions], previous_year_definitief=previous_def
    )
    corrections_of = {r.corrects_id: r for r in revisions if r.corrects_id}
    rows = []
    for comparison in comparisons:
        chain = [by_id[comparison.original_id]]
        while chain[-1].pk in corrections_of:
            chain.append(corrections_of[chain[-1].pk])
        rows.append(RevisionRow(comparison=comparison, revision=by_id[comparison.entry.id], history=chain))
    return rows


def timeline(years: list[int] | None = None) -> list[rules.TimelinePoint]:
    return rules.revision_timeline(revision_entries_by_year(years))


def current_budget(year: int, entries: dict[int, list[rules.RevisionEntry]] | None = None):
    """``(kind, amount)`` of the latest effective revision of ``year``, or ``None``."""
    entries = entries if entries is not None else revision_entries_by_year([year])
    return rules.latest_amount(entries.get(year, []))


# ---------------------------------------------------------------- realisation
def _realisation_sums(years: list[int]) -> list[tuple[int, int, str, str, Decimal]]:
    """``(year, month, post, source, total)`` of the booked realisation of ``years``, tegenboekingen netted:
    one aggregate query; within a unit of work one query for all years (at most a few hundred rows)."""
    if _memo.get() is not None:
        wanted = set(years)
        return [
            row for row in _once(("realisation",), lambda: _query_realisation_sums(None)) if row[0] in wanted
        ]
    return _query_realisation_sums(years)


def _query_realisation_sums(years: list[int] | None) -> list[tuple[int, int, str, str, Decimal]]:
    qs = RealisationEntry.objects.all()
    if years is not None:
        qs = qs.filter(budget_year__year__in=years)
    rows = (
        qs.values_list("budget_year__year", "month", "post", "source")
        .annotate(total=Sum("amount"))
        .order_by("budget_year__year", "month", "post", "source")
    )
    return [(year, month.month, post, source, total) for year, month, post, source, total in rows]


def realisation_by_month_and_post(budget_year: BudgetYear) -> dict[int, dict[str, Decimal]]:
    """``{month: {post: amount}}`` with tegenboekingen netted."""
    out: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for _year, month, post, _source, total in _realisation_sums([budget_year.year]):
        out[month][post] = out[month].get(post, ZERO) + total
    return dict(out)


def monthly_net_lasten(budget_year: BudgetYear) -> dict[int, Decimal]:
    return {m: rules.net_lasten(posts) for m, posts in realisation_by_month_and_post(budget_year).items()}


def realised_net_lasten_by_year(years: list[int]) -> dict[int, tuple[int, Decimal]]:
    """``{year: (months with bookings, net lasten)}`` for whole-year vangnet figures."""
    per_month: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    for year, month, post, _source, total in _realisation_sums(years):
        per_month[year, month] += total if post in rules.LASTEN_POSTS else -total
    out: dict[int, list] = {}
    for (year, _month), value in per_month.items():
        months, sum_ = out.setdefault(year, [0, ZERO])
        out[year] = [months + (1 if value != ZERO else 0), sum_ + value]
    return {y: (m, money(t)) for y, (m, t) in out.items()}


@dataclass(frozen=True)
class LedgerMonth:
    month: int
    label: str
    posts: dict[str, Decimal]
    net: Decimal
    cumulative: Decimal | None
    budget_cumulative: Decimal | None
    srt: Decimal | None
    srt_booked: Decimal


def ledger(budget_year: BudgetYear, *, srt_source: Callable | None = None) -> dict:
    """The realisation ledger per month: posts, net lasten, cumulative vs budget, SRT beside the baten."""
    by_month = realisation_by_month_and_post(budget_year)
    budget = current_budget(budget_year.year)
    budget_line = rules.budget_line(budget[1]) if budget else None
    srt = srt_recoveries(budget_year.year, source=srt_source)
    srt_booked = srt_booked_by_month(budget_year)
    last = max(by_month) if by_month else 0
    months, running = [], ZERO
    for m in range(1, 13):
        posts = by_month.get(m, {})
        net = rules.net_lasten(posts)
        running += net
        months.append(
            LedgerMonth(
                month=m,
                label=rules.MONTH_NAMES[m],
                posts={p.value: posts.get(p.value, ZERO) for p in RealisationPost},
                net=net,
                cumulative=money(running) if m <= last else None,
                budget_cumulative=budget_line[m - 1] if budget_line else None,
                srt=None if srt is None else srt.get(m, ZERO),
                srt_booked=srt_booked.get(m, ZERO),
            )
        )
    totals = {p.value: sum((mo.posts[p.value] for mo in months), ZERO) for p in RealisationPost}
    return {
        "months": months,
        "totals": totals,
        "net_total": rules.net_lasten(totals),
        "last_month": last,
        "last_month_label": rules.MONTH_NAMES.get(last, ""),
        "budget": budget,
        "srt_available": srt is not None,
        "srt_total": None if srt is None else sum(srt.values(), ZERO),
    }


def realisation_lines(budget_year: BudgetYear, limit: int = 200) -> list[RealisationEntry]:
    return list(
        RealisationEntry.objects.filter(budget_year=budget_year)
        .select_related("entered_by", "reversal")
        .order_by("-id")[:limit]
    )


def srt_booked_by_month(budget_year: BudgetYear) -> dict[int, Decimal]:
    """SRT recoveries already booked as baten, per month."""
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for _year, month, post, source, total in _realisation_sums([budget_year.year]):
        if post == RealisationPost.TERUGVORDERING and source == RealisationEntry.Source.SRT:
            out[month] += total
    return dict(out)


# ---------------------------------------------------------------- SRT integration
def default_srt_source() -> Callable[[int], list[tuple[date, Decimal]]] | None:
    """``srt.selectors.recoveries_by_month``, imported lazily: the SRT module is optional."""
    try:
        module = importlib.import_module("srt.selectors")
    except ImportError:
        return None
    return getattr(module, "recoveries_by_month", None)


def srt_recoveries(year: int, *, source: Callable | None = None) -> dict[int, Decimal] | None:
    """SRT terugvorderingen per month of ``year``; ``None`` when the SRT module does not provide them."""
    source = source or default_srt_source()
    if source is None:
        return None
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for month_date, amount in source(year):
        if month_date.year == year:
            out[month_date.month] += Decimal(amount)
    return {m: money(v) for m, v in out.items()}


# ---------------------------------------------------------------- forecasts and vangnet
def latest_forecasts(budget_year: BudgetYear) -> dict[str, ForecastRun]:
    """The most recent run per scenario."""
    runs = ForecastRun.objects.filter(budget_year=budget_year).order_by("scenario", "-run_on")
    out: dict[str, ForecastRun] = {}
    for run in runs:
        out.setdefault(run.scenario, run)
    return {s.value: out[s.value] for s in ForecastScenario if s.value in out}


def vangnet_config(year: int) -> rules.VangnetConfig | None:
    return _once(("vangnet", year), lambda: _vangnet_config(year))


def _vangnet_config(year: int) -> rules.VangnetConfig | None:
    regel = VangnetRegel.objects.filter(year=year).prefetch_related("bands").first()
    return regel.as_config() if regel else None


def year_figures(
    *, years: list[int], entries: dict[int, list[rules.RevisionEntry]] | None = None
) -> dict[int, rules.YearFigures]:
    """Budget (definitief, else latest) and realised net lasten of whole years (12 months booked)."""
    entries = entries if entries is not None else revision_entries_by_year(years)
    realised = realised_net_lasten_by_year(years)
    out = {}
    for y in years:
        definitief = rules.definitief_amount(entries.get(y, []))
        latest = rules.latest_amount(entries.get(y, []))
        months, lasten = realised.get(y, (0, ZERO))
        if latest is None or months < 12:
            continue
        kind, budget = (rules.DEFINITIEF, definitief) if definitief is not None else latest
        out[y] = rules.YearFigures(year=y, budget=budget, lasten=lasten, budget_kind=kind)
    return out


def vangnet_for(
    *, year: int, lasten: Decimal, entries: dict[int, list[rules.RevisionEntry]] | None = None
) -> rules.VangnetEstimate | None:
    """The vangnet estimate of ``year`` if its lasten are ``lasten`` (``None`` without rules or budget)."""
    return vangnet_for_each(year=year, lasten={"": lasten}, entries=entries)[""]


def vangnet_for_each(
    *, year: int, lasten: dict[str, Decimal], entries: dict[int, list[rules.RevisionEntry]] | None = None
) -> dict[str, rules.VangnetEstimate | None]:
    """The vangnet estimate of ``year`` for each of several lasten (e.g. one per scenario), with the earlier
    years' figures read once."""
    config = vangnet_config(year)
    entries = entries if entries is not None else revision_entries_by_year(None)
    latest = rules.latest_amount(entries.get(year, []))
    if config is None or latest is None or not lasten:
        return {key: None for key in lasten}
    earlier = [y for y in range(year - 6, year)]
    figures = year_figures(years=earlier, entries=entries)
    definitief = rules.definitief_amount(entries.get(year, []))
    kind, budget = (rules.DEFINITIEF, definitief) if definitief is not None else latest
    out: dict[str, rules.VangnetEstimate | None] = {}
    for key, value in lasten.items():
        year_figs = {
            **figures,
            year: rules.YearFigures(year=year, budget=budget, lasten=value, budget_kind=kind),
        }
        try:
            out[key] = rules.vangnet_estimate(config=config, figures=year_figs)
        except RuleViolation:
            out[key] = None
    return out


def tekort_signal_pct(year: int) -> Decimal | None:
    return _once(("signal", year), lambda: _tekort_signal_pct(year))


def _tekort_signal_pct(year: int) -> Decimal | None:
    """The policy threshold above which a forecast tekort is signalled to finance (parameter)."""
    from almelo_sociaal.parameters.selectors import MissingParameter, parameter_value

    try:
        return parameter_value("buig_signaal_tekort_pct", on=date(year, 1, 1))
    except MissingParameter:
        return None


def forecast_signals(year: int, forecasts: dict[str, ForecastRun]) -> list[ForecastRun]:
    """Latest runs whose expected tekort is above the signal threshold (for the page and the jobs)."""
    threshold = tekort_signal_pct(year)
    if threshold is None:
        return []
    return [
        run
        for run in forecasts.values()
        if run.tekort is not None
        and run.budget_amount
        and rules.exceeds(run.tekort, run.budget_amount, threshold)
    ]


def years_overview(user) -> list[dict]:
    """One row per year: latest revision, definitief, realised lasten and the latest basis forecast."""
    years = list(years_visible_to(user).order_by("-year"))
    entries = revision_entries_by_year([y.year for y in years])
    realised = realised_net_lasten_by_year([y.year for y in years])
    basis = {
        run.budget_year_id: run
        for run in ForecastRun.objects.filter(
            budget_year__in=years, scenario=ForecastScenario.BASIS
        ).order_by("budget_year_id", "run_on")
    }
    rows = []
    for y in years:
        latest = rules.latest_amount(entries.get(y.year, []))
        months, lasten = realised.get(y.year, (0, ZERO))
        forecast = basis.get(y.pk)
        if latest and months == 12:
            saldo, saldo_basis = rules.saldo(budget=latest[1], lasten=lasten), "realisatie"
        elif forecast is not None and forecast.tekort is not None:
            saldo = rules.Saldo(forecast.budget_amount, forecast.lasten, forecast.tekort, forecast.tekort_pct)
            saldo_basis = "prognose"
        else:
            saldo, saldo_basis = None, None
        rows.append(
            {
                "year": y,
                "latest_kind": rules.KIND_LABELS.get(latest[0]) if latest else None,
                "latest_amount": latest[1] if latest else None,
                "definitief": rules.definitief_amount(entries.get(y.year, [])),
                "realised_months": months,
                "realised": lasten if months else None,
                "forecast": forecast,
                "saldo": saldo,
                "saldo_basis": saldo_basis,
            }
        )
    return rows
