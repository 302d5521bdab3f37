"""Finding 5 of issue 14: no stored value breaks a read.

A revision of € 10,00 followed by one of € 150.000.000,00 made ``GET /api/v1/budget/jaren/`` answer 500 on
every call (the % change did not fit the serializer's 8 digits). The rules now bound what they accept to what
the fields hold, and the computed fields are wide enough for anything that can be stored; hypothesis checks
both over the whole range.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import RuleViolation
from budget import rules, services
from budget.api.serializers import ChangeSerializer, ComparisonSerializer, ForecastSerializer
from budget.models import BudgetRevision, BudgetYear, ForecastRun

from .conftest import TODAY

pytestmark = pytest.mark.usefixtures("no_async_recompute")

CENT = D("0.01")
# Everything a money field (max_digits=14, decimal_places=2) can hold, and what the rules accept.
stored_amounts = st.decimals(min_value=CENT, max_value=rules.AMOUNT_LIMIT - CENT, places=2)
accepted_amounts = st.decimals(min_value=CENT, max_value=rules.FIGURE_LIMIT - CENT, places=2)
any_amounts = st.decimals(
    min_value=-rules.AMOUNT_LIMIT * 10, max_value=rules.AMOUNT_LIMIT * 10, places=2, allow_nan=False
)
FORECAST_TEKORT_PCT = ForecastRun._meta.get_field("tekort_pct")
MONEY_FIELD = ForecastRun._meta.get_field("tekort")


def fits(value: D, field) -> bool:
    """``value`` fits a DecimalField with ``field``'s digits (what PostgreSQL and DRF both enforce)."""
    digits = len(value.quantize(D(1).scaleb(-field.decimal_places)).as_tuple().digits)
    return digits <= field.max_digits


def _entries(amounts):
    kinds = [rules.VOORLOPIG, rules.NADER_VOORLOPIG, rules.DEFINITIEF]
    return [
        rules.RevisionEntry(
            id=i + 1,
            year=2021,
            kind=kinds[i] if i < 3 else rules.BIJSTELLING,
            amount=amount,
            published_on=date(2021, 1, 1),
        )
        for i, amount in enumerate(amounts)
    ]


@settings(max_examples=150, deadline=None)
@given(amounts=st.lists(stored_amounts, min_size=1, max_size=5), previous=st.none() | stored_amounts)
def test_every_comparison_of_stored_amounts_serializes(amounts, previous):
    comparisons = rules.compare_revisions(_entries(amounts), previous_year_definitief=previous)
    data = ComparisonSerializer(comparisons, many=True).data  # raised decimal.InvalidOperation before
    assert len(data) == len(amounts)


@settings(max_examples=150, deadline=None)
@given(base=stored_amounts, amount=stored_amounts)
def test_a_change_between_any_two_stored_amounts_fits(base, amount):
    change = rules.Change.between(base, amount)
    assert ChangeSerializer(change).data["pct"] is not None


@settings(max_examples=150, deadline=None)
@given(amount=any_amounts)
def test_an_accepted_budget_amount_is_a_figure_the_rules_can_compare(amount):
    try:
        rules.check_amount(amount)
    except RuleViolation:
        return
    assert CENT <= amount < rules.FIGURE_LIMIT


@settings(max_examples=150, deadline=None)
@given(budget=accepted_amounts, lasten=any_amounts)
def test_saldo_of_an_accepted_budget_and_any_forecast_fits_the_forecast_row(budget, lasten):
    try:
        rules.check_forecast_lasten(lasten)
    except RuleViolation:
        return
    s = rules.saldo(budget=budget, lasten=lasten)
    assert fits(s.tekort, MONEY_FIELD)
    assert fits(s.tekort_pct, FORECAST_TEKORT_PCT)


@settings(max_examples=100, deadline=None)
@given(
    months=st.dictionaries(
        st.integers(min_value=1, max_value=12),
        st.decimals(min_value=-rules.AMOUNT_LIMIT * 12, max_value=rules.AMOUNT_LIMIT * 12, places=2),
        max_size=12,
    )
)
def test_extrapolation_either_fits_or_is_refused(months):
    try:
        forecast = rules.extrapolation_forecast(monthly_net_lasten=months)
    except RuleViolation as refused:
        assert refused.code == "prognose_te_groot"
        return
    assert forecast is None or rules.fits_figure(forecast.lasten)


@settings(max_examples=100, deadline=None)
@given(
    dossiers=st.integers(min_value=0, max_value=10**9),
    cost=st.decimals(min_value=CENT, max_value=rules.AMOUNT_LIMIT - CENT, places=2),
    growth=st.decimals(min_value=D("-99.99"), max_value=D("10000"), places=2),
)
def test_caseload_forecast_either_fits_or_is_refused(dossiers, cost, growth):
    try:
        forecast = rules.caseload_forecast(
            scenario="hoog",
            active_dossiers=dossiers,
            cost_per_uitkering=cost,
            caseload_growth_pct=growth,
            cost_growth_pct=growth,
        )
    except RuleViolation as refused:
        assert refused.code == "prognose_te_groot"
        return
    assert rules.fits_figure(forecast.lasten) and rules.fits_figure(forecast.cost_per_uitkering)


# ------------------------------------------------------------------------------------------- through the API
@pytest.mark.django_db
def test_the_reported_pair_of_revisions_no_longer_breaks_the_year_list(api_client_for, make_user):
    finance = make_user(Role.FINANCE)
    for kind, amount in (("voorlopig", D("10.00")), ("nader_voorlopig", D("150000000.00"))):
        services.record_revision(
            year=2021,
            kind=kind,
            amount=amount,
            published_on=date(2021, 1, 4),
            source="x",
            actor=finance,
            today=TODAY,
        )
    response = api_client_for(finance).get("/api/v1/budget/jaren")
    assert response.status_code == 200
    (year,) = response.json()["results"]
    assert year["revisions"][1]["vs_previous"]["pct"] == "1499999900.00"


@pytest.mark.django_db
def test_extreme_stored_amounts_still_read(api_client_for, make_user):
    """Rows written before the bound (or by hand) at both ends of what the field holds."""
    finance = make_user(Role.FINANCE)
    budget_year = BudgetYear.objects.create(year=2021)
    for kind, amount in (("voorlopig", D("0.01")), ("nader_voorlopig", D("999999999999.99"))):
        BudgetRevision.objects.create(
            budget_year=budget_year,
            kind=kind,
            amount=amount,
            published_on=date(2021, 1, 4),
            source="x",
            entered_by=finance,
        )
    for path in ("/api/v1/budget/jaren", "/api/v1/budget/jaren/2021"):
        assert api_client_for(finance).get(path).status_code == 200


@pytest.mark.django_db
def test_a_budget_above_the_bound_is_refused_in_dutch(make_user):
    with pytest.raises(ValidationError) as refused:
        services.record_revision(
            year=2021,
            kind="voorlopig",
            amount=rules.FIGURE_LIMIT,
            published_on=date(2021, 1, 4),
            source="x",
            actor=make_user(Role.FINANCE),
            today=TODAY,
        )
    assert refused.value.error_dict["amount"][0].code == "bedrag_te_groot"


@pytest.mark.django_db
def test_a_forecast_too_large_to_store_is_noted_not_stored(make_user):
    finance = make_user(Role.FINANCE)
    services.record_revision(
        year=2021,
        kind="voorlopig",
        amount=D("10.00"),
        published_on=date(2021, 1, 4),
        source="x",
        actor=finance,
        today=TODAY,
    )
    for post in ("algemene_bijstand", "ioaw", "ioaz"):
        services.record_realisation(
            year=2021, month=date(2021, 1, 1), post=post, amount=D("999999999999.99"), actor=finance
        )
    runs = services.recompute_year(year=2021, today=TODAY)
    assert not [run for run in runs if run.scenario == "realisatie"]
    for run in ForecastRun.objects.all():
        assert ForecastSerializer(run).data["id"] == run.pk  # every stored row reads
