"""Excel export of a budget year (openpyxl): revisions, realisation, forecasts and vangnet working.

Amounts are written as Decimal numbers with a euro format, percentages as numbers with 2 decimals, so
finance can calculate on them in Excel. No personal data (names of staff are not exported either).
"""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from almelo_sociaal.core.exports import append_row

from . import rules
from .models import BudgetYear, RealisationPost
from .presentation import year_page_context

EURO = '"€" #,##0.00;[Red]"€" -#,##0.00'
PCT = '0.00"%";[Red]-0.00"%"'


def _sheet(wb, title, header):
    ws = wb.create_sheet(title)
    append_row(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    return ws


def _fit(ws, widths):
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _format(ws, row, euro_cols=(), pct_cols=()):
    for col in euro_cols:
        ws.cell(row=row, column=col).number_format = EURO
    for col in pct_cols:
        ws.cell(row=row, column=col).number_format = PCT


def year_workbook(budget_year: BudgetYear) -> bytes:
    ctx = year_page_context(budget_year)
    year = budget_year.year
    wb = Workbook()
    wb.remove(wb.active)

    ws = _sheet(
        wb,
        "Bijstellingen",
        [
            "Jaar",
            "Soort",
            "Bedrag",
            "Publicatiedatum",
            "Bron",
            "Verschil t.o.v. vorige (€)",
            "Verschil t.o.v. vorige (%)",
            f"Verschil t.o.v. definitief {year - 1} (€)",
            f"Verschil t.o.v. definitief {year - 1} (%)",
            "Pro-forma bezwaar",
            "Gecorrigeerd",
        ],
    )
    for row in ctx["rows"]:
        c = row.comparison
        append_row(
            ws,
            [
                year,
                c.kind_label,
                c.entry.amount,
                c.entry.published_on,
                row.revision.source,
                c.vs_previous.eur if c.vs_previous else None,
                c.vs_previous.pct if c.vs_previous else None,
                c.vs_previous_year_definitief.eur if c.vs_previous_year_definitief else None,
                c.vs_previous_year_definitief.pct if c.vs_previous_year_definitief else None,
                row.revision.bezwaar_on if row.revision.bezwaar else "nee",
                "ja" if c.corrected else "nee",
            ],
        )
        _format(ws, ws.max_row, euro_cols=(3, 6, 8), pct_cols=(7, 9))
        ws.cell(row=ws.max_row, column=4).number_format = "dd-mm-yyyy"
    _fit(ws, [8, 18, 18, 16, 40, 22, 20, 26, 24, 18, 14])

    posts = list(RealisationPost)
    ws = _sheet(
        wb,
        "Realisatie",
        ["Maand", *[p.label for p in posts], "Netto lasten", "Cumulatief", "Budget cumulatief"],
    )
    for m in ctx["ledger"]["months"]:
        append_row(
            ws, [m.label, *[m.posts[p.value] for p in posts], m.net, m.cumulative, m.budget_cumulative]
        )
        _format(ws, ws.max_row, euro_cols=range(2, len(posts) + 5))
    totals = ctx["ledger"]["totals"]
    append_row(ws, ["Totaal", *[totals[p.value] for p in posts], ctx["ledger"]["net_total"]])
    _format(ws, ws.max_row, euro_cols=range(2, len(posts) + 3))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    _fit(ws, [14, *[20] * len(posts), 18, 18, 18])

    ws = _sheet(
        wb,
        "Prognose",
        [
            "Scenario",
            "Methode",
            "Berekend op",
            "Aantal uitkeringen",
            "Kosten per uitkering",
            "Verwachte lasten",
            "Budget",
            "Tekort (+) / overschot (−)",
            "Tekort %",
            "Vangnet (schatting)",
            "Berekening",
        ],
    )
    for r in ctx["forecast_rows"]:
        run = r["run"]
        append_row(
            ws,
            [
                r["label"],
                run.method,
                run.run_on,
                run.caseload,
                run.cost_per_uitkering,
                run.lasten,
                run.budget_amount,
                run.tekort,
                run.tekort_pct,
                run.vangnet,
                " | ".join(run.working),
            ],
        )
        _format(ws, ws.max_row, euro_cols=(5, 6, 7, 8, 10), pct_cols=(9,))
        ws.cell(row=ws.max_row, column=3).number_format = "dd-mm-yyyy"
    _fit(ws, [24, 14, 14, 18, 20, 20, 18, 24, 12, 20, 80])

    ws = _sheet(wb, "Vangnet", ["Onderdeel", "Uitkomst", "Toelichting"])
    estimate = ctx["vangnet"]
    if estimate is None:
        append_row(ws, ["Geen schatting", "", "Geen vangnetregel of budget voor dit jaar."])
    else:
        append_row(ws, ["Basis", ctx["vangnet_basis"], ""])
        for cond in estimate.conditions:
            met = {True: "voldaan", False: "niet voldaan", None: "onbekend"}[cond.met]
            append_row(ws, [cond.description, met, cond.detail])
        for line in estimate.working:
            append_row(ws, ["Berekening", "", line])
        append_row(
            ws,
            [
                "Geschatte vangnetuitkering",
                estimate.compensation,
                "onder voorbehoud" if estimate.provisional else "",
            ],
        )
        ws.cell(row=ws.max_row, column=2).number_format = EURO
    _fit(ws, [60, 22, 90])

    ws = _sheet(wb, "Toelichting", ["Regel"])
    for line in (
        f"BUIG {year}, export van Almelo Sociaal.",
        "Bedragen in euro's, afgerond op centen (half naar boven).",
        "Percentages: (nieuw − oud) / oud × 100, afgerond op 2 decimalen (half naar boven).",
        "Tekort is positief als de netto lasten hoger zijn dan het budget; een overschot is negatief.",
        "Netto lasten = uitkeringslasten + loonkostensubsidie − baten (terugvordering en verhaal).",
        f"Soorten bijstelling: {', '.join(rules.KIND_LABELS.values())}.",
    ):
        append_row(ws, [line])
    _fit(ws, [110])

    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
