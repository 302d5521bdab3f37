"""Spreadsheet exports (CSV and Excel) without live formulas: one helper for every export of the product.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel and
LibreOffice (CSV) or to openpyxl (a string starting with ``=`` is written as a formula). A revision source of
``=HYPERLINK(...)`` would then run on the desk of whoever opens the export. Such text gets a leading apostrophe:
Excel shows the text, never evaluates it. Numbers, dates and ``None`` are left alone (a negative amount stays a
number). Every CSV goes through ``csv_writer`` and every worksheet row through ``append_row``
(``tests/security/test_exports.py`` holds every export module to it).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as it may go into a spreadsheet cell: text that a spreadsheet would evaluate is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable) -> list:
    return [safe_cell(value) for value in values]


class _SafeWriter:
    def __init__(self, writer, formatter):
        self._writer = writer
        self._format = formatter

    def writerow(self, row: Iterable):
        return self._writer.writerow([self._format(safe_cell(value)) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream, *, formatter: Callable = lambda value: value, **kwargs) -> _SafeWriter:
    """``csv.writer(stream, **kwargs)`` whose rows are neutralised cell by cell. ``formatter`` turns a value into
    its text after that (e.g. a Decimal with a decimal comma), so a negative number stays a number."""
    return _SafeWriter(csv.writer(stream, **kwargs), formatter)


def append_row(worksheet, values: Iterable) -> None:
    """``worksheet.append(values)`` (openpyxl) with every cell neutralised."""
    worksheet.append(safe_row(values))
