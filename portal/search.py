from wagtail.models import Locale, Page


def search_pages(query, language_code):
    """Live pages in this language matching the query, best match first.

    Only public pages: ``wagtail start``'s search view leaves out ``.public()`` and
    shows anyone the titles of pages restricted to a group or by a password.
    """
    locale = Locale.objects.get(language_code=language_code)
    return Page.objects.live().public().filter(locale=locale).specific().search(query)
