from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string


def search_pages(text, language_code):
    """Live pages in this language matching what a visitor typed, best first.

    Only public pages: ``wagtail start``'s search view leaves out ``.public()`` and
    shows anyone the titles of pages restricted to a group or by a password.

    The text is parsed into words and "quoted phrases" rather than handed to the
    database: SQLite's full-text syntax fails on an unbalanced quote.
    """
    _filters, query = parse_query_string(text)
    locale = Locale.objects.get(language_code=language_code)
    return Page.objects.live().public().filter(locale=locale).specific().search(query)
