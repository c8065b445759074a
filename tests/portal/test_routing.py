"""Finding a page by its address (``find_route`` in portal/routing.py): what
Wagtail's walk down the tree finds, in every language, in two queries; and its
site (``find_site``): what Wagtail finds, with the site's settings, in one."""

from functools import partial

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from home.models import CampaignIndexPage
from portal.models import SiteSettings
from portal.routing import find_route, find_site
from tests.consultations.conftest import make_consultation
from tests.factories import (
    CampaignPageFactory,
    StandardPageFactory,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """As ``find_site`` gives it, with its root page."""
    return Site.objects.select_related("root_page").get(is_default_site=True)


@pytest.fixture
def tree(home_pages, index_page):
    home = home_pages["pl"]
    about = publish(StandardPageFactory(parent=home, slug="o-nas"))
    team = publish(StandardPageFactory(parent=about, slug="zespol"))
    # The same slug at the same depth on another way down.
    other = publish(StandardPageFactory(parent=home, slug="inna"))
    publish(StandardPageFactory(parent=other, slug="zespol"))
    translate(about, home_pages["uk"].locale, slug="pro-nas")
    draft = StandardPageFactory(parent=home, slug="szkic", live=False)
    publish(StandardPageFactory(parent=draft, slug="pod-szkicem"))
    campaigns = home.add_child(instance=CampaignIndexPage(title="Kampanie"))
    publish(campaigns)
    publish(CampaignPageFactory(parent=campaigns, slug="glosuj"))
    make_consultation(index_page)
    return team


def walked(request, site, components):
    """Wagtail's own answer: ``Page.route_for_request`` without its memo."""
    try:
        return site.root_page.localized.specific.route(request, components)
    except Http404:
        return None


def summary(route):
    if route is None:
        return None
    page, args, kwargs = route

    def named(value):
        if isinstance(value, partial):  # a view bound to its page
            return (named(value.func), *(getattr(arg, "pk", arg) for arg in value.args))
        return getattr(value, "__qualname__", value)

    return (
        page.pk,
        type(page),
        tuple(named(arg) for arg in args),
        {name: named(value) for name, value in kwargs.items()},
    )


ADDRESSES = [
    "",
    "o-nas/",
    "o-nas/zespol/",
    "inna/zespol/",
    "o-nas/nie-ma/",
    "pro-nas/",
    "szkic/",
    "szkic/pod-szkicem/",
    "kampanie/",
    "kampanie/feed/",
    "kampanie/glosuj/",
    "kampanie/glosuj/dalej/",
    "konsultacje/",
    "konsultacje/strategia-0/",
    "konsultacje/strategia-0/recommendations/1/",
    "konsultacje/strategia-0/results/",
    "konsultacje/strategia-0/nie-ma/",
    "nie-ma/",
]


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_every_address_leads_where_wagtails_walk_leads(tree, site, language):
    factory = RequestFactory()
    found = {}
    with translation.override(language):
        for address in ADDRESSES:
            components = [part for part in address.split("/") if part]
            expected = walked(factory.get(f"/{language}/{address}"), site, components)
            ours = find_route(factory.get(f"/{language}/{address}"), site, components)
            assert summary(ours) == summary(expected), address
            found[address] = ours is not None

    # The list reaches pages, views of routable pages, and nothing; the pages
    # are Polish but one.
    if language == "pl":
        assert found["o-nas/zespol/"] and found["szkic/pod-szkicem/"]
        assert found["kampanie/feed/"]
        assert found["konsultacje/strategia-0/recommendations/1/"]
        assert not found["szkic/"] and not found["nie-ma/"]
    else:
        assert found["pro-nas/"] and not found["o-nas/"]


def test_an_address_longer_than_any_tree_leads_nowhere_as_in_wagtail(tree, site):
    components = ["o-nas"] + ["a"] * 999
    request = RequestFactory().get("/pl/" + "/".join(components) + "/")

    with translation.override("pl"):
        assert find_route(request, site, components) is None
        assert walked(request, site, components) is None


def test_a_home_page_not_live_in_the_readers_language_leaves_the_sites_own(
    tree, site, home_pages
):
    home_pages["uk"].unpublish()
    factory = RequestFactory()

    with translation.override("uk"):
        for address in ["", "o-nas/", "pro-nas/"]:
            components = [part for part in address.split("/") if part]
            expected = walked(factory.get(f"/uk/{address}"), site, components)
            ours = find_route(factory.get(f"/uk/{address}"), site, components)
            assert summary(ours) == summary(expected), address
            assert ours is None or ours[0].locale.language_code == "pl", address


def test_a_page_three_levels_down_is_found_in_two_queries(tree, site):
    request = RequestFactory().get("/pl/o-nas/zespol/")

    with translation.override("pl"), CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = find_route(request, site, ["o-nas", "zespol"])

    assert page.pk == tree.pk
    assert len(queries) == 2
    # Its parent comes with it, as after Wagtail's walk.
    with CaptureQueriesContext(connection) as queries:
        assert page.get_parent().slug == "o-nas"
    assert len(queries) == 0


def test_a_page_found_knows_whether_a_view_restriction_covers_it(home_pages, site):
    home = home_pages["pl"]
    open_page = publish(StandardPageFactory(parent=home, slug="otwarta"))
    closed = publish(StandardPageFactory(parent=home, slug="zamknieta"))
    inside = publish(StandardPageFactory(parent=closed, slug="wewnatrz"))
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.LOGIN
    )
    # An alias is covered by its original's restrictions, as Wagtail finds them.
    alias = closed.create_alias(parent=open_page, update_slug="kopia")
    expected = {open_page: False, closed: True, inside: True, alias: True}

    found = {
        page: find_route(
            RequestFactory().get("/"), site, page.url.strip("/").split("/")[1:]
        )[0]
        for page in expected
    }

    assert {page: page.get_view_restrictions().exists() for page in expected} == (
        expected
    )
    assert {page: found[page].under_view_restrictions for page in expected} == (
        expected
    )


SITES = [
    # hostname, port, default
    ("portal.example.org", 443, True),
    ("portal.example.org", 8080, False),
    ("lublin.example.org", 443, False),
    ("lublin.example.org", 80, False),
]
REQUESTS = [
    ("portal.example.org", 443),
    ("portal.example.org", 8080),
    ("portal.example.org", 9000),
    ("lublin.example.org", 443),
    ("lublin.example.org", 80),
    ("lublin.example.org", 9000),
    ("other.example.org", 443),
]


@pytest.mark.parametrize("how_many", range(1, len(SITES) + 1))
def test_the_site_is_the_one_wagtail_finds_with_its_settings(home_pages, how_many):
    Site.objects.all().delete()
    for hostname, port, default in SITES[:how_many]:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            is_default_site=default,
            root_page=home_pages["pl"],
        )
        SiteSettings.objects.create(site=site, contact_phone=f"{hostname}:{port}")

    def request(hostname, port):
        return RequestFactory().get(
            "/", HTTP_HOST=hostname, SERVER_PORT=port, secure=port == 443
        )

    for hostname, port in REQUESTS:
        expected = Site.find_for_request(request(hostname, port))
        ours = request(hostname, port)
        with CaptureQueriesContext(connection) as queries:
            found = find_site(ours)
            contact_phone = (
                SiteSettings.for_request(ours).contact_phone if found else None
            )
            root = found.root_page.pk if found else None

        assert found == expected, (hostname, port)
        assert len(queries) == 1
        assert root == (expected.root_page_id if expected else None)
        if found:
            assert contact_phone == f"{found.hostname}:{found.port}"
