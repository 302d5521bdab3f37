"""Budget test fixtures: the seed 000 revision figures, a finance user, a fake SRT source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from almelo_sociaal.accounts.roles import Role
from budget import services

TODAY = date(2021, 6, 1)

SEED_000 = [
    (2019, "definitief", "39301654", date(2019, 10, 1)),
    (2020, "voorlopig", "35516242", date(2019, 10, 1)),
    (2020, "nader_voorlopig", "34240957", date(2020, 4, 1)),
    (2020, "definitief", "36840104", date(2020, 10, 1)),
    (2021, "voorlopig", "42678201", date(2020, 10, 1)),
]


@pytest.fixture
def no_async_recompute(monkeypatch):
    """The recompute after a write is not queued (modules that check the figures without it use this)."""
    monkeypatch.setattr("budget.tasks.recompute_budget_year.delay", lambda year: None)


@pytest.fixture
def finance(make_user):
    return make_user(Role.FINANCE)


@pytest.fixture
def seed_revisions(finance):
    """The BUIG figures of seed 000 (Resultaten 2020), entered through the service."""
    return [
        services.record_revision(
            year=year,
            kind=kind,
            amount=Decimal(amount),
            published_on=published_on,
            source="Resultaten 2020",
            actor=finance,
            today=TODAY,
        )
        for year, kind, amount, published_on in SEED_000
    ]


@pytest.fixture
def fake_srt():
    """An SRT source as ``srt.selectors.recoveries_by_month`` provides it (all 12 months)."""
    amounts = {1: Decimal("30000.00"), 2: Decimal("45000.50"), 3: Decimal("0")}

    def source(year: int):
        return [(date(year, m, 1), amounts.get(m, Decimal("0"))) for m in range(1, 13)]

    source.amounts = amounts
    return source
