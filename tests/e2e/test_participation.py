"""A coach records a participation profile, sees the suggestion, overrides it with a reason, sees the history."""

from datetime import date

from almelo_sociaal.accounts.roles import Role
from tests.factories import ClientFactory, DossierFactory


def test_coach_records_profile_and_overrides_the_suggestion(page, login, make_user, wijkteam, screenshot):
    coach = make_user(Role.COACH, wijkteam=wijkteam, username="cor", first_name="Cor", last_name="Coach")
    hein = ClientFactory(
        wijkteam=wijkteam,
        voornamen="Hein",
        achternaam="Wolters",
        birth_date=date(1977, 4, 3),
        coach=coach,  # Participatie opens on the coach's own caseload
    )
    DossierFactory(client=hein, startdatum=date(2023, 5, 1))
    login(page, coach)

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Participatie", exact=True
    ).click()
    page.get_by_role("link", name="Hein Wolters").click()
    page.get_by_role("link", name="Profiel vastleggen").click()
    page.locator("#id_motivatie").get_by_label("matig").check()
    page.locator("#id_kans_arbeidsmarkt").get_by_label("matig").check()
    page.locator("#id_opleiding").get_by_label("matig").check()
    page.locator("#id_belemmeringen").get_by_label("in zekere mate aanwezig").check()
    page.locator("#id_trede").get_by_label("2 – sociale contacten buiten de deur").check()
    page.get_by_role("button", name="Profiel opslaan en voorstel bekijken").click()
    assert page.get_by_text("Geef aan op welke leefgebieden de belemmeringen liggen.").is_visible()
    screenshot(page, "participation-profile-error")

    page.get_by_label("gezondheid (psychisch)").check()
    page.get_by_label("Wijk- of zorgcoach betrokken").select_option("wijkcoach")
    page.get_by_role("button", name="Profiel opslaan en voorstel bekijken").click()
    page.wait_for_url("**/groep/")
    suggestion = page.get_by_test_id("suggestion")
    assert suggestion.get_by_text("Groep 3", exact=True).is_visible()
    assert suggestion.get_by_text("wijk- of zorgcoach betrokken: wijkcoach → groep 3").is_visible()
    screenshot(page, "participation-suggestion")

    page.get_by_label("Groep 4 – multiproblematiek").check()
    page.get_by_role("button", name="Groep vaststellen").click()
    assert page.get_by_text("Geef een reden: u kiest groep 4, het voorstel is groep 3.").is_visible()
    page.get_by_label("Reden").fill("Schulden en huisvesting escaleren; eerst stabiliseren.")
    page.get_by_role("button", name="Groep vaststellen").click()
    page.wait_for_url(f"**/participatie/clienten/{hein.pk}/")

    assert page.get_by_test_id("current-group").inner_text() == "4"
    assert page.get_by_text("afwijkend van voorstel groep 3").is_visible()
    history = page.get_by_test_id("group-history")
    assert history.get_by_role(
        "cell", name="Schulden en huisvesting escaleren; eerst stabiliseren."
    ).is_visible()
    screenshot(page, "participation-client")

    page.get_by_role("link", name="Hein Wolters").first.click()
    page.get_by_test_id("participation-panel").wait_for()  # the panel loads after the page (htmx)
    assert page.get_by_test_id("participation-panel").is_visible()
    screenshot(page, "participation-panel-on-client-page")
    assert not page.console_errors, page.console_errors
