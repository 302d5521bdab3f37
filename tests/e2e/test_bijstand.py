"""Recht en hoogte in the browser (issue 19, 'done when'): a consulent records a household with a partner and a
housemate, enters an income, and sees the right, the amount and every line; the toetser approves that amount.
Screenshots of every page at 1366 and 390 px wide; no page scrolls sideways."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from almelo_sociaal.accounts.roles import Role
from cases import services as cases_services
from cases.models import Uitkeringsdossier
from tests.bijstand.factories import partner_bsn
from tests.factories import ClientFactory

NOW = datetime(2026, 6, 15, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
        "document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className)"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px: {wide}"


def _both_widths(page, screenshot, name: str, within: str = "") -> None:
    """``within``: check only that element (a panel of ours on another app's page)."""
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        if within:
            right = page.evaluate(f"document.querySelector('{within}').getBoundingClientRect().right")
            assert right <= width, f"{within} is {right}px wide at {width}px"
        else:
            _no_sideways_scroll(page)
        screenshot(page, f"bijstand-{name}-{width}")
    page.set_viewport_size({"width": 1366, "height": 900})


def test_household_income_calculation_and_approval(page, login, make_user, wijkteam, screenshot):
    with time_machine.travel(NOW, tick=True):
        consulent = make_user(Role.INTAKER, username="ivo")
        toetser = make_user(Role.TOETSER, username="tara")
        person = ClientFactory(
            wijkteam=wijkteam, voornamen="Karin", achternaam="Smit", birth_date=date(1984, 3, 3)
        )
        aanvraag = cases_services.submit_aanvraag(
            actor=consulent,
            client=person,
            regeling="bijstand",
            aanvraagdatum=date(2026, 6, 1),
            voorliggende_voorziening="geen",
        )
        cases_services.start_behandeling(actor=consulent, aanvraag=aanvraag)

        login(page, consulent)
        page.goto(f"/bijstand/clienten/{person.pk}/huishouden/")
        page.get_by_text("Huishoudlid toevoegen").click()
        form = page.locator("form[action$='/huishouden/lid/']")
        form.locator("#id_rol").select_option("partner")
        form.locator("#id_relatie").select_option("gehuwd")
        form.locator("#id_partner_bsn").fill(partner_bsn(7))
        form.locator("#id_voornamen").fill("Erik")
        form.locator("#id_achternaam").fill("Smit")
        form.locator("#id_geboortedatum").fill("1982-09-09")
        form.locator("#id_ingangsdatum").fill("2026-06-01")
        form.get_by_role("button", name="Toevoegen").click()
        assert page.get_by_text("Het huishoudlid is vastgelegd").is_visible()

        page.get_by_text("Huishoudlid toevoegen").click()
        form = page.locator("form[action$='/huishouden/lid/']")
        form.locator("#id_rol").select_option("huisgenoot")
        form.locator("#id_naam").fill("Peter de Groot")
        form.locator("#id_geboortedatum").fill("1970-01-01")
        form.locator("#id_ingangsdatum").fill("2026-06-01")
        form.get_by_role("button", name="Toevoegen").click()

        page.get_by_text("Inkomen vastleggen").click()
        form = page.locator("form[action$='/huishouden/inkomen/']")
        form.locator("#id_soort").select_option("arbeid")
        form.locator("#id_bedrag").fill("400")
        form.locator("#id_ingangsdatum").fill("2026-06-01")
        form.get_by_role("button", name="Vastleggen").click()
        assert "Gehuwden / gezamenlijke huishouding" in page.locator("#h-huishouden").inner_text()
        _both_widths(page, screenshot, "huishouden")

        page.get_by_role("link", name="Berekening", exact=True).click()
        assert page.locator("#recht").inner_text() == "Ja"
        assert page.locator("#bedrag").inner_text() == "€ 1.435,18"
        assert page.get_by_role("cell", name="art. 22a lid 1").is_visible()
        assert page.get_by_role("cell", name="art. 31 lid 2 n").is_visible()
        _both_widths(page, screenshot, "berekening")

        # The draft takes the calculated amount (maandbedrag left empty)
        page.goto(f"/clienten/aanvragen/{aanvraag.pk}/")
        page.locator("#draft-form input[value=toekennen]").check()
        page.locator("#draft-form #id_reden").fill("Voldoet aan de voorwaarden.")
        page.locator("#draft-form #id_ingangsdatum").fill("2026-06-01")
        page.get_by_role("button", name="Ter toetsing aanbieden").click()
        assert page.get_by_text("Het conceptbesluit is ter toetsing aangeboden.").is_visible()

        page.get_by_role("button", name="Uitloggen").click() if page.get_by_role(
            "button", name="Uitloggen"
        ).count() else None
        page.context.clear_cookies()
        login(page, toetser)
        page.goto(f"/clienten/aanvragen/{aanvraag.pk}/")
        assert page.locator("#berekend-bedrag").inner_text() == "€ 1.435,18"
        assert page.locator("#concept-bedrag").inner_text() == "€ 1.435,18"
        _both_widths(page, screenshot, "toetsing")
        page.get_by_role("button", name="Goedkeuren versie 1").click()
        assert page.get_by_text("Het besluit is goedgekeurd en vastgesteld.").is_visible()
        assert str(Uitkeringsdossier.objects.get(aanvraag=aanvraag).maandbedrag) == "1435.18"

        page.goto(f"/clienten/{person.pk}/")
        page.locator("#bijstand-panel").wait_for()
        # The client page itself (cases) has a wide aanvragen table at 390 px; our panel must fit.
        _both_widths(page, screenshot, "client", within="#bijstand-panel")
    assert not page.console_errors, page.console_errors


def test_what_if_calculator(page, login, make_user, screenshot):
    with time_machine.travel(NOW, tick=True):
        login(page, make_user(Role.COACH))
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Proefberekening").click()
        page.get_by_label("Leeftijden huisgenoten").fill("30, 45")
        page.get_by_role("button", name="Berekenen").click()
        assert page.locator("#bedrag").inner_text() == "€ 867,59"  # 3 kostendelers
        _both_widths(page, screenshot, "proefberekening")
    assert not page.console_errors, page.console_errors
