"""Every role's start page and main task at a desk screen's width (1366 px) and a phone's (390 x 844).

Screenshots go to test-artifacts/day-<role>-<page>-<width>.png (look at them); no page may be wider than the
window. On a phone the navigation is one menu button; the week grid reflows to one block per client.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from tests.factories import AanvraagFactory, ClientFactory, UserFactory
from tests.tegenprestatie.factories import HostFactory, PlacementFactory, activity

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}

MAIN_TASK = {
    Role.INTAKER: "cases:client-create",
    Role.COACH: "tegenprestatie:week-grid",
    Role.TOETSER: "cases:toetsing",
    Role.MATCHER: "participation:list",
    Role.COORDINATOR: "dashboards:coordinator",
    Role.SRT: "srt:signals",
    Role.FINANCE: "budget:overview",
    Role.BEHEER: "audit-log",
    Role.HOST_CONTACT: "tegenprestatie:week-grid",
}


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.fixture
def working_day(db, wijkteam):
    subject = ClientFactory(wijkteam=wijkteam, voornamen="Fatma", achternaam="Yilmaz")
    AanvraagFactory(
        client=subject,
        aanvraagdatum=date(2026, 1, 5),
        status="in_behandeling",
        voorliggende_voorziening="geen",
        concept_besluit="toekennen",
        concept_reden="Voldoet aan de voorwaarden.",
        concept_ingangsdatum=date(2026, 1, 5),
        concept_maandbedrag=Decimal("1300.00"),
        concept_door=UserFactory(),
        concept_versie=1,
    )
    host = HostFactory(name="Buurthuis De Riet")
    PlacementFactory(
        client=subject,
        host=host,
        activity=activity("buurthuis"),
        start_date=date(2026, 1, 5),
        agreed_hours=12,
    )
    return subject


@pytest.mark.parametrize("role", list(MAIN_TASK), ids=lambda r: r.value)
def test_start_page_and_main_task_fit_at_both_widths(
    page, login, make_user, wijkteam, working_day, screenshot, role
):
    user = make_user(role, wijkteam=wijkteam)
    login(page, user)
    for size in (DESK, PHONE):
        page.set_viewport_size(size)
        for name, url in (("start", reverse("home")), ("taak", reverse(MAIN_TASK[role]))):
            response = page.goto(url)
            assert response.status == 200, (role, url, response.status)
            screenshot(page, f"day-{role.value}-{name}-{size['width']}")
            assert _overflow(page) <= 1, (role, url, size, _overflow(page))


def test_phone_navigation_is_a_menu_button(page, login, make_user, wijkteam):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    page.set_viewport_size(PHONE)
    login(page, coach)
    page.goto(reverse("jobs:inbox"))
    menu = page.get_by_role("button", name="Menu")
    work = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn werk")
    assert menu.get_attribute("aria-expanded") == "false" and not work.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true" and work.is_visible()
    assert work.get_attribute("aria-current") == "page"
    page.keyboard.press("Escape")
    assert not work.is_visible()


def test_desk_navigation_is_one_row_with_the_right_item(page, login, make_user, wijkteam):
    toetser = make_user(Role.TOETSER, wijkteam=wijkteam)
    login(page, toetser)
    page.goto(reverse("cases:toetsing"))
    links = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, tops
    current = page.locator(".mainnav [aria-current=page]")
    assert current.count() == 1 and current.inner_text() == "Toetsing"


def test_week_grid_on_a_phone(page, login, make_user, wijkteam, working_day, screenshot):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    page.set_viewport_size(PHONE)
    login(page, coach)
    page.goto(reverse("tegenprestatie:week-grid") + "?week=2026-W07")
    hours = page.get_by_label("Uren Fatma Yilmaz")
    assert hours.is_visible()
    box = hours.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    hours.fill("6")
    page.get_by_role("button", name="Week 2026-W07 opslaan").click()
    page.get_by_text("opgeslagen").first.wait_for()
    assert _overflow(page) <= 1
    screenshot(page, "day-coach-week-grid-saved-390")
