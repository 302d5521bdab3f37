"""The demo reproduces the seed's SRT results (Nov 2019 – Oct 2020) and is idempotent.

One test on purpose: loading the cases demo it builds on takes ~10 s.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cases import demo as cases_demo
from srt import demo
from srt.models import SrtInvestigation
from srt.selectors import srt_results

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)
def test_demo_reproduces_the_seed_figures_and_is_idempotent():
    """Pinned: the demo is built relative to today (boundary days: tests/test_demo_dates.py)."""
    cases_demo.load(stdout=io.StringIO(), clients=150)
    demo.load(stdout=io.StringIO())

    results = srt_results(date(2019, 11, 1), date(2020, 10, 31))
    assert results.investigations == 175
    assert results.by_outcome == {"uitkering_beeindigd": 25, "aanvraag_afgewezen": 39, "ander_resultaat": 111}
    assert results.savings_count == 64
    assert Decimal("850000") < results.savings_total < Decimal("950000")  # "9 ton"
    assert results.savings_total / 64 / 12 == pytest.approx(Decimal("1170"), abs=5)
    assert results.terugvordering_count == 54
    assert results.terugvordering_total > Decimal("400000")  # "ruim 4 ton"
    assert SrtInvestigation.objects.filter(recidive=True, closed_on__year__in=[2019, 2020]).count() == 10

    before = SrtInvestigation.objects.count()
    demo.load(stdout=io.StringIO())
    assert SrtInvestigation.objects.count() == before
