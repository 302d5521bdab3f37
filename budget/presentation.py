"""Assembles what the year page, the export and the charts show, from selectors and rules.

Chart data goes to the browser through ``json_script``: amounts as decimal strings (Chart.js parses them),
labels pre-formatted in Dutch here so the browser does no arithmetic that matters.
"""

from __future__ import annotations

from decimal import Decimal

from almelo_sociaal.core.rules import format_euro

from . import rules, selectors
from .models import BudgetYear, ForecastScenario, RealisationPost

ZERO = Decimal("0")


def timeline_json(points: list[rules.TimelinePoint]) -> list[dict]:
    return [
        {
            "label": p.label,
            "date": p.published_on.isoformat(),
            "amount": str(p.amount),
            "amount_label": format_euro(p.amount),
            "change_label": rules.format_pct(p.vs_previous_point.pct) if p.vs_previous_point else "",
            "kind": p.kind,
            "year": p.year,
        }
        for p in points
    ]


def realisation_chart_json(ledger: dict, forecasts: dict) -> dict:
    months = ledger["months"]
    extrapolated = forecasts.get(ForecastScenario.REALISATIE.value)
    return {
        "labels": [m.label for m in months],
        "realised": [str(m.cumulative) if m.cumulative is not None else None for m in months],
        "budget": [str(m.budget_cumulative) if m.budget_cumulative is not None else None for m in months],
        "forecast": (
            [str(v) for v in rules.budget_line(extrapolated.lasten)] if extrapolated is not None else None
        ),
    }


def forecast_chart_json(forecast_rows: list[dict], budget) -> dict:
    return {
        "labels": [r["label"] for r in forecast_rows],
        "lasten": [str(r["run"].lasten) for r in forecast_rows],
        "budget": str(budget[1]) if budget else None,
    }


def vangnet_basis(ledger: dict, forecasts: dict) -> tuple[str, Decimal] | None:
    """The lasten the vangnet working is shown for: the realisation of a complete year, otherwise the
    realisation extrapolated, otherwise the basis caseload forecast."""
    if ledger["last_month"] == 12:
        return "gerealiseerde netto lasten (heel jaar)", ledger["net_total"]
    for scenario, label in (
        (ForecastScenario.REALISATIE, "realisatie doorgetrokken naar 12 maanden"),
        (ForecastScenario.BASIS, "prognose scenario basis"),
    ):
        if scenario.value in forecasts:
            return label, forecasts[scenario.value].lasten
    return None


def year_page_context(budget_year: BudgetYear) -> dict:
    with selectors.unit_of_work():  # each figure read once for the whole page
        return _year_page_context(budget_year)


def _year_page_context(budget_year: BudgetYear) -> dict:
    year = budget_year.year
    rows = selectors.revision_rows(budget_year)
    ledger = selectors.ledger(budget_year)
    forecasts = selectors.latest_forecasts(budget_year)
    basis = vangnet_basis(ledger, forecasts)
    # Every scenario shows its own vangnet working; the vangnet section shows the one of the basis.
    lasten = {s: run.lasten for s, run in forecasts.items()}
    if basis:
        lasten["__basis__"] = basis[1]
    estimates = selectors.vangnet_for_each(year=year, lasten=lasten)
    forecast_rows = [
        {"scenario": s, "label": ForecastScenario(s).label, "run": run, "vangnet": estimates[s]}
        for s, run in forecasts.items()
    ]
    estimate = estimates.get("__basis__")
    points = selectors.timeline([year - 1, year, year + 1])
    return {
        "budget_year": budget_year,
        "year": year,
        "rows": rows,
        "budget": ledger["budget"],
        "budget_kind_label": rules.KIND_LABELS.get(ledger["budget"][0]) if ledger["budget"] else None,
        "ledger": ledger,
        "posts": list(RealisationPost),
        "lines": selectors.realisation_lines(budget_year),
        "forecast_rows": forecast_rows,
        "signals": selectors.forecast_signals(year, forecasts),
        "signal_pct": selectors.tekort_signal_pct(year),
        "vangnet": estimate,
        "vangnet_basis": basis[0] if basis else None,
        "vangnet_config": selectors.vangnet_config(year),
        "chart": {
            "timeline": timeline_json(points),
            "realisation": realisation_chart_json(ledger, forecasts),
            "forecast": forecast_chart_json(forecast_rows, ledger["budget"]),
        },
    }
