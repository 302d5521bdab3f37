"""Finance enters a nader voorlopig BUIG budget and sees the % change and the updated chart."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from almelo_sociaal.accounts.roles import Role
from budget import services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def finance_with_2020(make_user):
    finance = make_user(Role.FINANCE)
    for year, kind, amount, published_on in [
        (2019, "definitief", "39301654", date(2019, 10, 1)),
        (2020, "voorlopig", "35516242", date(2019, 10, 1)),
    ]:
        services.record_revision(
            year=year,
            kind=kind,
            amount=Decimal(amount),
            published_on=published_on,
            source="Resultaten 2020",
            actor=finance,
        )
    return finance


def chart_labels(page):
    return page.evaluate(
        "() => Object.values(Chart.instances).filter(c => c.canvas.id === 'timeline-chart')"
        ".map(c => c.data.labels)[0]"
    )


def test_finance_enters_nader_voorlopig_and_sees_change_and_chart(
    page, live_server, login, screenshot, finance_with_2020
):
    login(page, finance_with_2020)
    page.goto("/budget/2020/")
    page.wait_for_function("() => window.budgetCharts && Object.keys(window.budgetCharts).length > 0")
    assert chart_labels(page) == ["Definitief 2019", "Voorlopig 2020"]

    page.get_by_role("link", name="Bijstelling vastleggen").click()
    page.get_by_label("Soort").select_option("nader_voorlopig")
    page.get_by_label("Bedrag (€)").fill("34.240.957")
    page.get_by_label("Publicatiedatum").fill("2020-04-01")
    page.get_by_label("Bron").fill("Beschikking SZW april 2020")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Nader voorlopig budget 2020 is vastgelegd.")).to_be_visible()
    row = page.locator("tr[data-kind=nader_voorlopig]")
    expect(row.get_by_test_id("vs-previous")).to_contain_text("-3,59%")
    expect(row.get_by_test_id("vs-previous")).to_contain_text("-€ 1.275.285,00")
    page.wait_for_function("() => window.budgetCharts && Object.keys(window.budgetCharts).length > 0")
    assert chart_labels(page) == ["Definitief 2019", "Voorlopig 2020", "Nader voorlopig 2020"]
    change_labels = page.evaluate(
        "() => Object.values(Chart.instances).find(c => c.canvas.id === 'timeline-chart')"
        ".options.plugins.changeLabels.labels"
    )
    assert change_labels == ["", "-9,63%", "-3,59%"]
    screenshot(page, "budget-year-2020")
    assert page.console_errors == []
