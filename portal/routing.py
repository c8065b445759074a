"""What finding a page costs, kept in the cache: the site an address belongs to,
the page it leads to, and that page's view restrictions.

Wagtail finds a page by walking down the tree one slug at a time, a query or two
per level, on every request; members' pages and every form post pay for it.
``find_route`` finds the same page by its address in two queries, and its
answer (the page as published, and how many of the address's parts its own
address takes) is kept under the page cache's generation, and followed only
while the page's own stamp is unchanged: a publish renews the one or the other
(a new text the page's stamp, a new title or address the generation), an
unpublish, move or delete the generation, so a kept route never outlives the
tree and the content it was found in: the same rule as for whole stored pages.

A kept route is followed the way Wagtail would continue from that page
(``page.route`` with the rest of the address: a routable page's own views, or a
child page), and Wagtail's serve view then runs as usual: privacy checks, hooks
and the page's own ``serve`` are untouched. Wagtail reads the route from
``request._wagtail_route_for_request`` (see ``Page.route_for_request``), and the
site from ``request._wagtail_site`` (``Site.find_for_request``). Sites and view
restrictions start a new generation when saved (portal/cache.py, WATCHED_MODELS).
``find_site`` finds the site as Wagtail does, with its root page and settings.
"""

import hashlib
import pickle
import uuid
from copy import copy
from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost, ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)
from wagtail.views import serve as wagtail_serve

from portal.cache import (
    GENERATION_KEY,
    current_stamps,
    page_cache,
    page_stamp_key,
    request_generation,
)
from portal.public import under_view_restrictions, view_restrictions_of
from portal.queries import CompiledRead

# What unpickling a kept object raises when its class has since moved or changed,
# or its model was removed (apps.get_model's LookupError).
UNLOADABLE = (
    AttributeError,
    ImportError,
    LookupError,
    TypeError,
    pickle.UnpicklingError,
)

# The most levels a page tree has: its paths' length over the length of a step.
MOST_LEVELS = Page._meta.get_field("path").max_length // Page.steplen


class PageRouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        keys = _kept_keys(request) if settings.PAGE_CACHE_SECONDS else None
        site = None
        if keys:
            site, request._kept_route = _read_kept_for(request, *keys)
            request._kept_route_key = keys[1]
        if site is not None:
            request._wagtail_site = site
        response = self.get_response(request)
        # Kept only if this request looked its site up anyway, and without the
        # root page it has served since (whatever the request attached to it).
        if keys and site is None and getattr(request, "_wagtail_site", None):
            kept = copy(request._wagtail_site)
            kept._state = copy(kept._state)
            kept._state.fields_cache = {}
            page_cache().set(
                keys[0],
                {"generation": request_generation(request), "site": kept},
                settings.PAGE_CACHE_SECONDS,
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve:
            return None
        site = find_site(request)
        if site is None:
            return None
        # Wagtail's pattern passes the path as its one positional argument.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [part for part in path.split("/") if part]
        # None with the page cache off, or a host Wagtail alone can answer for.
        key = getattr(request, "_kept_route_key", None)
        if key is None:
            request._wagtail_route_for_request = find_route(request, site, components)
            return None
        kept = request._kept_route
        if kept is not None and kept.get("stamp") != _page_stamp(kept["page"]):
            kept = None  # published since with a new text: found again
        if kept is not None:
            page = kept["page"]
            if kept.get("ancestors") is not None:
                _on_the_way(page, kept["ancestors"])
            if kept.get("restrictions") is not None:
                page._view_restrictions = kept["restrictions"]
            try:
                route = page.route(request, components[kept["depth"] :])
            except Http404:
                route = None
            request._wagtail_route_for_request = route
            return None
        route = find_route(request, site, components)
        request._wagtail_route_for_request = route
        if route is not None:
            # The page as it is published, and the pages above it (for its
            # breadcrumbs, whose titles and addresses are under the generation too),
            # without what Wagtail's walk and the request attached to them.
            page = _bare(route[0])
            ancestors = ancestors_on_the_way(route[0])
            depth = page.depth - site.root_page.depth
            # Its view restrictions too (their own generation's, as the route's):
            # a member's every request to a team-only page asks for them.
            restrictions = view_restrictions(request, route[0])
            route[0]._view_restrictions = restrictions
            page_cache().set(
                key,
                {
                    "page": page,
                    "stamp": _page_stamp(page),
                    "depth": depth,
                    "ancestors": None
                    if ancestors is None
                    else [_bare(ancestor) for ancestor in ancestors],
                    "restrictions": restrictions,
                    "generation": request_generation(request),
                },
                settings.PAGE_CACHE_SECONDS,
            )
        return None


def _page_stamp(page):
    """The stamp a publish of this page (or of a translation) renews: a kept page
    is served only while it is unchanged. A publish that changes what others show
    of the page (its title, address, place) starts a new generation instead."""
    key = page_stamp_key(page.translation_key)
    return current_stamps([key])[key]


def _bare(page):
    page = copy(page)
    for name in (
        "_cached_parent_obj",
        "_ancestors_on_the_way",
        "_live_translations",
        "_view_restrictions",
    ):
        page.__dict__.pop(name, None)
    return page


def find_site(request):
    """Wagtail's ``Site.find_for_request``, in one query with what every page then
    asks of the site: its root page and its settings (the footer's contact details
    and logo), which Wagtail would read in a query each."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = _site_for(request)
    return request._wagtail_site


def _site_for(request):
    """The site ``get_site_for_hostname`` (wagtail/models/sites.py) chooses, by the
    same rules: hostname and port, else hostname and default, else the default
    site unless exactly one other has the hostname."""
    from portal.models import SiteSettings

    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())  # a string, which Wagtail's query compares
    except ValueError:  # as a number
        port = None
    candidates = list(_sites_read().queryset(hostname))
    # Ranked here, not with Wagtail's CASE in the query: building that costs more
    # than the query itself.
    for site in candidates:
        site.match = _match(site, hostname, port)
    sites = sorted(candidates, key=lambda site: site.match)
    if not sites:
        return None
    site = sites[0]
    if len(sites) > 1 and site.match not in (
        MATCH_HOSTNAME_PORT,
        MATCH_HOSTNAME_DEFAULT,
    ):
        if site.match != MATCH_DEFAULT:
            return None  # only hostname matches, and more than one: Wagtail's none
        site = sites[len(sites) == 2]
    try:
        site_settings = site.sitesettings
    except ObjectDoesNotExist:
        return site  # made on first use by Wagtail's ``for_request``
    # What ``SiteSettings.for_request`` leaves on the request.
    site_settings._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
    return site


@cache
def _sites_read():
    from portal.models import SiteSettings

    return CompiledRead(
        lambda hostname: (
            Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
            .select_related(
                "root_page",
                *[f"sitesettings__{name}" for name in SiteSettings.select_related],
            )
            .order_by("pk")
        ),
        fields=[Site._meta.get_field("hostname")],
        stand_ins=["stand-in.invalid"],
    )


def _match(site, hostname, port):
    """How well a site matches, as Wagtail's ``get_site_for_hostname`` ranks it."""
    if site.hostname == hostname:
        if site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_HOSTNAME
    return MATCH_DEFAULT  # found only as the default site


def find_route(request, site, components):
    """What Wagtail's ``Page.route_for_request`` finds for these parts of an
    address, in two queries however deep the page: the site's root page in the
    reader's language with the pages whose slug is a part of the address (the way
    down is among them), and the page found, as its own type.
    The site's root page is read with the site (``find_site``). Wagtail walks down the
    tree, a query or two per level. Where a page on the way routes addresses
    itself (a routable page's own views), it is asked first, as Wagtail asks it;
    a page with some other way of routing sends the address down Wagtail's walk."""
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None  # Wagtail's ``localized`` then keeps the site's root page
    site_root = site.root_page  # read with the site (find_site)
    # The pages whose slug is a part of the address: the way down is among them,
    # told apart below by their place in the tree. A tree is no deeper than its
    # paths allow; the rest of a longer address is for a routable page's views.
    levels = components[:MOST_LEVELS]
    slugs = sorted(set(levels))
    pages = list(
        _way_read(len(slugs)).queryset(
            site_root.pk, site_root.translation_key, language, *slugs
        )
    )
    stored_root = next((page for page in pages if page.pk == site_root.pk), None)
    if stored_root is None:
        return None  # deleted since the site was read
    site.root_page = stored_root  # as Wagtail's walk leaves it: read once
    # Wagtail's ``localized``: the root's version in the reader's language, if
    # that one is live.
    localized = next(
        (
            page
            for page in pages
            if page.translation_key == stored_root.translation_key
            and page.locale.language_code == language
        ),
        stored_root,
    )
    root = localized if localized.live else stored_root
    chain = [root]
    for depth, slug in enumerate(levels, start=root.depth + 1):
        page = next(
            (
                page
                for page in pages
                if page.depth == depth
                and page.slug == slug
                and page.path.startswith(chain[-1].path)
            ),
            None,
        )
        if page is None:
            break
        chain.append(page)
    try:
        # Each page on the way is asked first, as Wagtail's walk asks it.
        for depth, page in enumerate(chain[:-1]):
            takes = _takes_address(page, components[depth:])
            if takes is None:
                return _specific(root).route(request, components)
            if takes:
                return _on_the_way(_specific(page), chain[:depth]).route(
                    request, components[depth:]
                )
        page = _on_the_way(_specific(chain[-1]), chain[:-1])
        if len(chain) > 1:
            page._cached_parent_obj = chain[-2]
        return page.route(request, components[len(chain) - 1 :])
    except Http404:
        return None


@cache
def _way_read(slug_count):
    """The site's root page, its version in a language, and the pages with these
    slugs (as many as an address has different parts)."""
    return CompiledRead(
        lambda root, key, language, *slugs: (
            Page.objects.filter(
                Q(pk=root)
                | Q(translation_key=key, locale__language_code=language)
                | Q(slug__in=slugs)
            )
            .select_related("locale")
            .order_by("depth")
        ),
        fields=[
            Page._meta.pk,
            Page._meta.get_field("translation_key"),
            Locale._meta.get_field("language_code"),
            *[Page._meta.get_field("slug")] * slug_count,
        ],
        stand_ins=[1, uuid.UUID(int=1), "xx", *(f"s{n}" for n in range(slug_count))],
    )


def _specific(page):
    """The page as its own type, read with what every template of it asks for:
    what its type names in ``select_related_when_served`` (the image of its link
    previews), whether any view restriction covers it (``view_restrictions`` then
    has no need to read them when none does), and its versions in the other
    languages (for the language switcher, ``live_translations``), all in one
    query."""
    model = page.specific_class
    if model is None or model is Page:
        return page
    versions = _versions_read(model).queryset(page.translation_key)
    by_pk = {version.pk: version for version in versions}
    if page.pk not in by_pk:
        raise model.DoesNotExist  # deleted since its address was looked up
    found = by_pk[page.pk]
    found._live_translations = [version for version in by_pk.values() if version.live]
    return found


@cache
def _versions_read(model):
    return CompiledRead(
        lambda key: (
            model._default_manager.filter(translation_key=key)
            .annotate(under_view_restrictions=under_view_restrictions())
            .select_related("locale", *getattr(model, "select_related_when_served", ()))
        ),
        fields=[Page._meta.get_field("translation_key")],
        stand_ins=[uuid.UUID(int=1)],
    )


def live_translations(page):
    """The live versions of a page found by ``find_route`` in every language, itself
    included, as ``page.get_translations(inclusive=True).live()`` gives them; None
    for a page found otherwise."""
    return getattr(page, "_live_translations", None)


def _on_the_way(page, ancestors):
    """The page, knowing the pages above it from its language's home page down
    (read with it), for its breadcrumbs (``ancestors_on_the_way``)."""
    page._ancestors_on_the_way = ancestors
    return page


def ancestors_on_the_way(page):
    """The pages above a page found by ``find_route``, from its language's home
    page down, as ``page.get_ancestors()`` gives them; None for a page found
    otherwise."""
    return getattr(page, "_ancestors_on_the_way", None)


def _takes_address(page, rest):
    """Whether a page on the way to a deeper one answers the rest of the address
    itself, as a routable page's own view; None if only its ``route`` can say."""
    model = page.specific_class or Page
    if model.route is Page.route:
        return False
    if not (
        issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route
    ):
        return None
    if not page.live:
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
    except Http404:
        return False
    return True


def read_kept(key):
    """A kept object, or None if there is none or it no longer loads: after a
    release, an object pickled from a class that has since moved or changed is
    found again as on a first request."""
    try:
        return page_cache().get(key)
    except UNLOADABLE:
        return None


def _kept_keys(request):
    """The keys of the site and of the route kept for this address. The
    generation they were kept under is in what they keep, not in their keys, so
    that both are read with the generation, in one round trip."""
    try:
        host, port = request.get_host(), request.get_port()
    except DisallowedHost:
        return None  # Wagtail's own lookup answers as it always does
    # The address hashed: any address a visitor sends is a key here, and a long
    # one or one with spaces would not make a valid key.
    address = hashlib.sha256(request.path_info.encode()).hexdigest()
    return (f"site:{host}:{port}", f"route:{host}:{port}:{get_language()}:{address}")


def _read_kept_for(request, site_key, route_key):
    """(site, route) kept for this request's address under the current
    generation, each None if there is none; the generation is read with them and
    becomes the request's."""
    keys = [GENERATION_KEY, site_key, route_key]
    try:
        found = page_cache().get_many(keys)
    except UNLOADABLE:
        # One of them no longer loads (see read_kept): each on its own.
        found = {key: read_kept(key) for key in keys}
    if found.get(GENERATION_KEY) is not None and not hasattr(
        request,
        "_page_cache_generation",  # read by an earlier part of the request
    ):
        request._page_cache_generation = found[GENERATION_KEY]
    generation = request_generation(request)  # made here if there was none

    def current(kept):
        if isinstance(kept, dict) and kept.get("generation") == generation:
            return kept
        return None

    site = current(found.get(site_key))
    return (site and site["site"]), current(found.get(route_key))


def view_restrictions(request, page):
    """The page's view restrictions (its own and its ancestors'), with their groups."""
    if not page.pk:  # a preview of a page never saved: Wagtail knows its place
        return list(page.get_view_restrictions().prefetch_related("groups"))
    if getattr(page, "under_view_restrictions", None) is False:
        return []  # read with the page (_specific)
    if getattr(page, "_view_restrictions", None) is not None:
        return page._view_restrictions  # kept with its route
    if not settings.PAGE_CACHE_SECONDS:
        return list(view_restrictions_of(page).prefetch_related("groups"))
    key = f"restrictions:{request_generation(request)}:{page.pk}"
    restrictions = read_kept(key)
    if restrictions is None:
        restrictions = list(view_restrictions_of(page).prefetch_related("groups"))
        page_cache().set(key, restrictions, settings.PAGE_CACHE_SECONDS)
    return restrictions
