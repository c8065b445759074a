from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


def _homes(request):
    """This site's live home page in each language, looked up once per request."""
    if not hasattr(request, "_portal_homes"):
        site = Site.find_for_request(request)
        homes = (
            site.root_page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            if site
            else []
        )
        request._portal_homes = {home.locale.language_code: home for home in homes}
    return request._portal_homes


def _page_translations(page):
    if not page.pk:  # a preview of a page never saved
        return {}
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {
        translation.locale.language_code: translation for translation in translations
    }


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language for the switcher and the hreflang alternates.

    On a page, a language links to the page's translation where one is live, else
    to that language's home page (not an alternate, since it is other content).
    Elsewhere (accounts, forms) the same view exists in every language.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = get_language()
    translations = _page_translations(page) if isinstance(page, Page) else None
    links = []
    for code, _name in settings.LANGUAGES:
        if translations is None:
            url, alternate = translate_url(request.get_full_path(), code), True
        elif code in translations:
            url, alternate = translations[code].get_url(request), True
        elif code in _homes(request):
            url, alternate = _homes(request)[code].get_url(request), False
        else:
            continue
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "alternate": alternate,
                "is_current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Pages an editor ticked "Show in menus" under this language's home page."""
    request = context.get("request")
    home = _homes(request).get(get_language()) if request else None
    if home is None:
        return Page.objects.none()
    return home.get_children().live().public().in_menu()
