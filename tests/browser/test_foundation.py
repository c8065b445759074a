import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations

pytestmark = pytest.mark.browser


def test_visitor_switches_to_ukrainian_and_a_member_logs_in(tab, demo_password):
    tab.goto("/")
    expect(tab).to_have_url(re.compile(r"/pl/$"))
    expect(tab.locator("html")).to_have_attribute("lang", "pl")

    tab.get_by_role("navigation", name="Wybierz język").get_by_role(
        "link", name="Українська"
    ).click()
    expect(tab).to_have_url(re.compile(r"/uk/$"))
    expect(tab.locator("html")).to_have_attribute("lang", "uk")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Голос мігрантів")

    tab.get_by_role("link", name="Увійти").click()
    tab.get_by_label("Ім'я користувача").fill("member1")
    tab.get_by_label("Пароль").fill(demo_password)
    tab.get_by_role("button", name="Увійти").click()

    # Back where the member started, now logged in.
    expect(tab).to_have_url(re.compile(r"/uk/$"))
    expect(tab.get_by_role("button", name="Вийти")).to_be_visible()
    tab.get_by_role("link", name="Мій обліковий запис").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Мій обліковий запис")
    expect(tab.get_by_role("main")).to_contain_text("member1")


def test_skip_link_is_the_first_stop_for_the_keyboard(tab):
    tab.goto("/en/")

    tab.keyboard.press("Tab")
    skip_link = tab.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    tab.keyboard.press("Enter")

    expect(tab).to_have_url(re.compile(r"#main$"))
    expect(tab.locator("main")).to_be_focused()


def test_wrong_password_error_is_announced_and_linked(tab):
    tab.goto("/en/accounts/login/")
    tab.get_by_label("Username").fill("member1")
    tab.get_by_label("Password").fill("not-the-password")
    tab.get_by_role("button", name="Log in").click()

    expect(tab.get_by_role("alert")).to_contain_text("Please enter a correct username")


@pytest.mark.parametrize("language", ["pl", "uk", "en", "ru"])
def test_home_page_has_no_serious_accessibility_violation(tab, axe, language):
    tab.goto(f"/{language}/")

    assert serious_violations(axe, tab) == []


@pytest.mark.parametrize(
    "path", ["/uk/accounts/login/", "/pl/accounts/password/reset/"]
)
def test_account_forms_have_no_serious_accessibility_violation(tab, axe, path):
    tab.goto(path)

    assert serious_violations(axe, tab) == []
