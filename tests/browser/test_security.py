import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LISTEN = """() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation",
        (event) => window.violations.push(event.violatedDirective));
}"""
INJECT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.appendChild(script);
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="/no-such-image.png" onerror="window.handled = true">';
    document.body.appendChild(holder);
}"""


def inject_script(tab):
    tab.evaluate(LISTEN)
    tab.evaluate(INJECT)
    tab.wait_for_function("window.violations.length >= 2 || window.injected")
    # Give the image's error event its chance to run the handler.
    tab.wait_for_timeout(300)
    return tab.evaluate(
        "() => ({injected: !!window.injected, handled: !!window.handled,"
        " violations: window.violations})"
    )


def test_the_policy_blocks_scripts_injected_into_a_public_page(browser, live_site, tab):
    tab.goto("/pl/")
    blocked = inject_script(tab)

    # The same injection runs where the policy is bypassed: the check can fail.
    context = browser.new_context(base_url=live_site, bypass_csp=True)
    unprotected = context.new_page()
    unprotected.goto("/pl/")
    unprotected.evaluate(INJECT)
    unprotected.wait_for_function("window.injected && window.handled")
    context.close()

    assert blocked["injected"] is False
    assert blocked["handled"] is False
    assert set(blocked["violations"]) <= {"script-src-elem", "script-src-attr"}
    assert len(blocked["violations"]) >= 2


def test_the_admin_works_under_its_policy_and_previews_the_page(tab, demo_password):
    problems = []
    tab.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    tab.goto("/admin/login/")
    tab.locator("#id_username").fill("editor")
    tab.locator("#id_password").fill(demo_password)
    tab.locator("button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))

    tab.goto("/admin/pages/")
    tab.locator("a[href*='/edit/']").first.click()
    expect(tab).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    tab.locator("[data-side-panel-toggle='preview']").click()
    preview = tab.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("main")).to_be_visible()

    assert problems == []
