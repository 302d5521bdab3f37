"""Calendar arithmetic used by the rules of every app: one definition of "a month later" and "a year earlier".

A day that does not exist in the target month is clamped to that month's last day:
31 January + 1 month is 28 (or 29) February; 29 February − 1 year is 28 February.
"""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (negative: earlier), clamped to the last day of a shorter month."""
    year, month = divmod(day.year * 12 + (day.month - 1) + months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the last day of a shorter month."""
    return add_months(day, -months)


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    return add_months(day, -12 * years)
