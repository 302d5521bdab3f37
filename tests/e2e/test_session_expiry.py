"""A form sent after the session expired: the login page says "sessie verlopen" and that nothing was saved; after
logging in again the user is back on the form with the typed input put back (kept in the browser tab only)."""

from django.contrib.sessions.models import Session
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from cases.models import Client
from tests.e2e.conftest import PASSWORD
from tests.factories import ClientFactory


def test_expired_session_on_post_says_so_and_keeps_the_input(page, login, make_user, wijkteam, screenshot):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    subject = ClientFactory(wijkteam=wijkteam, phone="0546-111111")
    login(page, coach)
    page.goto(reverse("cases:client-edit", args=[subject.pk]))
    page.get_by_label("Telefoon").fill("06-12345678")
    Session.objects.all().delete()  # the session runs out while the form is open
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/inloggen/**")
    notice = page.locator("#sessie-verlopen")
    assert "Uw sessie is verlopen" in notice.inner_text() and "niet opgeslagen" in notice.inner_text()
    screenshot(page, "session-expired-login")
    assert Client.objects.get(pk=subject.pk).phone == "0546-111111"

    page.get_by_label("Gebruikersnaam").fill(coach.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**{reverse('cases:client-edit', args=[subject.pk])}")
    assert page.get_by_label("Telefoon").input_value() == "06-12345678"
    assert page.locator("#invoer-teruggezet").is_visible()
    screenshot(page, "session-expired-input-restored")


def test_a_normal_page_load_forgets_the_kept_input(page, login, make_user, wijkteam):
    coach = make_user(Role.COACH, wijkteam=wijkteam)
    subject = ClientFactory(wijkteam=wijkteam)
    login(page, coach)
    page.goto(reverse("cases:client-edit", args=[subject.pk]))
    page.get_by_label("Telefoon").fill("06-12345678")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.evaluate("sessionStorage.getItem('almelo:pending-form')") is None
