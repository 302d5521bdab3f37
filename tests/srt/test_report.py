"""Report aggregates: equal to direct SQL sums on random data; exports; stable selector interfaces."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import money
from srt.models import SrtInvestigation
from srt.rules import OtherResult, Outcome, SignalSource
from srt.selectors import recoveries_by_month, srt_results

from ..factories import ClientFactory
from .factories import InvestigationFactory

pytestmark = pytest.mark.django_db
START, END = date(2019, 11, 1), date(2020, 10, 31)


def random_investigations(n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    clients = ClientFactory.create_batch(5)
    for _ in range(n):
        closed_on = START + timedelta(days=rng.randint(-60, 420))
        outcome = rng.choice(Outcome.values)
        InvestigationFactory(
            client=rng.choice(clients),
            closed=True,
            source=rng.choice(SignalSource.values),
            opened_on=closed_on - timedelta(days=rng.randint(0, 150)),
            closed_on=closed_on,
            duration_days=rng.randint(0, 150),
            outcome=outcome,
            other_result=rng.choice(OtherResult.values) if outcome == Outcome.ANDER_RESULTAAT else "",
            terugvordering=Decimal(rng.randint(0, 2_000_000)) / 100 if rng.random() < 0.4 else Decimal("0"),
            bespaarde_uitkering=Decimal(rng.randint(0, 2_000_000)) / 100,
            boete=Decimal(rng.randint(0, 100_000)) / 100,
        )


def sql_scalar(sql: str, params) -> Decimal:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        value = cursor.fetchone()[0]
    return money(Decimal(str(value or 0)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_report_totals_equal_direct_sql(seed):
    random_investigations(60, seed)
    table = SrtInvestigation._meta.db_table
    where = f"FROM {table} WHERE status = 'afgerond' AND closed_on >= %s AND closed_on <= %s"
    params = [START.isoformat(), END.isoformat()]
    results = srt_results(START, END)
    assert results.terugvordering_total == sql_scalar(f"SELECT SUM(terugvordering) {where}", params)
    assert results.savings_total == sql_scalar(f"SELECT SUM(bespaarde_uitkering) {where}", params)
    assert results.boete_total == sql_scalar(f"SELECT SUM(boete) {where}", params)
    assert results.investigations == int(sql_scalar(f"SELECT COUNT(*) {where}", params))
    assert results.terugvordering_count == int(
        sql_scalar(f"SELECT COUNT(*) {where} AND terugvordering > 0", params)
    )
    for outcome in Outcome.values:
        expected = int(sql_scalar(f"SELECT COUNT(*) {where} AND outcome = %s", [*params, outcome]))
        assert results.by_outcome[outcome] == expected
    assert sum(sum(row.values()) for row in results.by_source.values()) == results.investigations
    assert isinstance(results.terugvordering_total, Decimal)


def test_average_duration_is_decimal_days():
    InvestigationFactory(
        closed=True, opened_on=date(2020, 1, 1), closed_on=date(2020, 1, 11), duration_days=10
    )
    InvestigationFactory(
        closed=True, opened_on=date(2020, 1, 1), closed_on=date(2020, 1, 22), duration_days=21
    )
    assert srt_results(START, END).average_duration_days == Decimal("15.5")


def test_recoveries_by_month_has_twelve_months_and_matches_sql():
    random_investigations(40)
    months = recoveries_by_month(2020)
    assert [m for m, _ in months] == [date(2020, k, 1) for k in range(1, 13)]
    total = sql_scalar(
        f"SELECT SUM(terugvordering) FROM {SrtInvestigation._meta.db_table} "
        "WHERE status = 'afgerond' AND closed_on >= %s AND closed_on <= %s",
        ["2020-01-01", "2020-12-31"],
    )
    assert sum(v for _, v in months) == total
    assert all(isinstance(v, Decimal) for _, v in months)


def test_report_page_and_exports_agree(client, make_user):
    random_investigations(30)
    client.force_login(make_user(Role.FINANCE))
    params = {"van": START.isoformat(), "tot": END.isoformat()}
    results = srt_results(START, END)
    page = client.get(reverse("srt:report"), params)
    assert page.status_code == 200
    csv_body = client.get(reverse("srt:report-csv"), params).content.decode("utf-8-sig")
    assert f"Terugvordering (EUR);{results.terugvordering_total:f}".replace(".", ",") in csv_body
    workbook = load_workbook(io.BytesIO(client.get(reverse("srt:report-xlsx"), params).content))
    rows = {r[0]: r[1] for r in workbook["Kengetallen"].iter_rows(values_only=True)}
    assert Decimal(str(rows["Terugvordering (EUR)"])) == results.terugvordering_total
    assert rows["Afgeronde onderzoeken"] == results.investigations


@pytest.mark.parametrize("n", [5, 50])
def test_report_query_count_is_constant(client, make_user, django_assert_max_num_queries, n):
    random_investigations(n)
    client.force_login(make_user(Role.COORDINATOR))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("srt:report")).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_investigation_list_query_count_is_constant(client, make_user, django_assert_max_num_queries, n):
    InvestigationFactory.create_batch(n)
    client.force_login(make_user(Role.SRT))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("srt:investigations")).status_code == 200
