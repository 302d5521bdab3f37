"""A coach registers a week of tegenprestatie hours for several clients in the week grid and sees the totals.

One row above the weekly maximum first: nothing is stored and the row says why; after the correction the whole
week is saved (htmx swaps only the grid) and the totals add up.
"""

from datetime import date
from decimal import Decimal

from almelo_sociaal.accounts.roles import Role
from tegenprestatie.models import HourLog
from tests.factories import ClientFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory, activity


def test_coach_registers_a_week_of_hours_in_the_grid(page, login, make_user, wijkteam, screenshot):
    coach = make_user(Role.COACH, wijkteam=wijkteam, username="cor")
    host = HostFactory(name="Buurthuis De Riet")
    names = [("Fatma", "Yilmaz"), ("Piet", "Nijhuis"), ("Sanne", "Wolters")]
    placements = [
        PlacementFactory(
            client=ClientFactory(wijkteam=wijkteam, voornamen=first, achternaam=last),
            host=host,
            activity=activity("buurthuis"),
            start_date=date(2026, 1, 5),
            agreed_hours=Decimal("12"),  # registering above the agreed hours needs a reason (issue 17)
        )
        for first, last in names
    ]
    second = PlacementFactory(
        client=placements[0].client,
        host=host,
        activity=activity("bibliotheek"),
        start_date=date(2026, 1, 5),
        agreed_hours=Decimal("8.5"),
    )
    login(page, coach)

    page.get_by_role("link", name="Uren", exact=True).first.click()
    page.wait_for_url("**/tegenprestatie/uren/**")
    page.get_by_label("Week", exact=True).fill("2026-W07")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**week=2026-W07**")
    assert page.get_by_role("heading", name="Uren tegenprestatie — week 2026-W07").is_visible()

    page.get_by_label("Uren Fatma Yilmaz").first.fill("12")
    page.locator(f"[name=hours-{second.pk}]").fill("8,5")  # Fatma's second placement: 20,5 in total
    page.get_by_label("Uren Piet Nijhuis").fill("6")
    page.get_by_label("Uren Sanne Wolters").fill("0")
    page.get_by_label("Aanwezigheid Sanne Wolters").select_option("niet_verschenen")
    page.get_by_role("button", name="Week 2026-W07 opslaan").click()
    errors = page.get_by_text("Maximaal 20 uur per week: week 2026-W07 komt op 20,5 uur.")
    errors.first.wait_for()
    assert errors.count() == 2  # both of Fatma's rows: together they exceed the weekly maximum
    assert page.get_by_text("Er is niets opgeslagen").is_visible()
    assert HourLog.objects.count() == 0
    screenshot(page, "tegenprestatie-week-grid-error")

    page.locator(f"[name=hours-{second.pk}]").fill("7,5")
    page.get_by_role("button", name="Week 2026-W07 opslaan").click()
    page.get_by_text("4 regel(s) opgeslagen voor week 2026-W07.").wait_for()
    assert HourLog.objects.count() == 4
    assert page.locator(f"[data-testid=total-{placements[0].pk}]").inner_text() == "19,5"
    assert page.locator(f"[data-testid=total-{placements[1].pk}]").inner_text() == "6"
    assert page.locator("#grid-total").inner_text() == "25,5 uur"
    assert page.get_by_text("3 cliënten, 4 van 4 regels geregistreerd").is_visible()
    screenshot(page, "tegenprestatie-week-grid")
    assert not page.console_errors, page.console_errors
