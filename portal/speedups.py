"""Two costs every page view pays in code the portal does not own, taken away
without changing a result. Installed by ``PortalConfig.ready`` for the releases
they were written against (django-modelcluster 6.5, Wagtail 8.0), and left out
for any other: tests/portal/test_speedups.py then fails, as a reminder to read
the new code first.

- ``ClusterableModel.__init__`` (django-modelcluster 6) lists a model's child
  relations, walking every field of the model, on each instance, to pick out
  child objects given as keyword arguments. An instance read from the database
  never has any (``Model.from_db`` passes values only), and a page has dozens
  of fields: a cold campaign page read 21 pages and spent about a fifteenth of
  its instructions there. With no keyword arguments the list is not made; what
  follows is what the original does then.

- ``Page.get_url_parts`` (Wagtail 8) reverses the ``wagtail_serve`` URL in the
  page's language on each call: a page view asks for two dozen addresses (menus,
  the language switcher, cards). The parts depend only on the page's
  ``url_path``, the sites' root paths, the active language, the URLconf and the
  script prefix, so they are kept per combination of those (a bounded map,
  emptied when full or when a setting changes). A page that belongs to two sites
  is left to Wagtail: the request's site then decides.
"""

from importlib.metadata import version

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language
from modelcluster.models import ClusterableModel
from wagtail.models import Page

WRITTEN_FOR = {"django-modelcluster": "6.5", "wagtail": "8.0"}


def install():
    if _release("django-modelcluster") == WRITTEN_FOR["django-modelcluster"]:
        ClusterableModel.__init__ = _clusterable_init
    if _release("wagtail") == WRITTEN_FOR["wagtail"]:
        Page.get_url_parts = _kept_url_parts
        setting_changed.connect(forget_url_parts, dispatch_uid="portal.speedups")


def _release(package):
    """A package's version to the minor release: "6.5", "8.0"."""
    return ".".join(version(package).split(".")[:2])


def installed():
    """{what: installed} (the tests assert both)."""
    return {
        "ClusterableModel.__init__": ClusterableModel.__init__ is _clusterable_init,
        "Page.get_url_parts": Page.get_url_parts is _kept_url_parts,
    }


# ClusterableModel.__init__ ------------------------------------------------------

_original_clusterable_init = ClusterableModel.__init__


def _clusterable_init(self, *args, **kwargs):
    """``ClusterableModel.__init__``, without listing child relations when there
    is no keyword argument that could be one."""
    if kwargs:
        _original_clusterable_init(self, *args, **kwargs)
    else:
        super(ClusterableModel, self).__init__(*args)


# Page.get_url_parts ------------------------------------------------------------

_original_get_url_parts = Page.get_url_parts
_NOT_ROUTABLE = object()
URL_PARTS_KEPT = 4096
_url_parts = {}


def _kept_url_parts(self, request=None):
    """``Page.get_url_parts``, kept per combination of what it depends on."""
    relevant = self._get_relevant_site_root_paths(request)
    if len({root.site_id for root in relevant}) > 1:
        return _original_get_url_parts(self, request)
    key = (self.url_path, relevant, get_language(), get_urlconf(), get_script_prefix())
    parts = _url_parts.get(key)
    if parts is None:
        parts = _original_get_url_parts(self, request)
        if len(_url_parts) >= URL_PARTS_KEPT:
            _url_parts.clear()
        _url_parts[key] = _NOT_ROUTABLE if parts is None else parts
    return None if parts is _NOT_ROUTABLE else parts


def forget_url_parts(**kwargs):
    _url_parts.clear()
