"""portal/speedups.py: the same results as the code it stands in for."""

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix, set_urlconf
from django.utils import translation
from modelcluster.models import ClusterableModel
from wagtail.models import Page, Site

from home.models import CampaignPage, RelatedCampaign
from portal import speedups
from tests.factories import CampaignPageFactory, CampaignTopicFactory, publish

pytestmark = pytest.mark.django_db


def test_both_are_installed():
    """Fails when a new django-modelcluster or Wagtail changed the code replaced:
    read the new code, then adapt portal/speedups.py."""
    assert speedups.installed() == {
        "ClusterableModel.__init__": True,
        "Page.get_url_parts": True,
    }


def wagtails(method, page, request=None):
    """What Wagtail's own ``method`` gives (its ``get_url_parts`` called)."""
    original = Page.get_url_parts
    try:
        Page.get_url_parts = speedups._original_get_url_parts
        return getattr(page, method)(request)
    finally:
        Page.get_url_parts = original


def wagtails_url(page, request=None):
    return wagtails("get_url", page, request)


def wagtails_full_url(page, request=None):
    return wagtails("get_full_url", page, request)


def wagtails_url_parts(page, request=None):
    return wagtails("get_url_parts", page, request)


@pytest.fixture
def campaigns(home_pages):
    return {
        code: publish(CampaignPageFactory(parent=home, slug=f"akcja-{code}"))
        for code, home in home_pages.items()
    }


def pages_as_read(campaigns, home_pages):
    ids = [page.pk for page in [*campaigns.values(), *home_pages.values()]]
    return [*Page.objects.filter(pk__in=ids), *CampaignPage.objects.filter(pk__in=ids)]


def test_every_page_has_the_address_wagtail_gives_it_in_every_language(
    campaigns, home_pages
):
    request = RequestFactory().get("/")
    for reader in ["pl", "uk", "en", "ru"]:
        with translation.override(reader):
            for page in pages_as_read(campaigns, home_pages):
                expected = wagtails_url(page, request)
                assert page.get_url(request) == expected
                assert page.get_url(request) == expected  # and when kept
                assert page.get_full_url(request).endswith(expected)
    with translation.override("uk"):
        assert campaigns["uk"].get_url(request) == "/uk/akcja-uk/"


def test_a_moved_or_renamed_page_gets_its_new_address(campaigns):
    page = campaigns["pl"]
    with translation.override("pl"):
        assert page.get_url() == "/pl/akcja-pl/"
        page.slug = "nowa-nazwa"
        page.save_revision().publish()
        page = Page.objects.get(pk=page.pk)
        assert page.get_url() == "/pl/nowa-nazwa/"


def test_a_renamed_site_gives_new_full_addresses(campaigns):
    page = campaigns["pl"]
    with translation.override("pl"):
        assert page.get_full_url() == "http://localhost/pl/akcja-pl/"
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = "migranci.example.org", 443
        site.save()
        page = Page.objects.get(pk=page.pk)
        assert page.get_full_url() == "https://migranci.example.org/pl/akcja-pl/"
        assert page.get_full_url() == wagtails_full_url(page)


def test_on_two_sites_the_requests_site_decides(campaigns, home_pages):
    """A page under both sites' roots: each request gets its own site's address."""
    Site.objects.create(
        hostname="inna.example.org", port=80, root_page=home_pages["pl"]
    )
    page = Page.objects.get(pk=campaigns["pl"].pk)
    for host in ["localhost", "inna.example.org"]:
        request = RequestFactory().get("/", HTTP_HOST=host)
        with translation.override("pl"):
            assert page.get_url_parts(request) == wagtails_url_parts(page, request)
            assert page.get_url_parts(request)[1] == f"http://{host}"


def test_addresses_follow_the_script_prefix(campaigns):
    page = campaigns["pl"]
    with translation.override("pl"):
        assert page.get_url() == "/pl/akcja-pl/"
        set_script_prefix("/portal/")
        try:
            assert page.get_url() == "/portal/pl/akcja-pl/"
        finally:
            set_script_prefix("/")
        assert page.get_url() == "/pl/akcja-pl/"


def test_addresses_follow_the_urlconf(campaigns):
    page = campaigns["pl"]
    with translation.override("pl"):
        assert page.get_url() == "/pl/akcja-pl/"
        set_urlconf("tests.portal.urls_under_a_prefix")
        try:
            assert page.get_url() == "/pl/pod/akcja-pl/"
            assert page.get_url() == wagtails_url(page)
        finally:
            set_urlconf(None)


def test_a_page_not_under_any_site_has_no_address(home_pages):
    orphan = Page.get_first_root_node().add_child(
        instance=Page(title="Poza witryną", slug="poza")
    )
    assert orphan.get_url_parts() is None
    assert orphan.get_url_parts() is None
    assert orphan.get_url() is None


def test_a_setting_change_forgets_kept_addresses(campaigns, settings):
    with translation.override("en"):
        assert campaigns["pl"].get_url() == "/pl/akcja-pl/"
        assert speedups._url_parts
        settings.WAGTAIL_I18N_ENABLED = False
        assert not speedups._url_parts
        # Without Wagtail's languages, reversed in the active language.
        assert campaigns["pl"].get_url() == "/en/akcja-pl/"
        assert campaigns["pl"].get_url() == wagtails_url(campaigns["pl"])
    with translation.override("uk"):
        assert campaigns["pl"].get_url() == "/uk/akcja-pl/"


def test_a_page_read_from_the_database_is_what_djangos_constructor_makes(campaigns):
    read = CampaignPage.objects.get(pk=campaigns["pl"].pk)
    values = [
        getattr(read, field.attname) for field in CampaignPage._meta.concrete_fields
    ]
    made = CampaignPage.__new__(CampaignPage)
    speedups._original_clusterable_init(made, *values)
    assert {k: v for k, v in vars(read).items() if k != "_state"} == {
        k: v for k, v in vars(made).items() if k != "_state"
    }


def test_child_objects_given_to_the_constructor_are_kept(campaigns):
    other = campaigns["uk"]
    topic = CampaignTopicFactory()
    page = CampaignPage(
        title="Nowa",
        related_campaigns=[RelatedCampaign(campaign=other)],
        topics=[topic],
    )
    assert [related.campaign for related in page.related_campaigns.all()] == [other]
    assert list(page.topics.all()) == [topic]
    assert isinstance(page, ClusterableModel)
