from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from portal.cache import query_read
from portal.search import search_pages
from portal.sitemaps import PortalSitemap

SEARCH_RESULTS_PER_PAGE = 10


def bad_request(request, exception):
    """Django's 400 page, in the language the address names, else the one
    LocaleMiddleware chose. A request refused before LocaleMiddleware activates
    a language (one for an unknown host) would otherwise get whichever language
    its worker last served."""
    language = (
        translation.get_language_from_path(request.path_info)
        or getattr(request, "LANGUAGE_CODE", None)
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        return defaults.bad_request(request, exception)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=200,
        required=False,
        widget=forms.SearchInput,
        error_messages={
            "max_length": _("Please search for at most %(limit_value)d characters.")
        },
    )


def search(request):
    form = SearchForm(request.GET, auto_id="search-%s")
    query, results = "", None
    if form.is_valid():
        query = form.cleaned_data["q"]
        # As typed: "q=vote " would be a second copy of the results for "vote".
        if request.GET.get("q", "") == query:
            query_read(request, "q")
        if query:
            paginator = Paginator(
                search_pages(query, get_language(), request),
                SEARCH_RESULTS_PER_PAGE,
            )
            number = request.GET.get("page")
            results = paginator.get_page(number)
            if number == str(results.number):
                query_read(request, "page")
    return render(
        request,
        "portal/search.html",
        {"search_form": form, "query": query, "results": results},
        status=200 if form.is_valid() else 400,
    )


def document_file_refused(request, path):
    raise Http404


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})


def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {
            "language_codes": [code for code, _name in settings.LANGUAGES],
            "sitemap_url": request.build_absolute_uri(reverse("sitemap")),
        },
        content_type="text/plain; charset=utf-8",
    )
