"""portal.localize.translate: translations made in code, as the demo makes them."""

from unittest import mock

import pytest
from wagtail_localize.models import TranslationSource

from portal.localize import translate
from tests.factories import StandardPageFactory, publish

pytestmark = pytest.mark.django_db


class Labelled(dict):
    """Every source string "translated" as the language's code and the string."""

    def __init__(self, code):
        super().__init__()
        self.code = code

    def __contains__(self, text):
        return True

    def __missing__(self, text):
        return f"{self.code}-{text}"


@pytest.fixture
def page(home_pages):
    return publish(StandardPageFactory(parent=home_pages["pl"], slug="o-nas"))


def test_a_second_language_reuses_the_strings_extracted_for_the_first(page, locales):
    translate(page, locales["uk"], Labelled("uk"))

    with mock.patch.object(
        TranslationSource, "update_from_db", autospec=True
    ) as extract:
        english = translate(page, locales["en"], Labelled("en"))

    extract.assert_not_called()
    assert english.intro == "en-Krótki wstęp do strony."


def test_a_source_changed_since_is_extracted_again(page, locales):
    translate(page, locales["uk"], Labelled("uk"))
    page.intro = "Nowy wstęp."
    publish(page)

    english = translate(page, locales["en"], Labelled("en"))

    assert english.intro == "en-Nowy wstęp."
    assert english.slug == "en-o-nas"
