"""Accessibility: axe-core in chromium on the main pages of every app; no serious or critical violations.

axe-core is vendored (tests/e2e/vendor/axe-core-<version>.min.js, MPL-2.0, licence header kept), so CI needs no
npm. It is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not block.
Pages: the login page, every GET page without URL arguments (found by walking the URL patterns, so new pages of
any app are covered automatically) and the detail pages of one client and one aanvraag.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from almelo_sociaal.accounts.roles import Role
from tests.factories import AanvraagFactory, ClientFactory, DossierFactory, UserFactory, WijkteamFactory

AXE = next((Path(__file__).parent / "vendor").glob("axe-core-*.min.js"))
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""
SKIP_PREFIXES = ("/api/", "/beheer/", "/healthz", "/uitloggen/", "/static/")
SKIP_SUFFIXES = (".csv", ".xlsx")

# Violations in templates owned by other apps, reported to their owners (see docs/security.md); they are
# listed here so that any *new* violation still fails. Key: (path, axe rule id).
KNOWN: dict[tuple[str, str], str] = {}


def _plain_get_paths() -> list[str]:
    paths = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and not p.pattern.converters:
                route = "/" + prefix + str(p.pattern)
                if "<" not in route and "(" not in route and "^" not in route:
                    paths.append(route)

    walk(get_resolver().url_patterns)
    return [p for p in paths if not p.startswith(SKIP_PREFIXES) and not p.endswith(SKIP_SUFFIXES)]


def _check(page, path: str, found: dict, checked: list | None = None):
    from playwright.sync_api import Error

    try:
        response = page.goto(path)
    except Error:  # a POST-only URL answers 405 without a body
        page.wait_for_load_state()  # let an interrupted navigation settle before the next goto
        return
    if response is None or response.status in (403, 404, 405):
        return
    page.evaluate(AXE.read_text())
    assert page.evaluate("() => typeof axe.run") == "function"
    if checked is not None:
        checked.append(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        found[(path, "horizontal-overflow")] = {
            "impact": "serious",
            "id": "horizontal-overflow",
            "help": f"page is {overflow}px wider than the window",
            "nodes": [],
        }
    for violation in page.evaluate(RUN_AXE):
        found[(path, violation["id"])] = violation


@pytest.fixture
def everyone(db):
    team = WijkteamFactory(code="binnenstad", name="Binnenstad-Hofkamp")
    user = UserFactory(username="a11y", first_name="Toegankelijk", wijkteam=team)
    user.groups.set([Group.objects.get_or_create(name=r.value)[0] for r in Role if r != Role.API_CLIENT])
    client = ClientFactory(wijkteam=team)
    # A redrafted decision waiting for a toetser: the page shows the version and what changed.
    aanvraag = AanvraagFactory(
        client=client,
        aanvraagdatum=date(2026, 1, 5),
        status="in_behandeling",
        voorliggende_voorziening="geen",
        concept_besluit="toekennen",
        concept_reden="Voldoet aan de voorwaarden.",
        concept_ingangsdatum=date(2026, 1, 5),
        concept_maandbedrag=Decimal("1300.00"),
        concept_door=UserFactory(),
        concept_versie=2,
        vorig_concept={
            "versie": 1,
            "besluit": "toekennen",
            "reden": "Voldoet aan de voorwaarden.",
            "ingangsdatum": "2026-01-05",
            "maandbedrag": "1200.00",
            "bedrag_motivering": "",
        },
    )
    DossierFactory(client=client)
    return user, client, aanvraag


@pytest.mark.parametrize("width", [1366, 390])
def test_no_serious_accessibility_violations(page, login, everyone, screenshot, width):
    """Every page the walk finds, at a desk screen's width and at a phone's (390 x 844)."""
    page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
    user, client, aanvraag = everyone
    found: dict = {}
    checked: list[str] = []
    _check(page, "/inloggen/", found, checked)
    login(page, user)
    page.goto(reverse("cases:client-search"))
    page.get_by_label("Zoek op naam, BSN of postcode").fill(client.achternaam)
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    detail_pages = [
        reverse("cases:client-detail", args=[client.pk]),
        reverse("cases:client-edit", args=[client.pk]),
        reverse("cases:client-move", args=[client.pk]),
        reverse("cases:aanvraag-create", args=[client.pk]),
        reverse("cases:aanvraag-detail", args=[aanvraag.pk]),
        reverse("participation:client", args=[client.pk]),
        reverse("tegenprestatie:client-progress", args=[client.pk]),
    ]
    for path in [*_plain_get_paths(), *detail_pages]:
        _check(page, path, found, checked)
    page.wait_for_load_state()
    page.goto(reverse("security:account"))
    assert page.get_by_alt_text("QR-code voor de authenticator-app").evaluate("img => img.naturalWidth") > 0
    screenshot(page, f"account-security-{width}")
    # A form re-rendered with field errors.
    page.goto(reverse("cases:client-create"))
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    page.evaluate(AXE.read_text())
    for violation in page.evaluate(RUN_AXE):
        found[("client-create with errors", violation["id"])] = violation
    screenshot(page, f"a11y-client-form-errors-{width}")
    assert len(checked) >= 20, checked
    print("axe-core checked:", checked)
    assert page.console_errors == [] or all("Content Security Policy" not in e for e in page.console_errors)
    new = {key: v for key, v in found.items() if key not in KNOWN}
    report = "\n".join(
        f"{path} {v['impact']} {v['id']}: {v['help']} {v['nodes']}" for (path, _), v in new.items()
    )
    assert not new, "axe-core: serious/critical violations\n" + report
