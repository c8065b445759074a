import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations

pytestmark = pytest.mark.browser

CAMPAIGN_PL = "Migrantki i migranci — nasze sąsiadki i sąsiedzi"
CAMPAIGN_UK = "Мігрантки та мігранти — наші сусідки й сусіди"


def test_visitor_reads_a_campaign_switches_to_ukrainian_and_searches(tab):
    tab.goto("/")
    tab.get_by_role("navigation", name="Menu główne").get_by_role(
        "link", name="Kampanie"
    ).click()
    expect(tab).to_have_url(re.compile(r"/pl/kampanie/$"))
    tab.get_by_role("link", name=CAMPAIGN_PL).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(CAMPAIGN_PL)

    tab.get_by_role("navigation", name="Wybierz język").get_by_role(
        "link", name="Українська"
    ).click()
    expect(tab).to_have_url(re.compile(r"/uk/kampanii/susidky-i-susidy/$"))
    expect(tab.locator("html")).to_have_attribute("lang", "uk")
    expect(tab.get_by_role("heading", level=1)).to_have_text(CAMPAIGN_UK)

    tab.get_by_label("Пошук на сайті").fill("сусідки")
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile(r"/uk/search/\?q="))
    results = tab.locator(".search-results")
    expect(results.get_by_role("link", name=CAMPAIGN_UK)).to_be_visible()
    expect(tab.get_by_role("main")).not_to_contain_text(CAMPAIGN_PL)
    results.get_by_role("link", name=CAMPAIGN_UK).click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(CAMPAIGN_UK)


def test_a_counselling_request_with_mistakes_is_corrected_by_keyboard(tab):
    tab.goto("/uk/yurydychni-konsultatsii/")
    expect(tab.locator("#id_homepage")).to_be_hidden()  # the honeypot
    tab.get_by_label("Перебування та легалізація").check()
    tab.get_by_label("Телефоном").check()
    tab.get_by_label("Ваше питання").fill("Моя карта побуту закінчується.")
    tab.get_by_role("button", name="Надіслати запит").focus()
    tab.keyboard.press("Enter")

    summary = tab.get_by_role("alert")
    expect(summary).to_contain_text("Вкажіть номер телефону")
    expect(tab.get_by_label("Ваше питання")).to_have_value(
        "Моя карта побуту закінчується."
    )
    summary.get_by_role("link", name=re.compile("Номер телефону")).focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_label("Номер телефону")).to_be_focused()
    tab.keyboard.type("+48 600 000 000")
    tab.get_by_label(re.compile("Я погоджуюся")).check()
    tab.get_by_role("button", name="Надіслати запит").click()

    expect(tab.get_by_role("heading", level=1)).to_have_text("Дякуємо")


# Every page type is checked at 320 px in Polish and Ukrainian, as a member sees it,
# by test_phone.py; here what that sweep does not open: the pages with a form as
# an anonymous visitor sees them, the network page's filters and the 404 page.
PAGES = [
    "/pl/kluby-i-sieci/klub-przedsiebiorczych-kobiet/",
    "/pl/kluby-i-sieci/asystenci-kulturowi/",
    "/uk/kluby-ta-merezhi/kulturni-asystenty/",
    "/pl/porady-prawne/",
    "/pl/no-such-page/",
    "/uk/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_a_visitor_sees_have_no_serious_accessibility_violation(tab, axe, path):
    tab.goto(path)

    assert serious_violations(axe, tab) == []


def test_a_form_with_errors_has_no_serious_accessibility_violation(tab, axe):
    tab.goto("/pl/kluby-i-sieci/klub-przedsiebiorczych-kobiet/")
    tab.get_by_role("button", name="Wyślij").click()
    expect(tab.get_by_role("alert")).to_be_visible()

    assert serious_violations(axe, tab) == []
