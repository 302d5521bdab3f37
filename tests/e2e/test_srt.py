"""SRT in the browser: triage a signal into an investigation, record the outcome, see the report."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.parameters.services import ensure_default_parameters
from srt.models import SrtInvestigation

from ..factories import ClientFactory, DossierFactory
from ..srt.factories import SignalFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_srt_triages_records_outcome_and_sees_report(page, login, screenshot, make_user, wijkteam):
    ensure_default_parameters()
    srt = make_user(Role.SRT, first_name="Rob", last_name="Recherche")
    subject = ClientFactory(wijkteam=wijkteam, achternaam="Jansen")
    dossier = DossierFactory(client=subject, maandbedrag=Decimal("1170.00"))
    signal = SignalFactory(
        client=subject,
        dossier=dossier,
        source="gegevensmatch",
        received_on=date.today() - timedelta(days=20),
        description="Suwinet: inkomsten uit arbeid niet gemeld.",
    )
    login(page, srt)

    # Triage: open an investigation.
    page.goto("/srt/signalen/")
    page.get_by_role("link", name="Beoordelen").click()
    page.get_by_label("Onderzoek openen").check()
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    page.get_by_text("is geopend").wait_for()
    investigation = SrtInvestigation.objects.get(signal=signal)
    assert page.get_by_test_id("status").inner_text() == "Gemeld"

    # Start, add a finding.
    page.get_by_role("button", name="Onderzoek starten").click()
    assert page.get_by_test_id("status").inner_text() == "In onderzoek"
    page.get_by_label("Nieuwe bevinding").fill("Werkgever bevestigt loon sinds maart.")
    page.get_by_role("button", name="Bevinding toevoegen").click()
    page.get_by_test_id("notes").get_by_text("Werkgever bevestigt loon").wait_for()

    # Outcome: benefit ended, boete from the proposal.
    page.get_by_role("link", name="Uitkomst vastleggen").click()
    page.get_by_label("Uitkering beëindigd").check()
    page.get_by_label("Conclusie").fill("Inkomsten verzwegen; geen recht op bijstand.")
    page.get_by_label("Inlichtingenplicht (art. 17) geschonden").check()
    page.get_by_label("Verwijtbaarheid").select_option("grove_schuld")
    page.get_by_label("Benadelingsbedrag").fill("4000,00")
    page.get_by_label("Benadelingsbedrag").dispatch_event("change")
    page.locator("#boete-proposal").get_by_text("€ 3.000,00").first.wait_for()
    page.get_by_label("Terugvordering (art. 58)").fill("4000,00")
    screenshot(page, "srt-outcome")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Uitkomst vastleggen en afronden").click()
    page.get_by_text("het onderzoek is afgerond").wait_for()
    assert page.get_by_test_id("outcome").inner_text().startswith("Uitkering beëindigd")
    assert "€ 14.040,00" in page.get_by_test_id("savings").inner_text()

    investigation.refresh_from_db()
    assert (investigation.boete, investigation.terugvordering) == (Decimal("3000.00"), Decimal("4000.00"))

    # Report: the closed investigation is counted.
    page.get_by_role("link", name="SRT-resultaten").click()
    page.get_by_label("Van").fill((date.today() - timedelta(days=30)).isoformat())
    page.get_by_label("Tot en met").fill(date.today().isoformat())
    page.get_by_role("button", name="Toon periode").click()
    assert page.get_by_test_id("total").inner_text() == "1"
    assert page.get_by_test_id("terugvordering-total").inner_text() == "€ 4.000,00"
    assert page.get_by_test_id("savings-total").inner_text() == "€ 14.040,00"
    screenshot(page, "srt-report")
    # The only tolerated console error is the missing /favicon.ico of the base layout (not SRT's).
    assert [e for e in page.console_errors if "404" not in e] == []
