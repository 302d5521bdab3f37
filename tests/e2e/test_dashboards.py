"""A coordinator switches wijkteam and period on the dashboard; the management overview shows all teams."""

from datetime import date

from almelo_sociaal.accounts.roles import Role
from operations.dashboards.services import backfill
from operations.jobs.services import refresh_work_items

from ..factories import ClientFactory, DossierFactory


def _caseload(team, n, start):
    for i in range(n):
        DossierFactory(client=ClientFactory(wijkteam=team), startdatum=date(start, 1 + i % 12, 1))


def test_coordinator_switches_wijkteam_and_period(
    page, login, make_user, wijkteam, other_wijkteam, screenshot
):
    _caseload(wijkteam, 6, 2019)
    _caseload(other_wijkteam, 3, 2020)
    backfill(start=date(2019, 1, 1), end=date(2021, 12, 31))
    refresh_work_items(today=date.today())
    login(page, make_user(Role.COORDINATOR, wijkteam=wijkteam, username="coby"))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Dashboard").click()
    assert page.get_by_role("heading", name=f"Dashboard {wijkteam.name}").is_visible()

    page.get_by_label("Van (maand)").fill("2019-01")
    page.get_by_label("Tot en met (maand)").fill("2021-12")
    page.get_by_role("button", name="Toon").click()
    groups = page.locator("#table-groups tbody tr").filter(has_text="geen groep")
    assert groups.locator("td").nth(1).inner_text() == "6"
    screenshot(page, "dashboard-coordinator")

    page.get_by_label("Wijkteam").select_option(label=other_wijkteam.name)
    page.get_by_role("button", name="Toon").click()
    assert page.get_by_role("heading", name=f"Dashboard {other_wijkteam.name}").is_visible()
    assert groups.locator("td").nth(1).inner_text() == "3"

    page.get_by_label("Tot en met (maand)").fill("2019-12")
    page.get_by_role("button", name="Toon").click()
    assert page.get_by_text("De eindmaand ligt vóór de beginmaand.").count() == 0
    assert groups.locator("td").nth(1).inner_text() == "0"  # the other team had no dossiers in 2019
    assert page.locator("#chart-caseload").is_visible()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Management").click()
    assert page.get_by_role("cell", name=wijkteam.name).is_visible()
    screenshot(page, "dashboard-management")
    assert not page.console_errors, page.console_errors
