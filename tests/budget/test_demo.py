"""Demo data: the seed figures, idempotent."""

import io
from decimal import Decimal as D

import pytest

from budget import demo, selectors
from budget.models import BudgetRevision, BudgetYear, ForecastRun, RealisationEntry, VangnetRegel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_caseload(monkeypatch):
    monkeypatch.setattr("cases.selectors.active_dossier_count", lambda on: 2587)


def test_demo_loads_the_seed_revisions_and_is_idempotent():
    demo.load(stdout=io.StringIO())
    counts = (BudgetRevision.objects.count(), RealisationEntry.objects.count(), ForecastRun.objects.count())
    demo.load(stdout=io.StringIO())
    assert (
        BudgetRevision.objects.count(),
        RealisationEntry.objects.count(),
        ForecastRun.objects.count(),
    ) == counts
    assert list(BudgetYear.objects.order_by("year").values_list("year", flat=True)) == list(range(2015, 2022))
    assert counts[0] == 10


def test_demo_revisions_give_the_seed_000_percentages():
    demo.load(stdout=io.StringIO())
    comparisons = {c.entry.kind: c for c in selectors.year_comparisons(2020)}
    assert comparisons["voorlopig"].vs_previous_year_definitief.pct == D("-9.63")
    assert comparisons["nader_voorlopig"].vs_previous.pct == D("-3.59")
    assert comparisons["definitief"].vs_previous.pct == D("7.59")
    assert comparisons["definitief"].vs_previous_year_definitief.pct == D("-6.26")


def test_demo_has_realisation_per_month_for_2019_to_2021_and_vangnet_rules():
    demo.load(stdout=io.StringIO())
    months = {
        y: sorted({e.month.month for e in RealisationEntry.objects.filter(budget_year__year=y)})
        for y in (2019, 2020, 2021)
    }
    assert months == {2019: list(range(1, 13)), 2020: list(range(1, 13)), 2021: list(range(1, 10))}
    assert set(VangnetRegel.objects.values_list("year", flat=True)) >= set(range(2015, 2022))
    assert VangnetRegel.objects.get(year=2025).extended_threshold_pct == D("5.00")


def test_demo_2021_basis_forecast_is_2900_times_15000():
    demo.load(stdout=io.StringIO())
    run = ForecastRun.objects.filter(budget_year__year=2021, scenario="basis").latest("run_on")
    assert run.caseload == 2900
    assert run.lasten == D("43500000.00")
