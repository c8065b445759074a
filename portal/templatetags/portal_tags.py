from functools import partial

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from portal.cache import page_cache, request_generation
from portal.languages import (
    AVAILABLE_IN_LANGUAGE,
    IN_LANGUAGE,
    language_tag_html,
    other_language,
)
from portal.models import FooterContent, MainMenu
from portal.navigation import Link, resolve_links
from portal.routing import ancestors_on_the_way, live_translations, read_kept

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
    translations = live_translations(page)
    if translations is None:  # not read with the page (portal/routing.py)
        translations = (
            page.get_translations(inclusive=True).live().select_related("locale")
        )
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
    if isinstance(page, Page) and page.pk:
        targets = _shared(
            request, "languages", [page.pk], partial(_page_targets, request, page)
        )
    elif isinstance(page, Page):  # a preview of a page never saved
        targets = _page_targets(request, page)
    else:
        path = request.get_full_path()
        targets = [(code, translate_url(path, code), True) for code in _codes()]
    current = get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": url,
            "absolute_url": request.build_absolute_uri(url),
            "alternate": alternate,
            "is_current": code == current,
        }
        for code, url, alternate in targets
    ]


def _codes():
    return [code for code, _name in settings.LANGUAGES]


def _page_targets(request, page):
    """(language, address, is an alternate) for each language with somewhere to go."""
    translations = _page_translations(page)
    targets = []
    for code in _codes():
        if code in translations:
            targets.append((code, translations[code].get_url(request), True))
        elif code in _homes(request):
            targets.append((code, _homes(request)[code].get_url(request), False))
    return targets


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """This language's main menu and footer (Snippets → Main menus, Footers), with
    their links looked up together."""
    request = context.get("request")
    language_code = get_language()
    if request is None:
        footer = FooterContent.for_language(language_code)
        return {
            "menu": [],
            "footer": footer,
            "footer_language": other_language(footer, language_code=language_code),
            "footer_links": [],
        }
    return _shared(
        request, "navigation", [], partial(_navigation, request, language_code)
    )


def _navigation(request, language_code):
    menu = MainMenu.for_language(language_code)
    footer = FooterContent.for_language(language_code)
    # Either may be the default language's, not translated yet (for_language).
    menu_language = menu.locale.language_code if menu else language_code
    footer_language = footer.locale.language_code if footer else language_code
    menu_links, footer_links = resolve_links(
        [menu.items if menu else [], footer.links if footer else []],
        request,
        language_code,
        written_in=[menu_language, footer_language],
    )
    return {
        "menu": menu_links,
        "footer": footer,
        "footer_language": other_language(footer, language_code=language_code),
        "footer_links": footer_links,
    }


def _shared(request, name, parts, compute):
    """A piece of the site's frame that is the same for every reader of a language
    (menus and language links name public pages only), kept in the page cache for
    its generation: a publish, a move or a menu saved shows at once."""
    cached = fragment_cache(request)
    if not cached["timeout"] or getattr(request, "is_preview", False):
        return compute()
    key = ":".join(
        map(str, [name, cached["generation"], cached["site"], get_language(), *parts])
    )
    value = read_kept(key)
    if value is None:
        value = compute()
        page_cache().set(key, value, cached["timeout"])
    return value


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way from this language's home page down to the current page."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk or page.depth <= 2:
        return {"ancestors": []}
    on_the_way = ancestors_on_the_way(page)
    if on_the_way is None:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    else:  # read with the page when its address was looked up
        ancestors = [
            ancestor for ancestor in on_the_way if ancestor.depth >= 2 and ancestor.live
        ]
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
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


@register.simple_tag(takes_context=True, name="fragment_cache")
def fragment_cache_tag(context):
    return fragment_cache(context.get("request"))


def fragment_cache(request):
    """What a cached fragment varies on besides its own key: the page cache's
    generation (so a page chooser's target being renamed or moved shows at once),
    the site, and the timeout (0 in tests that count rendering)."""
    timeout = settings.PAGE_CACHE_SECONDS
    if not timeout:
        return {"timeout": 0, "generation": 0, "site": 0}
    site = Site.find_for_request(request) if request else None
    return {
        "timeout": timeout,
        "generation": request_generation(request),
        "site": site.pk if site else 0,
    }


@register.filter
def total_minutes(duration):
    """A timedelta in whole minutes, rounded up (for the login lockout page)."""
    return -(-int(duration.total_seconds()) // 60) if duration else 0


@register.simple_tag(takes_context=True)
def page_link(context, target, label="", href="", css_class="", current=False):
    """A link to a page, or to a menu's Link: the one way the site links to its
    pages, so that a link into another language always says so (``hreflang`` and
    a visible tag) and a title in another language carries its ``lang``.

    ``label`` is the editor's own wording for the link, written in the language
    of the page around it; without one the link shows the page's title.
    ``href`` replaces the page's address (a restricted page's, portal/links.py).

    Written here rather than as a template: a page has a link like this in its
    menu, footer and every card, and a template's own context for each cost
    more than the rest of the link.
    """
    if isinstance(target, Link):
        language, label_language = target.language, target.label_language
        href, label = href or target.url, label or target.label
    else:
        language = page_language(context, target)
        label_language = None if label else language
        href = href or target.get_url(context.get("request"))
        label = label or target.title
    return format_html(
        '<a href="{}"{}{}{}>{}{}</a>',
        href,
        format_html(' class="{}"', css_class) if css_class else "",
        format_html(' hreflang="{}"', language) if language else "",
        mark_safe(' aria-current="page"') if current else "",
        mark_safe(language_tag_html(language)) if language else "",
        format_html('<span lang="{}">{}</span>', label_language, label)
        if label_language
        else label,
    )


@register.simple_tag
def time_span(starts_at, ends_at=None):
    """When an event or meeting takes place, in the site's time zone
    (Europe/Warsaw), machine-readable too; the end without its date when it is
    the same day. Each time is made local and formatted once (as the ``date``
    filter would, which a template needs six times for this)."""
    if not starts_at:
        return ""
    starts_at = template_localtime(starts_at)
    html = _time(starts_at, "l, j E Y, H:i")
    if ends_at:
        ends_at = template_localtime(ends_at)
        same_day = ends_at.date() == starts_at.date()
        html += "–" + _time(ends_at, "H:i" if same_day else "l, j E Y, H:i")
    return mark_safe(html)


def _time(value, shown):
    # ``date:"c"`` is the ISO 8601 form.
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, shown)
    )


def page_language(context, target):
    """The language of a page or snippet if it is not the reader's, else None;
    without a query when it shares the current page's locale."""
    page = context.get("page")
    if (
        isinstance(page, Page)
        and page.locale_id == target.locale_id
        and page.locale.language_code == get_language()
    ):
        return None
    return other_language(target, context.get("request"))


@register.filter
def in_language(language_code):
    """ "in Polish", in the reader's language."""
    return IN_LANGUAGE.get(language_code, language_code)


@register.filter
def available_in_language(language_code):
    """ "available in Polish", in the reader's language."""
    return AVAILABLE_IN_LANGUAGE.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def language_if_other(context, item):
    """The language of a page or snippet shown here, if not the reader's: for
    ``lang`` and a note on content shown in another language."""
    return page_language(context, item) or ""


@register.inclusion_tag("includes/placed_messages.html", takes_context=True)
def placed_messages(context, anchor, number=None):
    """The messages about the item at ``anchor`` (``comment``, 42: ``comment-42``).
    A view adds them with ``extra_tags=anchor`` and redirects to ``#anchor``; they
    are shown there and focused, so whoever just posted hears the outcome where
    they are. With ``""``: the messages about no item, for the top of the page."""
    if number is not None:
        anchor = f"{anchor}-{number}"
    messages = context.get("messages") or ()
    return {"messages": [m for m in messages if (m.extra_tags or "") == anchor]}
