"""The finance pages: what finance, beheer and a coordinator see; Dutch errors next to the field; export."""

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import format_euro
from budget import services
from budget.models import BudgetRevision

from .conftest import TODAY
from .factories import BudgetYearFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_async_recompute")]


@pytest.fixture
def year_2020(db):
    return BudgetYearFactory(year=2020)


def year_page(client, user, year=2020):
    client.force_login(user)
    response = client.get(reverse("budget:year", args=[year]))
    assert response.status_code == 200
    return response


def test_year_page_shows_the_must_show_changes(client, finance, seed_revisions):
    html = year_page(client, finance).content.decode()
    assert "-9,63%" in html  # voorlopig 2020 vs definitief 2019
    assert "-3,59%" in html  # nader voorlopig vs voorlopig 2020
    assert "+7,59%" in html  # definitief vs nader voorlopig 2020
    assert "-6,26%" in html  # definitief 2020 vs definitief 2019


def test_year_page_chart_data_has_the_timeline_with_percent_labels(client, finance, seed_revisions):
    chart = year_page(client, finance).context["chart"]
    labels = [(p["label"], p["change_label"]) for p in chart["timeline"]]
    assert labels == [
        ("Definitief 2019", ""),
        ("Voorlopig 2020", "-9,63%"),
        ("Nader voorlopig 2020", "-3,59%"),
        ("Definitief 2020", "+7,59%"),
        ("Voorlopig 2021", "+15,85%"),
    ]
    assert chart["timeline"][0]["amount"] == "39301654.00"


def test_finance_sees_entry_buttons_and_a_coordinator_does_not(client, finance, make_user, seed_revisions):
    assert "Bijstelling vastleggen" in year_page(client, finance).content.decode()
    coordinator_html = year_page(client, make_user(Role.COORDINATOR)).content.decode()
    assert "Bijstelling vastleggen" not in coordinator_html
    assert "Corrigeren" not in coordinator_html
    assert "managementoverzicht" in coordinator_html


def test_management_view_does_not_show_who_entered_what(client, finance, make_user, seed_revisions):
    services.correct_revision(
        revision_id=seed_revisions[1].pk,
        amount=D("35516242"),
        published_on=date(2019, 10, 1),
        source="x",
        reason="bron aangevuld",
        actor=finance,
        today=TODAY,
    )
    coordinator_html = year_page(client, make_user(Role.COORDINATOR)).content.decode()
    assert str(finance) not in coordinator_html
    assert str(finance) in year_page(client, finance).content.decode()


def test_beheer_reads_without_entry_buttons(client, make_user, seed_revisions):
    html = year_page(client, make_user(Role.BEHEER)).content.decode()
    assert "Bijstelling vastleggen" not in html
    assert "-9,63%" in html


def test_entering_a_nader_voorlopig_budget_with_dutch_notation(client, finance):
    services.record_revision(
        year=2020,
        kind="voorlopig",
        amount=D("35516242"),
        published_on=date(2019, 10, 1),
        source="x",
        actor=finance,
        today=TODAY,
    )
    client.force_login(finance)
    response = client.post(
        reverse("budget:revision-create", args=[2020]),
        {
            "kind": "nader_voorlopig",
            "amount": "€ 34.240.957,00",
            "published_on": "2020-04-01",
            "source": "SZW",
        },
    )
    assert response.status_code == 302
    assert BudgetRevision.objects.get(kind="nader_voorlopig").amount == D("34240957.00")
    follow = client.get(response["Location"])
    assert "-3,59%" in follow.content.decode()


def test_duplicate_kind_shows_the_dutch_error_next_to_the_field(client, finance, seed_revisions):
    client.force_login(finance)
    response = client.post(
        reverse("budget:revision-create", args=[2020]),
        {"kind": "voorlopig", "amount": "1", "published_on": "2019-10-02", "source": "x"},
    )
    assert response.status_code == 400
    assert "Is het bedrag onjuist, leg dan een correctie vast." in response.context["form"].errors["kind"][0]


@pytest.mark.parametrize("text", ["veel", "12,3,4", "1e400000"])
def test_an_amount_that_is_not_euros_is_refused(client, finance, year_2020, text):
    client.force_login(finance)
    response = client.post(
        reverse("budget:revision-create", args=[2020]),
        {"kind": "voorlopig", "amount": text, "published_on": "2019-10-01", "source": "x"},
    )
    assert response.status_code == 400
    assert "amount" in response.context["form"].errors


def test_correction_form_records_a_correction(client, finance, seed_revisions):
    client.force_login(finance)
    target = seed_revisions[2]
    response = client.post(
        reverse("budget:revision-correct", args=[target.pk]),
        {"amount": "34.240.000", "published_on": "2020-04-01", "source": "x", "reason": "typefout"},
    )
    assert response.status_code == 302
    assert target.correction.amount == D("34240000.00")
    html = client.get(reverse("budget:year", args=[2020])).content.decode()
    assert "gecorrigeerd" in html
    assert "typefout" in html


def test_realisation_form_books_a_month(client, finance, year_2020):
    client.force_login(finance)
    response = client.post(
        reverse("budget:realisation-create", args=[2020]),
        {"month": "2020-03", "post": "ioaw", "amount": "145.603,24", "reference": "maandrapportage"},
    )
    assert response.status_code == 302
    html = client.get(reverse("budget:year", args=[2020])).content.decode()
    assert "€ 145.603,24" in html


def test_realisation_in_another_year_is_refused_in_dutch(client, finance, year_2020):
    client.force_login(finance)
    response = client.post(
        reverse("budget:realisation-create", args=[2020]), {"month": "2021-03", "post": "ioaw", "amount": "1"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["month"] == ["De maand moet in 2020 liggen."]


def test_srt_recoveries_show_beside_the_ledger(client, finance, seed_revisions, fake_srt, monkeypatch):
    monkeypatch.setattr("budget.selectors.default_srt_source", lambda: fake_srt)
    response = year_page(client, finance, 2021)
    ledger = response.context["ledger"]
    assert ledger["srt_available"] is True
    assert ledger["months"][1].srt == D("45000.50")
    assert ledger["srt_total"] == D("75000.50")
    assert "SRT-terugvorderingen overnemen als baten" in response.content.decode()


def test_without_the_srt_module_the_page_says_not_available(client, finance, seed_revisions, monkeypatch):
    monkeypatch.setattr("budget.selectors.default_srt_source", lambda: None)
    response = year_page(client, finance, 2021)
    assert response.context["ledger"]["srt_available"] is False
    assert "koppeling niet beschikbaar" in response.content.decode()


def test_the_real_srt_selector_is_used_when_present():
    from budget.selectors import default_srt_source

    source = default_srt_source()
    if source is None:
        pytest.skip("srt.selectors.recoveries_by_month is not (yet) available")
    assert source.__module__ == "srt.selectors"
    assert source.__name__ == "recoveries_by_month"


def test_vangnet_working_says_which_condition_is_not_met(client, finance, seed_revisions):
    services.configure_vangnet(
        year=2020,
        eigen_risico_pct=D("7.5"),
        bands=[(D("7.5"), D("12.5"), D("50")), (D("12.5"), None, D("100"))],
        multiyear_years=3,
        multiyear_threshold_pct=D("7.5"),
        source="Regeling vangnetuitkering",
    )
    for m in range(1, 13):
        services.record_realisation(
            year=2020, month=date(2020, m, 1), post="algemene_bijstand", amount=D("3350000"), actor=finance
        )
    response = year_page(client, finance)
    estimate = response.context["vangnet"]
    assert response.context["vangnet_basis"] == "gerealiseerde netto lasten (heel jaar)"
    by_code = {c.code: c for c in estimate.conditions}
    assert by_code["tekort_jaar"].met is True  # 40.2M vs 36.84M = +9.12%
    assert by_code["tekort_meerjarig"].met is None  # 2018 has no figures
    html = response.content.decode()
    assert "Cijfers ontbreken voor 2018" in html
    assert "onder voorbehoud" in html


def test_overview_lists_the_years(client, finance, seed_revisions):
    client.force_login(finance)
    response = client.get(reverse("budget:overview"))
    years = [row["year"].year for row in response.context["rows"]]
    assert years == [2021, 2020, 2019]
    assert "€ 42.678.201,00" in response.content.decode()


def test_pages_hold_no_personal_data(client, finance, seed_revisions, client_in_team):
    html = year_page(client, finance).content.decode()
    assert client_in_team.bsn not in html
    assert client_in_team.achternaam not in html


def test_no_inline_scripts_on_the_year_page(client, finance, seed_revisions):
    html = year_page(client, finance).content.decode()
    assert "<script>" not in html
    assert 'type="application/json"' in html  # json_script carries the chart data


def test_export_is_an_excel_workbook_with_decimal_figures(client, finance, seed_revisions):
    client.force_login(finance)
    response = client.get(reverse("budget:export", args=[2020]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(BytesIO(response.content))
    assert wb.sheetnames == ["Bijstellingen", "Realisatie", "Prognose", "Vangnet", "Toelichting"]
    rows = list(wb["Bijstellingen"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["Voorlopig", "Nader voorlopig", "Definitief"]
    assert rows[0][2] == 35516242
    assert rows[0][8] == pytest.approx(-9.63)
    assert rows[1][6] == pytest.approx(-3.59)


def test_year_page_query_count_does_not_grow_with_the_ledger(
    client, finance, seed_revisions, django_assert_max_num_queries
):
    client.force_login(finance)
    url = reverse("budget:year", args=[2020])
    for m in range(1, 13):
        services.record_realisation(
            year=2020, month=date(2020, m, 1), post="ioaw", amount=D("1"), actor=finance
        )
    with django_assert_max_num_queries(15) as small:  # the first request after login also saves the session
        client.get(url)
    for m in range(1, 13):
        for post in ("algemene_bijstand", "ioaz", "bbz_levensonderhoud", "loonkostensubsidie"):
            services.record_realisation(
                year=2020, month=date(2020, m, 1), post=post, amount=D("2"), actor=finance
            )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_a_forecast_tekort_above_the_signal_threshold_is_shown(client, finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    services.recompute_year(year=2021, today=TODAY)
    response = year_page(client, finance, 2021)
    assert [run.scenario for run in response.context["signals"]] == [
        "hoog"
    ]  # +17,72%; basis +1,93% is below 5%
    assert "boven de signaalgrens van 5% van het budget" in response.content.decode()


def test_no_signal_when_every_scenario_is_below_the_threshold(client, finance, seed_revisions):
    services.set_caseload_uitgangspunt(year=2021, value=2500, actor=finance)
    services.recompute_year(year=2021, today=TODAY)
    response = year_page(client, finance, 2021)
    assert response.context["signals"] == []  # hoog: 2,750 × € 15,750 = +1,46%


def test_overview_saldo_uses_the_realisation_of_a_complete_year(client, finance, seed_revisions):
    for m in range(1, 13):
        services.record_realisation(
            year=2020, month=date(2020, m, 1), post="algemene_bijstand", amount=D("3350000"), actor=finance
        )
    client.force_login(finance)
    rows = {r["year"].year: r for r in client.get(reverse("budget:overview")).context["rows"]}
    assert rows[2020]["saldo_basis"] == "realisatie"
    assert rows[2020]["saldo"].tekort == D("3359896.00")  # 40,200,000 − 36,840,104
    assert rows[2021]["saldo"] is None  # no forecast run yet


def test_every_scenario_shows_its_own_vangnet_working(client, finance, seed_revisions):
    services.configure_vangnet(
        year=2021,
        eigen_risico_pct=D("7.5"),
        bands=[(D("7.5"), D("12.5"), D("50")), (D("12.5"), None, D("100"))],
        source="Regeling vangnetuitkering",
    )
    services.set_caseload_uitgangspunt(year=2021, value=2900, actor=finance)
    runs = services.recompute_year(year=2021, today=TODAY)
    html = year_page(client, finance, 2021).content.decode()
    assert len(runs) >= 2
    for run in runs:
        start = html.index(f'data-testid="vangnet-{run.scenario}"')
        section = html[start : html.index("</details>", start)]
        assert f"Netto lasten 2021: {format_euro(run.lasten)}" in section
