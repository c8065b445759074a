from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

from portal.languages import locale_codes


def search_pages(text, language_code, request=None):
    """Live pages matching what a visitor typed: those in the reader's language
    first, best first; then pages in the other languages that have no live version
    in the reader's language (each says which language it is in:
    ``result.language``), best first.

    Only public pages: ``wagtail start``'s search view leaves out ``.public()`` and
    shows anyone the titles of pages restricted to a group or by a password.

    The text is parsed into words and "quoted phrases" rather than handed to the
    database: SQLite's full-text syntax fails on an unbalanced quote.
    """
    _filters, query = parse_query_string(text)
    locale = Locale.objects.get(language_code=language_code)
    public = Page.objects.live().public()
    in_language = public.filter(locale=locale)
    elsewhere = public.exclude(locale=locale).exclude(
        translation_key__in=in_language.values("translation_key")
    )
    return ResultsInLanguages(
        in_language.specific().search(query),
        elsewhere.specific().search(query),
        locale_codes(request),
        language_code,
    )


class ResultsInLanguages:
    """Two lists of search results read as one, for a paginator: each is counted
    once, and a page of results asks only the lists it spans."""

    def __init__(self, first, then, codes, language_code):
        self.parts = [first, then]
        self.codes = codes
        self.language_code = language_code
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = [part.count() for part in self.parts]
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        results, offset = [], 0
        for part, size in zip(self.parts, self.counts(), strict=True):
            if stop > offset and start < offset + size:
                results += list(part[max(start - offset, 0) : stop - offset])
            offset += size
        for result in results:
            code = self.codes.get(result.locale_id)
            result.language = code if code != self.language_code else None
        return results
