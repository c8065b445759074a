from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from portal.models import FooterContent, MainMenu
from portal.navigation import resolve_links

register = template.Library()

# Open Graph names a locale with its country: the portal's readers are in Poland,
# its English is British.
OPEN_GRAPH_LOCALES = {"pl": "pl_PL", "uk": "uk_UA", "en": "en_GB", "ru": "ru_RU"}


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
def site_navigation(context):
    """This language's main menu and footer (Snippets → Main menus, Footers), with
    their links looked up together."""
    request = context.get("request")
    language_code = get_language()
    menu = MainMenu.for_language(language_code)
    footer = FooterContent.for_language(language_code)
    if request is None:
        return {"menu": [], "footer": footer, "footer_links": []}
    menu_links, footer_links = resolve_links(
        [menu.items if menu else [], footer.links if footer else []],
        request,
        language_code,
    )
    return {"menu": menu_links, "footer": footer, "footer_links": footer_links}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way from this language's home page down to the current page."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {
        "request": context.get("request"),
        "ancestors": list(ancestors),
        "page": page,
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.filter
def open_graph_locale(language_code):
    """Open Graph's locale format: uk → uk_UA."""
    return OPEN_GRAPH_LOCALES.get(language_code, language_code)


@register.simple_tag
def query_with(request, **changes):
    """The request's query string with some parameters replaced, e.g. the page."""
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = value
    return query.urlencode()


@register.simple_tag
def fragment_cache():
    """What a ``{% wagtailpagecache %}`` around page content varies on besides the
    page: the page cache's generation (so a page chooser's target being renamed or
    moved shows at once) and its timeout (0 in tests that count rendering)."""
    from portal.cache import current_generation

    timeout = settings.PAGE_CACHE_SECONDS
    return {"timeout": timeout, "generation": current_generation() if timeout else 0}


@register.filter
def total_minutes(duration):
    """A timedelta in whole minutes, rounded up (for the login lockout page)."""
    return -(-int(duration.total_seconds()) // 60) if duration else 0
