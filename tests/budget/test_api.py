"""Budget API behaviour: comparisons in the year resource, the error shape, corrections and reversals."""

from datetime import date
from decimal import Decimal as D

import pytest

from almelo_sociaal.accounts.roles import Role
from budget import services
from budget.models import BudgetRevision

from .conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_async_recompute")]


def by_kind(body):
    return {r["kind"]: r for r in body["revisions"]}


def test_year_resource_carries_the_must_show_changes(api_client_for, make_user, seed_revisions):
    body = api_client_for(make_user(Role.BEHEER)).get("/api/v1/budget/jaren/2020").json()
    revisions = by_kind(body)
    assert revisions["voorlopig"]["vs_previous_year_definitief"]["pct"] == "-9.63"
    assert revisions["nader_voorlopig"]["vs_previous"]["pct"] == "-3.59"
    assert revisions["definitief"]["vs_previous"]["pct"] == "7.59"
    assert revisions["definitief"]["vs_previous_year_definitief"]["pct"] == "-6.26"
    assert revisions["definitief"]["vs_previous_year_definitief"]["eur"] == "-2461550.00"


def test_year_list_is_one_query_per_concern(
    api_client_for, finance, seed_revisions, django_assert_max_num_queries
):
    api = api_client_for(finance)
    with django_assert_max_num_queries(8) as small:
        api.get("/api/v1/budget/jaren")
    for year in range(2015, 2019):
        services.record_revision(
            year=year,
            kind="definitief",
            amount=D("35000000"),
            published_on=date(year, 10, 1),
            source="x",
            actor=finance,
            today=TODAY,
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = api.get("/api/v1/budget/jaren")
    assert sorted(y["year"] for y in response.json()["results"]) == [2015, 2016, 2017, 2018, 2019, 2020, 2021]


def test_duplicate_kind_is_a_400_with_the_same_dutch_message_as_the_ui(
    api_client_for, finance, seed_revisions
):
    response = api_client_for(finance).post(
        "/api/v1/budget/bijstellingen",
        {"year": 2020, "kind": "voorlopig", "amount": "1.00", "published_on": "2019-10-02", "source": "x"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "soort_bestaat_al"
    assert body["fields"]["kind"][0]["message"].startswith("Voor 2020 is al een voorlopig budget vastgelegd.")


def test_amount_with_more_than_two_decimals_is_refused(api_client_for, finance):
    response = api_client_for(finance).post(
        "/api/v1/budget/bijstellingen",
        {"year": 2020, "kind": "voorlopig", "amount": "1.005", "published_on": "2019-10-02", "source": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert "amount" in response.json()["fields"]


def test_correct_action_appends_a_correction(api_client_for, finance, seed_revisions):
    target = seed_revisions[1]
    response = api_client_for(finance).post(
        f"/api/v1/budget/bijstellingen/{target.pk}/corrigeren",
        {"amount": "35516000.00", "published_on": "2019-10-01", "source": "x", "reason": "typefout"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["corrects"] == target.pk
    assert BudgetRevision.objects.get(pk=target.pk).amount == D("35516242.00")
    detail = api_client_for(finance).get(f"/api/v1/budget/bijstellingen/{target.pk}").json()
    assert detail["corrected_by"] == response.json()["id"]


def test_reverse_action_appends_a_tegenboeking(api_client_for, finance):
    entry = services.record_realisation(
        year=2020, month=date(2020, 1, 1), post="ioaw", amount=D("10.00"), actor=finance
    )
    response = api_client_for(finance).post(
        f"/api/v1/budget/realisaties/{entry.pk}/terugboeken", {"reason": "dubbel"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["amount"] == "-10.00"
    assert response.json()["reverses"] == entry.pk


def test_realisation_filter_by_year_and_post(api_client_for, finance):
    services.record_realisation(year=2020, month=date(2020, 1, 1), post="ioaw", amount=D("1"), actor=finance)
    services.record_realisation(year=2020, month=date(2020, 1, 1), post="ioaz", amount=D("2"), actor=finance)
    services.record_realisation(year=2021, month=date(2021, 1, 1), post="ioaw", amount=D("3"), actor=finance)
    body = api_client_for(finance).get("/api/v1/budget/realisaties?year=2020&post=ioaw").json()
    assert [r["amount"] for r in body["results"]] == ["1.00"]


def test_forecasts_are_readable_per_year_and_scenario(api_client_for, make_user, finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    services.recompute_year(year=2021, today=TODAY)
    body = (
        api_client_for(make_user(Role.COORDINATOR))
        .get("/api/v1/budget/prognoses?year=2021&scenario=basis")
        .json()
    )
    (run,) = body["results"]
    assert run["lasten"] == "43500000.00"
    assert run["tekort"] == "821799.00"
    assert run["tekort_pct"] == "1.93"
    assert run["run_on"] == "2021-06-01"


@pytest.mark.parametrize(
    "url", ["/api/v1/budget/bijstellingen", "/api/v1/budget/realisaties", "/api/v1/budget/prognoses"]
)
def test_list_endpoints_query_count_does_not_grow(
    api_client_for, finance, url, django_assert_max_num_queries
):
    api = api_client_for(finance)

    def add(n, offset):
        for i in range(n):
            year = 2000 + offset + i + 15
            services.record_revision(
                year=year,
                kind="definitief",
                amount=D("1000"),
                published_on=date(year, 10, 1),
                source="x",
                actor=finance,
                today=TODAY,
            )
            services.record_realisation(
                year=year, month=date(year, 1, 1), post="ioaw", amount=D("1"), actor=finance
            )
            services.set_caseload_uitgangspunt(year=year, value=10, actor=finance)
            services.recompute_year(year=year, today=TODAY)

    add(1, 0)
    with django_assert_max_num_queries(10) as small:
        api.get(url)
    add(5, 1)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = api.get(url)
    assert len(response.json()["results"]) >= 6
