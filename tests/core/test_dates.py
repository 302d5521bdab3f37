from datetime import date

import pytest

from almelo_sociaal.core.dates import add_months, months_before, years_before


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2026, 12, 31), 1, date(2027, 1, 31)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 5, 20), 0, date(2026, 5, 20)),
        (date(2026, 1, 1), -1, date(2025, 12, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2028, 3, 31), 1, date(2028, 2, 29)),
        (date(2026, 1, 31), 2, date(2025, 11, 30)),
        (date(2026, 2, 28), -1, date(2026, 3, 28)),
        (date(2026, 6, 15), 24, date(2024, 6, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2028, 2, 29), 1, date(2027, 2, 28)),
        (date(2020, 2, 29), 4, date(2016, 2, 29)),
        (date(2020, 2, 29), 5, date(2015, 2, 28)),
        (date(2026, 12, 31), 7, date(2019, 12, 31)),
        (date(2026, 3, 1), 1, date(2025, 3, 1)),
    ],
)
def test_years_before(day, years, expected):
    assert years_before(day, years) == expected
