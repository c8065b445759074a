import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import log_in, serious_violations

pytestmark = pytest.mark.browser

STRATEGY_UK = "/uk/konsultatsii/proiekt-stratehii-voievodstva/"
MONITORING_PL = "/pl/konsultacje/rekomendacje-monitoringu-lublin/"


def test_an_editor_publishes_a_response_and_the_member_sees_it(
    browser, live_site, demo_password
):
    editor_context = browser.new_context(base_url=live_site, locale="pl-PL")
    editor = editor_context.new_page()
    log_in(editor, "editor", demo_password, "/admin/consultations/outcomes/")
    editor.get_by_role(
        "link", name="Projekt strategii województwa: integracja cudzoziemców"
    ).click()
    editor.get_by_role(
        "link", name=re.compile(r"^1\. Tłumaczenie w szpitalach")
    ).click()
    editor.locator("#id_organisation_position").fill(
        "Popieramy i dodajemy język białoruski."
    )
    editor.locator("#id_outcome").select_option("accepted_in_part")
    editor.locator("#id_authority_reasoning").fill(
        "Tłumaczenie zdalne od marca, w trzech szpitalach."
    )
    editor.locator("#id_responded_on").fill("2026-11-20")
    editor.locator("#id_publish").check()
    editor.locator("main button[type=submit]").click()
    expect(editor).to_have_url(re.compile(r"/admin/consultations/outcomes/\d+/$"))
    editor_context.close()

    member_context = browser.new_context(base_url=live_site, locale="uk-UA")
    member = member_context.new_page()
    log_in(member, "member2", demo_password, STRATEGY_UK)
    member.get_by_role("link", name="1. Переклад у воєводських лікарнях").click()
    outcome = member.locator("#outcome")
    expect(outcome).to_contain_text("Прийнято частково")
    expect(outcome).to_contain_text("Tłumaczenie zdalne od marca, w trzech szpitalach.")
    member_context.close()

    # member2 commented on that recommendation: told once, by e-mail.
    told = [m for m in mail.outbox if m.to == ["member2@example.org"]]
    assert len(told) == 1
    assert "rekomendacji 1" in told[0].subject


# The results, the trackers and the member's start and data pages are checked at
# 320 px by test_phone.py; here the pages that sweep does not open.
def test_the_report_has_no_serious_accessibility_violation(tab, axe):
    tab.goto(MONITORING_PL + "report/")
    expect(tab.get_by_role("heading", level=1)).to_be_visible()

    assert serious_violations(axe, tab) == []


def test_the_e_mail_settings_have_no_serious_accessibility_violation(
    tab, axe, demo_password
):
    log_in(tab, "member1", demo_password, "/pl/accounts/e-mails/")

    assert serious_violations(axe, tab) == []
