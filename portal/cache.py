"""The public page cache: whole responses for anonymous visitors, shared by every
application server through the "pages" cache (Redis when REDIS_URL is set), or by
every process on one machine (files under CACHE_DIR) without it.

A response is kept only when it cannot differ from one visitor to the next: a GET
without a session or messages cookie, answered 200 with no cookie set, and with no
``Cache-Control`` saying private, no-store or no-cache (every consultation view
says so: see ``never_cache`` in consultations/views.py). Members' pages are never
stored, and members never get a stored page.

A public form (a club's, the counselling request) does not stop its page from
being kept. While a page is rendered for anonymous visitors, ``{% csrf_token %}``
writes a stand-in (``csrf_stand_in``), and it is the stand-in that is stored;
every response, fresh or stored, then gets the visitor's own token in its place,
and the CSRF cookie when the visitor has none, by Django's CSRF middleware
itself. No two visitors share a token, and a post without a valid one is refused
as before. The stand-in is derived from SECRET_KEY, so no text on a page can
spell it and be replaced by a visitor's token.

A query string is part of the stored address, so anyone could otherwise make a
new entry per request (``?flood=1``, ``?flood=2`` …). A response to an address with
a query string is kept only if the page declared, with ``query_read``, every
parameter in it as one whose value it used; an unknown parameter, a repeated one,
or a value the page ignored as invalid gets a fresh page that is not stored. The
key holds the parameters as the page read them (decoded, in name order), so two
spellings of one address share an entry.

Invalidation is by stamps: a stored page keeps the values, at the time it was
rendered, of the stamps it depends on, and is served only while they are all
unchanged. Every response depends on the generation, which any change to what
many pages show starts anew once its transaction commits: a page unpublished,
moved or deleted, or published for the first time or with another title, address
or place in the menus; a menu, footer, snippet, setting, image, document or
redirect saved. A publish that changes only what a page itself says renews two
stamps instead: that page's (shared by its translations, whose language notes
and switchers name it) and the lists' (every response that may list or feature
other pages: indexes, the home page, feeds, the sitemap, search, every page type
not marked with ``lists_no_pages``). So publishing a campaign's new text renews
the campaign, its translations and every list, and leaves a club's page stored.
(What a page shows of others besides lists, in menus, links, breadcrumbs and
featured cards, is their shape: title, address, place.) Stored pages expire with
the timeout, which also bounds how stale a time-dependent list (upcoming
meetings, open consultations) can be.
"""

import hashlib
import os
import pickle
import time
import zlib
from contextlib import contextmanager, suppress
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import (
    FileBasedCache as DjangoFileBasedCache,
)
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.files import locks
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.encoding import escape_uri_path
from django.utils.functional import lazy

GENERATION_KEY = "generation"
LISTS_KEY = "stamp:lists"
# How long what others show of a page is remembered: a publish after that renews
# every stored page, as one that changed it would.
SHAPE_SECONDS = 30 * 24 * 60 * 60
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# Headers that belong to one exchange, never to a stored page.
PER_RESPONSE_HEADERS = {"set-cookie", "date", "x-cache"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    return current_stamps([GENERATION_KEY])[GENERATION_KEY]


def page_stamp_key(translation_key):
    """The stamp of a page and its translations."""
    return f"stamp:page:{translation_key}"


def _stamp_timeout(key):
    # The generation alone is kept without expiry (see the README on Redis's
    # eviction policy); a stamp outlives the pages stored with it, and one lost
    # only renews them.
    return None if key == GENERATION_KEY else 4 * settings.PAGE_CACHE_SECONDS


def current_stamps(keys):
    """{key: value} of the generation or stamps named, each made where missing."""
    cache = page_cache()
    values = cache.get_many(keys)
    for key in keys:
        if values.get(key) is None:
            # Never restart from a small number: after an eviction, a cull or a
            # restart of the cache, an old entry must not match again.
            candidate = time.time_ns()
            cache.add(key, candidate, _stamp_timeout(key))
            # Lost again at once (a full cache): this request's own value, which
            # no other request shares, rather than None, which every such
            # request would.
            values[key] = cache.get(key) or candidate
    return values


def request_generation(request):
    """The generation a response is rendered for, read once per request (its
    fragments all ask)."""
    if request is None:
        return current_generation()
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = current_generation()
    return request._page_cache_generation


def _renew(keys):
    cache = page_cache()
    for key in keys:
        cache.set(key, time.time_ns(), _stamp_timeout(key))


def renew_stamps(keys):
    """Make every stored page that depends on these stamps stale, on every server.

    Now, so that this process's next request sees the change, and again once the
    change commits: a request on another server that rendered the old content in
    between must not have stored it as current."""
    _renew(keys)
    transaction.on_commit(partial(_renew, keys))


def start_new_generation():
    """Make every stored page stale, on every server."""
    renew_stamps([GENERATION_KEY])


def page_served(request, page):
    """Note, before it is rendered, what the stored copy of a page will depend
    on: its own stamp, and the lists' unless its type lists no pages."""
    stamps = getattr(request, "_page_cache_stamps", None)
    if stamps is None:
        return
    stamps.update(current_stamps([page_stamp_key(page.translation_key)]))
    if getattr(page, "lists_no_pages", False):
        request._page_cache_lists_nothing = True


def query_read(request, *names):
    """Declare that this response used the values of these query parameters.

    Call it where a page or view reads the query string, for each parameter whose
    value it acted on: a known topic, a page number equal to the page served, a
    city among the choices. A parameter read but ignored (an unknown value that
    falls back to the default) is not declared: its response must not be stored
    under that address. Without a declaration for every parameter of the request,
    the page cache serves the response but does not keep it."""
    request._page_cache_query_read = _declared(request) | set(names)


def _declared(request):
    return getattr(request, "_page_cache_query_read", frozenset())


def _query_is_declared(request):
    """Every parameter in the query string once, each declared by the page."""
    return all(
        len(values) == 1 and name in _declared(request)
        for name, values in request.GET.lists()
    )


def _key(request):
    # The parameters as Django decoded them for the page, in name order: the page
    # cannot tell ?a=1&b=2 from ?b=2&a=1, nor %61 from a.
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    url = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}"
    digest = hashlib.sha256(f"{url}?{query}".encode()).hexdigest()
    return f"page:{digest}"


def _csrf_stand_in():
    return salted_hmac("portal.cache", "csrf token stand-in").hexdigest()


def csrf_stand_in(request):
    """Context processor: ``{% csrf_token %}`` writes the stand-in while a page
    is rendered for anonymous visitors (it comes after Django's own ``csrf``
    processor, so its ``csrf_token`` wins)."""
    if getattr(request, "_page_cache_renders", False):
        return {"csrf_token": lazy(_csrf_stand_in, str)()}
    return {}


def _with_csrf_token(request, response):
    """The visitor's own CSRF token in place of the stand-in, and the cookie that
    goes with it when they have none (Django's CSRF middleware decides both)."""
    if response.streaming:
        return response
    stand_in = _csrf_stand_in().encode()
    if stand_in not in response.content:
        return response
    csrf = CsrfViewMiddleware(lambda request: response)
    if "CSRF_COOKIE" not in request.META:
        # A stored page: the CSRF middleware has not read this visitor's cookie.
        csrf.process_request(request)
    response.content = response.content.replace(stand_in, get_token(request).encode())
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return csrf.process_response(request, response)


def _request_is_anonymous(request):
    return not (
        settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES
    )


def _is_storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not _query_is_declared(request):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in UNCACHEABLE_DIRECTIVES)


class PublicPageCacheMiddleware:
    """Serve and store anonymous GETs; see the module's docstring for the rules.

    It sits before the session, CSRF and authentication middleware, so a stored
    page costs one cache read for the page and one for the stamps it depends on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if (
            not timeout
            or request.method not in ("GET", "HEAD")
            or not _request_is_anonymous(request)
        ):
            return self.get_response(request)

        # Redis is a required service when configured, like the database: if it
        # is down, the outage page answers (portal/outage.py).
        cache = page_cache()
        key = _key(request)
        stored = cache.get(key)
        if stored is not None and self._is_current(stored):
            return _with_csrf_token(request, self._rebuild(stored))

        # Read before rendering: a change committed meanwhile leaves what is
        # stored stale rather than current.
        stamps = current_stamps([GENERATION_KEY, LISTS_KEY])
        request._page_cache_generation = stamps[GENERATION_KEY]
        request._page_cache_stamps = stamps
        request._page_cache_renders = True
        response = self.get_response(request)
        if request.method == "GET" and _is_storable(request, response):
            if getattr(request, "_page_cache_lists_nothing", False):
                del stamps[LISTS_KEY]
            # Browsers and shared caches must come back to us: only we know when
            # an editor publishes.
            patch_cache_control(response, no_cache=True)
            cache.set(key, self._freeze(response, stamps), timeout)
            response["X-Cache"] = "MISS"
        return _with_csrf_token(request, response)

    @staticmethod
    def _is_current(stored):
        stamps = stored.get("stamps")
        return bool(stamps) and page_cache().get_many(list(stamps)) == stamps

    @staticmethod
    def _freeze(response, stamps):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_RESPONSE_HEADERS
        ]
        return {"content": response.content, "headers": headers, "stamps": stamps}

    @staticmethod
    def _rebuild(stored):
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"]:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response


# --- Invalidation --------------------------------------------------------------------

# Models an anonymous visitor sees besides pages, snippets and settings (which are
# found from Wagtail's registries, so a new snippet cannot be forgotten). Page saves
# are not here: a draft changes nothing public; publishing is a signal below.
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.collection",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailredirects.redirect",
    "wagtailimages.image",
    "wagtaildocs.document",
    # Editors' records behind the tracker and the consultation lists.
    "consultations.consultation",
    "consultations.recommendation",
    "consultations.recommendationresponse",
}


def _watched_labels():
    from modelcluster.models import get_all_child_relations
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.snippets.models import get_snippet_models

    models = [*get_snippet_models(), *settings_registry]
    labels = set(WATCHED_MODELS)
    for model in models:
        labels.add(model._meta.label_lower)
        for relation in get_all_child_relations(model):
            labels.add(relation.related_model._meta.label_lower)
    return labels


_watched = None


def _is_watched(model):
    global _watched
    if _watched is None:
        _watched = _watched_labels()
    return model._meta.label_lower in _watched


def _on_save(sender, instance, **kwargs):
    if _is_watched(sender):
        start_new_generation()


def _on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) or _is_watched(sender):
        start_new_generation()


def _on_many_to_many_change(sender, instance, action, **kwargs):
    # A view restriction's groups are set after the restriction is saved.
    if action.startswith("post_") and _is_watched(type(instance)):
        start_new_generation()


def _on_page_change(sender, **kwargs):
    start_new_generation()


# What other pages show of a page besides its own content: in menus, breadcrumbs,
# language switchers and links.
def _shape(page):
    return repr(
        (
            page.title,
            page.seo_title,
            page.slug,
            page.url_path,
            page.show_in_menus,
            page.locale_id,
        )
    )


def _on_publish(sender, instance, **kwargs):
    """A page whose shape others show is unchanged: its own stamp and the lists'
    are renewed; else (and on its first publish) the generation."""
    cache = page_cache()
    key = f"shape:{instance.pk}"
    shape = _shape(instance)
    if cache.get(key) == shape:
        renew_stamps([page_stamp_key(instance.translation_key), LISTS_KEY])
    else:
        start_new_generation()
        cache.set(key, shape, SHAPE_SECONDS)


def _on_unpublish(sender, instance, **kwargs):
    page_cache().delete(f"shape:{instance.pk}")
    start_new_generation()


def connect_invalidation():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_save, dispatch_uid="page-cache-save")
    post_delete.connect(_on_delete, dispatch_uid="page-cache-delete")
    m2m_changed.connect(_on_many_to_many_change, dispatch_uid="page-cache-m2m")
    page_published.connect(_on_publish, dispatch_uid="page-cache-publish")
    page_unpublished.connect(_on_unpublish, dispatch_uid="page-cache-unpublish")
    post_page_move.connect(_on_page_change, dispatch_uid="page-cache-move")


# --- Redis ---------------------------------------------------------------------------


class _RedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client per connection pool.

    Django makes a new ``redis.Redis`` for every cache operation, and redis-py fills
    a table of some 170 response callbacks in each: about a tenth of a millisecond,
    five or six times in a member's request. A client is safe to share between
    threads; its connections come from the pool as before."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _RedisCacheClient


# --- Without Redis: files shared by every process on one machine ----------------------


class FileBasedCache(DjangoFileBasedCache):
    """Django's file cache, for every process on one machine (gunicorn's workers,
    cron's ``manage.py`` commands), made safe for what the portal keeps in it.

    Django's ``add`` and ``incr`` read, then write: two processes counting the
    same form submission could both write 1. Here they hold a lock on the
    directory. Django's ``incr`` also writes the new value with the cache's
    default timeout, so a rate-limit counter's hour would shrink to the cache's
    five minutes; here it keeps its expiry. And Django's cull, when the cache is
    full, deletes a random third of the files, live or expired; here the expired
    ones go first, so a counter or the generation key is lost only to a cache
    full of live entries (a lost generation key only starts a new generation).

    ``incr`` reads Django's file layout (the expiry, pickled, then the value,
    pickled and compressed): tests/portal/test_shared_cache.py pins it."""

    lock_name = "writes.lock"  # not a *.djcache file: never counted nor culled

    @contextmanager
    def _locked(self):
        self._createdir()
        with open(os.path.join(self._dir, self.lock_name), "ab") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock_file)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._locked():
            try:
                with open(self._key_to_file(key, version), "rb") as f:
                    expiry = pickle.load(f)
                    value = pickle.loads(zlib.decompress(f.read()))
            except (FileNotFoundError, EOFError):
                expiry, value = 0, None
            remaining = None if expiry is None else expiry - time.time()
            if remaining is not None and remaining <= 0:
                raise ValueError(f"Key '{key}' not found")
            value += delta
            self.set(key, value, remaining, version)
            return value

    def _cull(self):
        if len(self._list_cache_files()) < self._max_entries:
            return
        for name in self._list_cache_files():
            try:
                with open(name, "rb") as f:
                    self._is_expired(f)  # deletes the file if it has expired
            except FileNotFoundError:
                pass  # deleted by another process meanwhile
        super()._cull()


# --- Image renditions ---------------------------------------------------------------


class _RenditionsFoundStayPut:
    """The "renditions" cache. Wagtail 8.0 writes every rendition it has found
    back to the cache, those it has just read from the cache too (its
    ``_from_cache`` mark is set only on renditions prefetched from the database,
    and ``get_rendition`` writes whatever it found): on a page with a responsive
    hero image, eight renditions pickled and sent to Redis again on every request
    that renders it. Here what is read is marked as read, and what carries the
    mark is not written, as Wagtail itself does after its fix (not in a release
    for 8.0 yet)."""

    def get(self, key, default=None, version=None):
        found = super().get(key, default, version)
        if found is not default:
            _mark_read(found)
        return found

    def get_many(self, keys, version=None):
        found = super().get_many(keys, version)
        for rendition in found.values():
            _mark_read(rendition)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not getattr(value, "_from_cache", False):
            super().set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        unread = {
            key: value
            for key, value in data.items()
            if not getattr(value, "_from_cache", False)
        }
        return super().set_many(unread, timeout, version) if unread else []


def _mark_read(value):
    with suppress(AttributeError):  # a value that takes no attribute (not Wagtail's)
        value._from_cache = True


class RedisRenditionCache(_RenditionsFoundStayPut, RedisCache):
    pass


class FileBasedRenditionCache(_RenditionsFoundStayPut, FileBasedCache):
    pass
