import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations

pytestmark = pytest.mark.browser

STRATEGY_UK = "/uk/konsultatsii/proiekt-stratehii-voievodstva/"
MONITORING_PL = "/pl/konsultacje/rekomendacje-monitoringu-lublin/"


def log_in(tab, username, password, next_url):
    tab.goto(f"/uk/accounts/login/?next={next_url}")
    tab.get_by_label("Ім'я користувача").fill(username)
    tab.get_by_label("Пароль").fill(password)
    tab.get_by_role("button", name="Увійти").click()
    expect(tab).to_have_url(re.compile(re.escape(next_url) + "$"))


def tab_until(tab, predicate, limit=80):
    """Press Tab until the focused element matches; the keyboard is all we use."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate(predicate):
            return
    raise AssertionError("never reached by the keyboard")


def test_member_reads_in_ukrainian_takes_a_stance_by_keyboard_comments_and_replies(
    tab, demo_password
):
    log_in(tab, "member9", demo_password, STRATEGY_UK)
    expect(tab.locator("html")).to_have_attribute("lang", "uk")
    tab.get_by_role("link", name="3. Культурні асистенти в школах").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text(
        "Культурні асистенти в школах"
    )

    # The stance, by keyboard alone: reach the radio group, choose with the arrows,
    # say what to change, send with Enter.
    tab_until(tab, "document.activeElement.type === 'radio'")
    tab.keyboard.press("ArrowDown")
    expect(tab.get_by_label("Підтримую зі змінами")).to_be_checked()
    tab_until(tab, "document.activeElement.tagName === 'TEXTAREA'")
    tab.keyboard.type("Також у дитячих садках.")
    tab_until(tab, "document.activeElement.type === 'submit'")
    tab.keyboard.press("Enter")

    expect(tab).to_have_url(re.compile(r"#stance$"))
    expect(tab.get_by_role("status")).to_contain_text("Вашу позицію збережено.")
    expect(tab.get_by_label("Підтримую зі змінами")).to_be_checked()

    # A comment, with the display name asked for the first time.
    new_comment = tab.locator("#new-comment")
    new_comment.get_by_label("Ваш коментар").fill("Асистенти потрібні й у садочках.")
    new_comment.get_by_label("Ваш псевдонім").fill("Sonyashnyk")
    new_comment.get_by_role("button", name="Опублікувати коментар").click()
    expect(tab.get_by_role("status")).to_contain_text("Ваш коментар опубліковано.")
    mine = tab.locator(".comment", has_text="Асистенти потрібні й у садочках.")
    expect(mine).to_contain_text("Sonyashnyk")

    # A reply to another member's comment, opened and sent by keyboard.
    theirs = tab.locator("li.comment", has_text="Асистент нужен и в детских садах")
    theirs.get_by_text("Відповісти", exact=True).focus()
    tab.keyboard.press("Enter")
    theirs.get_by_label("Ваш коментар").fill("Згодна, особливо в Бидгощі.")
    # The display name was chosen with the first comment: not asked again.
    expect(theirs.get_by_label("Ваш псевдонім")).to_have_count(0)
    theirs.get_by_role("button", name="Опублікувати відповідь").click()

    expect(tab).to_have_url(re.compile(r"#comment-\d+$"))
    replies = tab.locator(
        "li.comment", has_text="Асистент нужен и в детских садах"
    ).locator(".comment-list--replies .comment__text")
    expect(replies.filter(has_text="Згодна, особливо в Бидгощі.")).to_have_count(1)


@pytest.mark.parametrize(
    "path",
    [
        STRATEGY_UK,
        STRATEGY_UK + "recommendations/1/",
        "/uk/konsultatsii/",
    ],
)
def test_consultation_pages_for_a_member_have_no_serious_accessibility_violation(
    tab, axe, demo_password, path
):
    log_in(tab, "member2", demo_password, path)
    for summary in tab.locator("details > summary").all()[:3]:
        summary.click()  # check the opened reply forms too

    assert serious_violations(axe, tab) == []


def test_public_closed_consultation_has_no_serious_accessibility_violation(tab, axe):
    tab.goto(MONITORING_PL)
    expect(tab.get_by_role("heading", level=1)).to_be_visible()

    assert serious_violations(axe, tab) == []


def test_a_member_reaches_the_polls_in_a_few_key_presses(tab, demo_password):
    """The skip link, then the contents beside the draft, lead the keyboard to the
    polls: once seventy presses of Tab, past every recommendation."""
    log_in(tab, "member9", demo_password, STRATEGY_UK)
    tab.locator("body").focus()
    keys = []

    def press(key):
        tab.keyboard.press(key)
        keys.append(key)

    press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == "#main"
    press("Enter")
    while tab.evaluate("document.activeElement.getAttribute('href')") != "#polls":
        press("Tab")
        assert len(keys) <= 12, "the contents' link to the polls is too far"
    press("Enter")
    press("Tab")

    focused = tab.evaluate_handle("document.activeElement")
    assert focused.evaluate("element => element.closest('#polls') !== null")
    assert focused.evaluate("element => element.type") in {"radio", "checkbox"}
