"""CSV and Excel exports of the SRT report. Aggregates only: no names, BSNs or case references."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from almelo_sociaal.core.exports import append_row, csv_writer

from .rules import OtherResult, Outcome
from .selectors import SrtResults

OUTCOME_LABELS = [label for _, label in Outcome.choices]
EURO_FORMAT = '"€" #,##0.00'


def summary_rows(results: SrtResults) -> list[tuple[str, object]]:
    """The key figures, in the order of the report page."""
    return [
        ("Periode van", results.period_start),
        ("Periode tot en met", results.period_end),
        ("Afgeronde onderzoeken", results.investigations),
        *[(f"Uitkomst: {label}", results.by_outcome[value]) for value, label in Outcome.choices],
        *[
            (f"Ander resultaat: {label}", results.by_other_result[value])
            for value, label in OtherResult.choices
        ],
        ("Bespaarde uitkering (EUR)", results.savings_total),
        ("Aantal uitkeringen bespaard", results.savings_count),
        ("Terugvordering (EUR)", results.terugvordering_total),
        ("Onderzoeken met terugvordering", results.terugvordering_count),
        ("Opgelegde boetes (EUR)", results.boete_total),
        ("Aantal boetes", results.boete_count),
        ("Benadelingsbedrag (EUR)", results.benadeling_total),
        ("Aangiftes bij het OM", results.aangifte_count),
        ("Gemiddelde doorlooptijd (dagen)", results.average_duration_days),
        ("Onderzoeken geopend in periode", results.opened),
        ("Onderzoeken lopend aan einde periode", results.open_at_end),
        ("Signalen ontvangen", results.signals_received),
        ("Signalen verworpen", results.signals_discarded),
    ]


def matrix_rows(results: SrtResults) -> list[list]:
    header = ["Bron", *OUTCOME_LABELS, "Totaal"]
    body = [[row["label"], *row["counts"], row["total"]] for row in results.source_rows()]
    footer = ["Totaal", *results.outcome_totals(), results.investigations]
    return [header, *body, footer]


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}".replace(".", ",")
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    return str(value)


def report_csv(results: SrtResults) -> bytes:
    """Semicolon-separated with decimal commas and a BOM, so Dutch Excel opens it as intended."""
    out = io.StringIO()
    writer = csv_writer(out, formatter=_csv_value, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Kengetal", "Waarde"])
    for label, value in summary_rows(results):
        writer.writerow([label, value])
    writer.writerow([])
    for row in matrix_rows(results):
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def report_xlsx(results: SrtResults) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kengetallen"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="EEF2F6")
    append_row(ws, ["Kengetal", "Waarde"])
    for cell in ws[1]:
        cell.font, cell.fill = bold, head_fill
    for label, value in summary_rows(results):
        append_row(ws, [label, value])
        cell = ws.cell(row=ws.max_row, column=2)
        if "(EUR)" in label:
            cell.number_format = EURO_FORMAT
        elif hasattr(value, "strftime"):
            cell.number_format = "DD-MM-YYYY"
        elif isinstance(value, Decimal):
            cell.number_format = "0.0"
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 18

    matrix = wb.create_sheet("Bron en uitkomst")
    for row in matrix_rows(results):
        append_row(matrix, row)
    for cell in matrix[1]:
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(wrap_text=True)
    for cell in matrix[matrix.max_row]:
        cell.font = bold
    for index in range(1, len(OUTCOME_LABELS) + 3):
        matrix.column_dimensions[get_column_letter(index)].width = 30 if index == 1 else 18
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
