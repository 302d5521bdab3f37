"""The coordinator dashboard's CSV tables and chart series, shaped without a database or a request."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from operations.dashboards import presenters

DASHBOARD = {
    "trend": [
        {"date": date(2026, 1, 31), "active": 120, "target": 110, "instroom": 7, "uitstroom": 5},
        {"date": date(2026, 2, 28), "active": 122, "target": 110, "instroom": 6, "uitstroom": 4},
    ],
    "groups": [{"group": "Groep 1", "n": 40}, {"group": "Groep 2", "n": 30}],
    "work": [{"kind": "Herbeoordeling", "n": 3}],
    "tegenprestatie": [{"month": date(2026, 2, 1), "placements": 9, "hours": Decimal("112.50")}],
}


def test_the_caseload_csv_has_dutch_headings_and_months():
    header, rows = presenters.csv_table(DASHBOARD, "caseload")
    assert header == ["maand", "lopend", "doelstelling", "instroom", "uitstroom"]
    assert rows == [["2026-01", 120, 110, 7, 5], ["2026-02", 122, 110, 6, 4]]


def test_every_export_has_a_table():
    for export in presenters.CSV_COLUMNS:
        header, rows = presenters.csv_table(DASHBOARD, export)
        assert len(rows) == len(DASHBOARD[presenters.CSV_COLUMNS[export][0]])
        assert all(len(row) == len(header) for row in rows)


def test_the_tegenprestatie_csv_keeps_the_hours_exact():
    _, rows = presenters.csv_table(DASHBOARD, "tegenprestatie")
    assert rows == [["2026-02", 9, Decimal("112.50")]]


def test_the_filename_names_the_wijkteam_or_the_municipality():
    team = SimpleNamespace(code="noord")
    period = {"start": date(2025, 3, 1), "end": date(2026, 2, 1)}
    assert presenters.csv_filename("groepen", wijkteam=team, **period) == "groepen-noord-202503-202602.csv"
    assert presenters.csv_filename("groepen", wijkteam=None, **period) == "groepen-gemeente-202503-202602.csv"


def test_chart_data_has_one_series_per_chart():
    data = presenters.chart_data(DASHBOARD)
    assert data["labels"] == ["2026-01", "2026-02"]
    assert data["active"] == [120, 122] and data["target"] == [110, 110]
    assert data["groupLabels"] == ["Groep 1", "Groep 2"] and data["groups"] == [40, 30]
    assert data["tpLabels"] == ["2026-02"] and data["tpHours"] == [112.5] and data["tpPlacements"] == [9]


def test_chart_data_of_an_empty_dashboard_is_empty_series():
    empty = {"trend": [], "groups": [], "tegenprestatie": []}
    assert all(series == [] for series in presenters.chart_data(empty).values())
