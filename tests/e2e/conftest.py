"""Browser tests: Playwright (Python) driving Debian's chromium against pytest-django's live_server.

Skipped with a clear reason when /usr/bin/chromium (or CHROMIUM_PATH) is missing; .ci/run installs it.
Screenshots go to test-artifacts/ (look at them).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "Test-wachtwoord-123"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)
            if not Path(CHROMIUM).exists():
                item.add_marker(
                    pytest.mark.skip(reason=f"no chromium at {CHROMIUM}: apt-get install chromium")
                )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="nl-NL", base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    # A re-rendered form with field errors answers 400 by design; anything else in the console is an error.
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text) if msg.type == "error" and "status of 400" not in msg.text else None
        ),
    )
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def login():
    def _login(page, user, password: str = PASSWORD):
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/inloggen/" not in url)

    return _login


@pytest.fixture
def screenshot():
    def _shot(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot
