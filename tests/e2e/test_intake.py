"""An intaker registers a client, submits an aanvraag, and sees it on the client page."""

from almelo_sociaal.accounts.roles import Role


def test_intaker_registers_client_and_aanvraag(page, login, make_user, wijkteam, screenshot):
    intaker = make_user(Role.INTAKER, username="ilse")
    login(page, intaker)

    page.get_by_role("link", name="Cliënten").first.click()
    page.get_by_role("link", name="Nieuwe cliënt registreren").click()
    page.get_by_label("BSN").fill("123456781")  # wrong elfproef first
    page.get_by_label("Voornamen").fill("Julia")
    page.get_by_label("Achternaam").fill("de Boer")
    page.get_by_label("Geboortedatum").fill("1994-06-12")
    page.get_by_label("Leefvorm").select_option("alleenstaand")
    page.get_by_label("Straat").fill("Grotestraat")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("Postcode").fill("7607 ab")
    page.get_by_label("Wijkteam").select_option(label=wijkteam.name)
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Dit BSN is ongeldig: het voldoet niet aan de elfproef.").is_visible()
    screenshot(page, "intake-form-error")

    page.get_by_label("BSN").fill("123456782")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/clienten/*/")
    assert page.get_by_role("heading", name="Julia de Boer").is_visible()

    page.get_by_role("link", name="Nieuwe aanvraag").click()
    page.get_by_label("Regeling").select_option("bijstand")
    page.get_by_label("Voorliggende voorziening").select_option("geen")
    page.locator("#id_score_werk").select_option("2")
    page.locator("#id_score_schulden").select_option("3")
    page.get_by_role("button", name="Aanvraag registreren").click()
    page.wait_for_url("**/aanvragen/*/")
    assert page.locator("#aanvraag-status").inner_text() == "Gemeld"

    page.get_by_role("link", name="Julia de Boer").click()
    assert page.get_by_role("cell", name="Algemene bijstand (Participatiewet)").is_visible()
    assert page.get_by_text("Aanvraag Algemene bijstand (Participatiewet) gemeld").is_visible()
    screenshot(page, "client-detail")
    assert not page.console_errors, page.console_errors
