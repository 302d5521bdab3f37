"""Beheer finds who looked at a client by typing the BSN; the BSN never appears in the address bar."""

from django.urls import reverse

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.audit.models import AccessLog
from tests.factories import ClientFactory


def test_beheer_searches_the_audit_log_by_bsn(page, login, make_user, wijkteam, screenshot):
    viewer = make_user(Role.COACH, wijkteam=wijkteam, username="kijker")
    wanted = ClientFactory(wijkteam=wijkteam, achternaam="Bosscher", bsn="123456782")
    other = ClientFactory(wijkteam=wijkteam, achternaam="Smit")
    for subject in (wanted, other):
        AccessLog.objects.create(user=viewer, client=subject, object_type="cliënt", action="bekeken")
    login(page, make_user(Role.BEHEER))
    page.goto(reverse("audit-log"))
    page.get_by_label("Cliënt (naam of BSN)").fill("123456782")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert "123456782" not in page.url
    reads = page.locator("main table").first.locator("tbody tr")
    body = page.locator("main").inner_text()
    assert str(wanted.pk) in body and "kijker" in body
    assert page.get_by_label("Cliënt (naam of BSN)").input_value() == "123456782"
    numbers = {reads.nth(i).locator("td").nth(4).inner_text().strip() for i in range(reads.count())}
    assert numbers == {str(wanted.pk)}  # only the client searched for, not the other one
    screenshot(page, "audit-search-by-bsn")
