"""Browser tests: Playwright driving Debian's Chromium against the live server of
tests/conftest.py (demo content seeded once per session)."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        message = f"Chromium is not at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    # Playwright's sync API keeps an event loop in the test thread; Django refuses
    # ORM calls from such a thread unless told they are safe (they are: no await).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def tab(live_site, browser):
    """A fresh browser tab (own cookies) whose browser asks for Polish."""
    context = browser.new_context(base_url=live_site, locale="pl-PL")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(axe, tab):
    """axe-core's serious and critical findings on the open page, readably."""
    results = axe.run(tab)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def log_in(tab, username, password, next_url):
    """Log in through the public form, then land on ``next_url``."""
    tab.goto(f"/pl/accounts/login/?next={next_url}")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(password)
    tab.locator("main button[type=submit]").click()
    expect(tab).to_have_url(re.compile(re.escape(next_url)))
