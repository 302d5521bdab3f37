"""The coordinator dashboard's shapes for output: CSV tables and the chart data. Pure: no database, no request.

The figures come from ``selectors.coordinator_dashboard``; the view only picks a presenter.
"""

from __future__ import annotations

from datetime import date

CSV_COLUMNS = {
    "caseload": (
        "trend",
        [
            ("date", "maand"),
            ("active", "lopend"),
            ("target", "doelstelling"),
            ("instroom", "instroom"),
            ("uitstroom", "uitstroom"),
        ],
    ),
    "groepen": ("groups", [("group", "participatiegroep"), ("n", "lopende dossiers")]),
    "werkvoorraad": ("work", [("kind", "soort"), ("n", "open")]),
    "tegenprestatie": (
        "tegenprestatie",
        [("month", "maand"), ("placements", "actieve plaatsingen"), ("hours", "uren")],
    ),
}


def _month(value: date) -> str:
    return value.strftime("%Y-%m")


def csv_table(dashboard: dict, export: str) -> tuple[list[str], list[list]]:
    """The header and rows of one of the dashboard's tables (``export``: a key of ``CSV_COLUMNS``); dates as
    months (``2026-03``)."""
    key, columns = CSV_COLUMNS[export]
    header = [heading for _, heading in columns]
    rows = [
        [_month(row[c]) if isinstance(row[c], date) else row[c] for c, _ in columns] for row in dashboard[key]
    ]
    return header, rows


def csv_filename(export: str, *, wijkteam, start: date, end: date) -> str:
    team = wijkteam.code if wijkteam else "gemeente"
    return f"{export}-{team}-{start:%Y%m}-{end:%Y%m}.csv"


def chart_data(dashboard: dict) -> dict:
    """The series of the dashboard's charts (JSON for the chart script)."""
    trend, groups, tp = dashboard["trend"], dashboard["groups"], dashboard["tegenprestatie"]
    return {
        "labels": [_month(r["date"]) for r in trend],
        "active": [r["active"] for r in trend],
        "target": [r["target"] for r in trend],
        "instroom": [r["instroom"] for r in trend],
        "uitstroom": [r["uitstroom"] for r in trend],
        "groupLabels": [r["group"] for r in groups],
        "groups": [r["n"] for r in groups],
        "tpLabels": [_month(r["month"]) for r in tp],
        "tpHours": [float(r["hours"] or 0) for r in tp],
        "tpPlacements": [r["placements"] for r in tp],
    }
