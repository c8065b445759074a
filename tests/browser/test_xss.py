"""What people type is shown as text, never run, wherever it appears: on the
public site, in search, and to editors in the admin.

The test proves escaping, not the Content Security Policy: besides checking that
no payload ran (``window.__xss``), it checks that the page holds no element or
attribute made from a payload.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

STRATEGY = "/pl/konsultacje/projekt-strategii-wojewodztwa/"
COUNSELLING = "/pl/porady-prawne/"
CLUB = "/pl/kluby-i-sieci/klub-przedsiebiorczych-kobiet/"

PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=1</script>",
    '"><svg onload=window.__xss=1>',
    "javascript:window.__xss=1",
]
COMMENT = "Uwaga: " + " ".join(PAYLOADS)
DISPLAY_NAME = '"><svg onload=window.__xss=1>'
SEARCH = '"><img src=x onerror=window.__xss=1>'

INJECTED = """() => {
    const found = [];
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.trim().toLowerCase();
            if ((name.startsWith("on") && value.includes("__xss"))
                || (["href", "src", "action", "formaction"].includes(name)
                    && value.startsWith("javascript:"))) {
                found.push(element.outerHTML.slice(0, 200));
            }
        }
        if (element.tagName === "SCRIPT" && element.textContent.includes("__xss")) {
            found.push(element.outerHTML.slice(0, 200));
        }
        if (element.tagName === "IMG" && element.getAttribute("src") === "x") {
            found.push(element.outerHTML.slice(0, 200));
        }
    }
    return found;
}"""


def assert_inert(tab):
    assert tab.evaluate("typeof window.__xss") == "undefined", tab.url
    assert tab.evaluate(INJECTED) == [], tab.url


FILL_FORM = """([form, text]) => {
    const root = document.querySelector(form);
    for (const field of root.querySelectorAll("input, textarea, select")) {
        if (field.name === "homepage" || field.type === "hidden") continue;
        if (field.type === "submit" || field.type === "button") continue;
        if (field.tagName === "SELECT") {
            field.selectedIndex = field.options.length > 1 ? 1 : 0;
        } else if (field.type === "checkbox") {
            field.checked = true;
        } else if (field.type === "radio") {
            const group = root.querySelectorAll(`input[name="${field.name}"]`);
            if (![...group].some((radio) => radio.checked)) group[0].checked = true;
        } else if (field.type === "email") {
            field.value = "olena@example.org";
        } else if (field.type === "tel" || /phone|telefon/i.test(field.name)) {
            field.value = "+48 600 000 000";
        } else if (field.type === "date") {
            field.value = "1990-01-01";
        } else if (field.type === "number") {
            field.value = "3";
        } else {
            field.value = text.slice(0, field.maxLength > 0 ? field.maxLength : 4000);
        }
    }
}"""


def send_public_form(tab, url, text):
    tab.goto(url)
    form = "main form[method=post]"
    tab.evaluate(FILL_FORM, [form, text])
    tab.locator(form).locator("button[type=submit]").last.click()
    expect(tab.locator("main")).not_to_contain_text("homepage")
    assert tab.evaluate("document.querySelector('main form[method=post]')") is None, (
        tab.locator("main").inner_text()
    )


def test_a_members_words_and_name_stay_text_for_readers_and_moderators(
    browser, live_site, demo_password
):
    member = browser.new_context(base_url=live_site, locale="pl-PL").new_page()
    log_in(member, "member11", demo_password, "/pl/accounts/display-name/")
    member.locator("#id_display_name").fill(DISPLAY_NAME)
    member.locator("main button[type=submit]").click()
    expect(member).to_have_url(re.compile(r"/pl/accounts/$"))
    assert_inert(member)

    member.goto(STRATEGY)
    new_comment = member.locator("#new-comment")
    new_comment.locator("textarea").fill(COMMENT)
    new_comment.locator("button[type=submit]").click()
    expect(member.locator(".comment").last).to_contain_text(COMMENT)
    expect(member.get_by_text(DISPLAY_NAME).first).to_be_visible()
    assert_inert(member)

    member.goto(f"/pl/search/?q={SEARCH}")
    expect(member.locator("main")).to_contain_text(SEARCH)
    assert_inert(member)
    member.context.close()

    editor = browser.new_context(base_url=live_site, locale="pl-PL").new_page()
    log_in(editor, "editor", demo_password, "/admin/consultations/moderation/?show=all")
    expect(editor.locator("main")).to_contain_text(PAYLOADS[1])
    assert_inert(editor)
    editor.locator("main a[href*='/admin/consultations/moderation/']").filter(
        has_text=re.compile(r"\d")
    ).first.click()
    assert_inert(editor)
    editor.goto("/admin/consultations/translations/")
    assert_inert(editor)
    editor.context.close()


def test_public_form_answers_stay_text_for_staff(
    tab, browser, live_site, demo_password
):
    text = "Olena " + " ".join(PAYLOADS)
    send_public_form(tab, COUNSELLING, text)
    send_public_form(tab, CLUB, text)

    # Counselling requests are read by counsellors only, on the inspect view and
    # (read-only beside the status and assignee) on the edit view.
    counsellor = browser.new_context(base_url=live_site, locale="pl-PL").new_page()
    log_in(counsellor, "counsellor", demo_password, "/admin/counselling_requests/")
    assert_inert(counsellor)
    counsellor.locator("main table a[href*='/edit/']").first.click()
    expect(counsellor.locator("main")).to_contain_text(PAYLOADS[0])
    assert_inert(counsellor)
    counsellor.goto(counsellor.url.replace("/edit/", "/inspect/"))
    expect(counsellor.locator("main")).to_contain_text(PAYLOADS[0])
    assert_inert(counsellor)
    counsellor.context.close()

    editor = browser.new_context(base_url=live_site, locale="pl-PL").new_page()
    log_in(editor, "editor", demo_password, "/admin/forms/")
    editor.locator("main tr", has_text="przedsiębiorczych").locator(
        "a[href*='/admin/forms/submissions/']"
    ).first.click()
    expect(editor.locator("main")).to_contain_text(PAYLOADS[0])
    assert_inert(editor)
    editor.context.close()


def test_the_check_sees_a_payload_that_did_run(tab):
    """The check above can fail: on a page that does not escape, it does. (A blank
    page, where no Content-Security-Policy stops the payload.)"""
    tab.goto("about:blank")
    tab.set_content(f"<p>{PAYLOADS[0]}</p><p>{PAYLOADS[2]}</p>")
    tab.wait_for_function("window.__xss === 1")

    with pytest.raises(AssertionError):
        assert_inert(tab)
    tab.evaluate("delete window.__xss")
    assert len(set(tab.evaluate(INJECTED))) == 2
