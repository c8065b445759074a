"""Links to pages that not everyone may see.

A rich-text link or a call-to-action button pointing at a page restricted to a
group, a login or a password would print that page's address, and so its slug
(often its title), in a page everyone reads. Such links go through
``/<language>/page/<id>/`` instead: the reader is sent on to the page if they may
see it, to the login page (which names only that address) if they are not logged
in, and gets a 403 otherwise.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text.pages import PageLinkHandler

from portal.languages import language_tag_html, locale_codes
from portal.public import public


def restricted_ids(pages):
    """Which of these pages (or their ancestors) carry a view restriction."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return set()
    public_pages = public(Page.objects.filter(pk__in=[page.pk for page in pages]))
    return {page.pk for page in pages} - set(public_pages.values_list("pk", flat=True))


def page_link(page, restricted):
    return reverse("page_by_id", args=[page.pk]) if restricted else page.url


class RestrictionAwarePageLinkHandler(PageLinkHandler):
    """A page link in rich text, to the reader's translation of the page; to a
    page in another language (not translated yet) with ``hreflang`` and the same
    visible tag as every other such link (``page_link``, portal_tags.py). The
    handler writes only the opening tag, so the tag comes first in the link, as
    it does everywhere."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = [page.localized if page else None for page in cls.get_many(attrs_list)]
        restricted = restricted_ids(pages)
        reader = get_language()
        codes = locale_codes() if any(pages) else {}
        tags = []
        for page in pages:
            if page is None:
                tags.append("<a>")
                continue
            href = page_link(page, page.pk in restricted)
            language = codes.get(page.locale_id)
            if language and language != reader:
                tags.append(
                    format_html(
                        '<a href="{}" hreflang="{}">{}',
                        href,
                        language,
                        language_tag_html(language),
                    )
                )
            else:
                tags.append(format_html('<a href="{}">', href))
        return tags


def page_by_id(request, page_id):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    page = page.localized.specific
    for restriction in page.get_view_restrictions():
        if restriction.accept_request(request):
            continue
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            break  # the page asks for its password itself
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        response = TemplateResponse(request, "403.html", {}, status=403)
        add_never_cache_headers(response)
        return response
    return redirect(page.url)
