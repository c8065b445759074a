"""Most members read on a phone: every page type, and the member's own pages, fit a
320 px and a 390 px wide screen without scrolling sideways, in Polish and
Ukrainian, and axe-core finds nothing serious on them at 320 px."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from consultations.access import ConsultationAccess
from consultations.models import ConsultationPage
from tests.browser.conftest import log_in, serious_violations

pytestmark = pytest.mark.browser

WIDTHS = [320, 390]
LANGUAGES = ["pl", "uk"]
ACCOUNT_PAGES = ["/{language}/accounts/", "/{language}/accounts/my-data/"]


def one_page_of_each_type(language, member):
    """A live page of every page type of the demo, and the consultation module's
    own routes (results, a recommendation), as a member of both teams sees them."""
    urls = {}
    for page in (
        Page.objects.live()
        .filter(locale__language_code=language, depth__gt=1)
        .specific()
        .order_by("path")
    ):
        urls.setdefault(type(page).__name__, page.url)
    consultations = ConsultationPage.objects.live().filter(
        locale__language_code=language
    )
    consultation = next(
        page
        for page in consultations.order_by("path")
        if ConsultationAccess(member, page.record).can("see_results")
    )
    recommendation = consultation.record.recommendations.order_by("number").first()
    urls["results"] = consultation.url + "results/"
    urls["recommendation"] = f"{consultation.url}recommendations/{recommendation.pk}/"
    urls["search"] = f"/{language}/search/?q=integracja"
    for path in ACCOUNT_PAGES:
        urls[path] = path.format(language=language)
    return urls


def overflow(tab):
    """How many pixels the page is wider than the screen, and its widest element."""
    return tab.evaluate(
        """() => {
            const excess = document.documentElement.scrollWidth - window.innerWidth;
            if (excess <= 0) return null;
            let widest = null;
            for (const element of document.querySelectorAll("body *")) {
                const box = element.getBoundingClientRect();
                if (box.right > window.innerWidth + 1 &&
                    (!widest || box.width < widest.width) &&
                    getComputedStyle(element).position !== "fixed") {
                    widest = {
                        width: box.width,
                        what: element.tagName.toLowerCase() +
                            (element.className ? "." + String(element.className)
                                .trim().split(/\\s+/).join(".") : ""),
                    };
                }
            }
            return `${excess}px too wide (${widest ? widest.what : "?"})`;
        }"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_fits_a_phone_without_sideways_scrolling(
    browser, live_site, axe, demo_password, language
):
    urls = one_page_of_each_type(
        language, get_user_model().objects.get(username="member1")
    )
    problems = []
    context = browser.new_context(base_url=live_site, locale="pl-PL")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    try:
        log_in(tab, "member1", demo_password, f"/{language}/accounts/")
        for name, url in urls.items():
            # Loaded once, at the narrowest width, then widened: the layout is
            # CSS alone, so a resize lays the page out as a load at that width.
            tab.set_viewport_size({"width": WIDTHS[0], "height": 800})
            response = tab.goto(url)
            assert response.status == 200, (url, response.status)
            problems += [
                f"{WIDTHS[0]}px {name} {url}: axe {violation}"
                for violation in serious_violations(axe, tab)
            ]
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": 800})
                too_wide = overflow(tab)
                if too_wide:
                    problems.append(f"{width}px {name} {url}: {too_wide}")
    finally:
        context.close()

    assert not problems, "\n".join(problems)
