"""The public page cache: anonymous pages are stored and served without touching
the database; anything that varies by person is never stored; an address with a
query string is stored only if the page used every parameter in it; publishing,
unpublishing, moving or deleting a page, or changing what every page shows, is
seen at once."""

import re

import pytest
from django.db import connection
from django.middleware.csrf import _does_token_match
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from clubs.models import JoinRequest
from consultations.models import ConsultationIndexPage
from consultations.models.records import Visibility
from portal.cache import GENERATION_KEY, page_cache
from portal.models import MainMenu, SiteSettings
from tests.consultations.conftest import make_consultation
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignTopicFactory,
    ClubFormFieldFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    CounsellingPageFactory,
    StandardPageFactory,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_settings(db):
    """Made on a site's first request, as on any running site; making them is an
    edit that starts a new generation."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))


def fetch(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    return response, len(queries)


@pytest.fixture
def campaigns(home_pages):
    index = CampaignIndexPageFactory(parent=home_pages["pl"])
    topic = CampaignTopicFactory(name="Wybory", slug="wybory")
    campaign = CampaignPageFactory(
        parent=index, title="Głosuj w wyborach", slug="glos", topics=[topic]
    )
    return index, publish(campaign)


@pytest.fixture
def written(monkeypatch):
    """Every key the page cache is asked to keep, with the timeout asked for."""
    cache, keys = page_cache(), {}

    def spy(method):
        original = getattr(cache, method)

        def record(key, value, timeout=cache.default_timeout, *args, **kwargs):
            keys[key] = timeout
            return original(key, value, timeout, *args, **kwargs)

        monkeypatch.setattr(cache, method, record)

    spy("set")
    spy("add")
    monkeypatch.setattr(cache, "set_many", None)  # not used: would not be seen
    return keys


def page_keys(written):
    return {key for key in written if key.startswith("page:")}


def test_an_anonymous_page_is_served_from_the_cache_without_queries(client, campaigns):
    _index, campaign = campaigns

    first, _ = fetch(client, campaign.url)
    second, queries = fetch(client, campaign.url)

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert queries == 0
    assert second.content == first.content
    assert "no-cache" in second["Cache-Control"]


def test_a_head_request_is_answered_from_the_stored_page(client, campaigns):
    _index, campaign = campaigns
    client.get(campaign.url)

    response = client.head(campaign.url)

    assert response["X-Cache"] == "HIT"


def test_each_query_string_is_stored_apart(client, campaigns):
    client.get("/pl/search/", {"q": "wyborach"})

    found, _ = fetch(client, "/pl/search/", q="wyborach")
    other, _ = fetch(client, "/pl/search/", q="nieznane")

    assert found["X-Cache"] == "HIT"
    assert other["X-Cache"] == "MISS"
    assert "Głosuj w wyborach" in found.content.decode()
    assert "Głosuj w wyborach" not in other.content.decode()


def test_a_member_never_gets_a_stored_page_nor_stores_one(client, campaigns, member):
    _index, campaign = campaigns
    client.get(campaign.url)  # stored for anonymous visitors
    client.force_login(member)

    for_member, queries = fetch(client, campaign.url)
    client.get(campaign.url)
    anonymous, _ = fetch(Client(), campaign.url)

    assert "X-Cache" not in for_member
    assert queries > 0
    # The anonymous copy was not replaced by the member's page.
    assert anonymous["X-Cache"] == "HIT"
    assert member.username not in anonymous.content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, campaigns):
    _index, campaign = campaigns
    client.get(campaign.url)
    client.cookies["messages"] = "anything"

    response, _ = fetch(client, campaign.url)

    assert "X-Cache" not in response


def form_token(response):
    return re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    ).group(1)


@pytest.fixture
def club(home_pages):
    page = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_pages["pl"]))
    ClubFormFieldFactory(page=page, label="Imię", field_type="singleline")
    return publish(page)


@pytest.mark.parametrize("form_page", ["club", "counselling"])
def test_a_page_with_a_form_is_stored_and_each_visitor_gets_their_own_token(
    home_pages, form_page, written
):
    if form_page == "club":
        page = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_pages["pl"]))
        ClubFormFieldFactory(page=page)
    else:
        page = CounsellingPageFactory(parent=home_pages["pl"])
    publish(page)
    first_visitor, second_visitor = Client(), Client()

    first, _ = fetch(first_visitor, page.url)
    second, queries = fetch(second_visitor, page.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert queries == 0
    tokens = []
    for response in [first, second]:
        secret = response.cookies["csrftoken"].value
        assert _does_token_match(form_token(response), secret)
        tokens.append(form_token(response))
    assert tokens[0] != tokens[1]
    # What is stored holds neither visitor's token nor secret.
    [key] = page_keys(written)
    stored = page_cache().get(key)["content"].decode()
    assert 'name="csrfmiddlewaretoken"' in stored
    assert not any(token in stored for token in tokens)
    assert first_visitor.cookies["csrftoken"].value not in stored


def test_a_visitor_with_a_csrf_cookie_keeps_its_secret_on_a_stored_page(club):
    visitor = Client()
    visitor.get(club.url)  # stored, and the visitor's cookie set
    secret = visitor.cookies["csrftoken"].value

    response, _ = fetch(visitor, club.url)

    assert response["X-Cache"] == "HIT"
    # Sent again, as Django does to renew its expiry, with the same secret.
    assert response.cookies["csrftoken"].value == secret
    assert _does_token_match(form_token(response), secret)
    assert "Cookie" in response["Vary"]


def test_a_form_from_a_stored_page_posts_and_a_post_without_its_token_is_refused(
    club,
):
    Client().get(club.url)  # stored by another visitor
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(club.url)
    answers = {"imie": "Olena", "privacy_consent": "on"}

    refused = visitor.post(club.url, answers)
    sent = visitor.post(club.url, {**answers, "csrfmiddlewaretoken": form_token(page)})

    assert page["X-Cache"] == "HIT"
    assert refused.status_code == 403
    assert sent.status_code == 200
    assert JoinRequest.objects.filter(page=club).count() == 1


def test_a_public_consultation_is_never_stored(client, home_pages):
    index = home_pages["pl"].add_child(
        instance=ConsultationIndexPage(title="Konsultacje", slug="konsultacje")
    )
    page = make_consultation(publish(index), visibility=Visibility.PUBLIC)

    client.get(page.url)
    second, queries = fetch(client, page.url)

    assert second.status_code == 200
    assert "X-Cache" not in second
    assert queries > 0


def test_publishing_a_change_shows_on_the_page_its_list_and_home(client, campaigns):
    index, campaign = campaigns
    for url in (campaign.url, index.url):
        client.get(url)

    campaign.title = "Głosuj w wyborach samorządowych"
    publish(campaign)

    for url in (campaign.url, index.url):
        response, _ = fetch(client, url)
        assert response["X-Cache"] == "MISS"
        assert "Głosuj w wyborach samorządowych" in response.content.decode()


def test_publishing_a_translation_shows_on_the_other_languages_switcher(
    client, campaigns, locales
):
    _index, campaign = campaigns
    client.get(campaign.url)  # no Ukrainian version yet: the switcher says so

    translate(campaign.get_parent().specific, locales["uk"], slug="kampanii")
    ukrainian = translate(
        campaign, locales["uk"], title="Голосуй на виборах", slug="golos"
    )

    response, _ = fetch(client, campaign.url)
    assert response["X-Cache"] == "MISS"
    assert ukrainian.url in response.content.decode()


def cache_states(client, urls):
    return {url: client.get(url)["X-Cache"] for url in urls}


def test_a_new_text_renews_the_page_and_every_list_and_spares_other_pages(
    client, campaigns, club, home_pages
):
    index, campaign = campaigns
    home = home_pages["pl"].url
    changed = [campaign.url, index.url, home, "/sitemap.xml", "/pl/search/?q=wyborach"]
    for url in [*changed, club.url]:
        client.get(url)

    campaign.summary = "Sprawdź, gdzie głosujesz."
    publish(campaign)

    assert cache_states(client, [club.url, *changed]) == {
        club.url: "HIT",
        **dict.fromkeys(changed, "MISS"),
    }
    assert "Sprawdź, gdzie głosujesz." in client.get(index.url).content.decode()


def test_a_new_title_renews_every_stored_page(client, campaigns, club):
    _index, campaign = campaigns
    client.get(club.url)  # its menu and breadcrumbs may name the campaign

    campaign.title = "Głosuj w wyborach samorządowych"
    publish(campaign)

    assert client.get(club.url)["X-Cache"] == "MISS"


def test_a_new_text_renews_the_pages_translations_and_spares_a_page_of_its_type(
    client, home_pages, locales
):
    about = publish(StandardPageFactory(parent=home_pages["pl"], title="O nas"))
    ukrainian = translate(about, locales["uk"], title="Про нас", slug="pro-nas")
    privacy = publish(StandardPageFactory(parent=home_pages["pl"], title="Prywatność"))
    urls = [about.url, ukrainian.url, privacy.url]
    for url in urls:
        client.get(url)

    about.intro = "Jesteśmy zespołem migrantek i migrantów."
    publish(about)

    assert cache_states(client, urls) == {
        about.url: "MISS",
        ukrainian.url: "MISS",  # its note on the original's language may change
        privacy.url: "HIT",
    }


def test_unpublishing_removes_the_page_and_its_entry_in_the_list(client, campaigns):
    index, campaign = campaigns
    for url in (campaign.url, index.url):
        client.get(url)

    campaign.unpublish()

    assert client.get(campaign.url).status_code == 404
    assert "Głosuj w wyborach" not in client.get(index.url).content.decode()


def test_moving_a_page_serves_it_at_its_new_address(client, campaigns, home_pages):
    _index, campaign = campaigns
    old_url = campaign.url
    client.get(old_url)
    other = CampaignIndexPageFactory(parent=home_pages["pl"], slug="archiwum")

    Page.objects.get(pk=campaign.pk).move(other, pos="last-child")

    # Wagtail leaves a redirect behind; the stored page is not served instead.
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == "/pl/archiwum/glos/"
    assert client.get("/pl/archiwum/glos/").status_code == 200


def test_deleting_a_page_removes_it(client, campaigns):
    _index, campaign = campaigns
    url = campaign.url
    client.get(url)

    Page.objects.get(pk=campaign.pk).delete()

    assert client.get(url).status_code == 404


def test_restricting_a_page_takes_it_out_of_the_cache_at_once(client, home_pages):
    page = publish(
        StandardPageFactory(parent=home_pages["pl"], title="Spotkanie", slug="sp")
    )
    client.get(page.url)

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(page.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_editing_the_menu_shows_on_every_stored_page(client, campaigns, home_pages):
    _index, campaign = campaigns
    client.get(campaign.url)

    MainMenu.objects.create(
        locale=home_pages["pl"].locale,
        items=[
            ("link", {"page": None, "url": "https://example.org/", "label": "Nowe"})
        ],
    )

    response, _ = fetch(client, campaign.url)
    assert response["X-Cache"] == "MISS"
    assert "Nowe" in response.content.decode()


# --- Query strings -------------------------------------------------------------------


def test_a_flood_of_unknown_parameters_stores_nothing_beyond_the_plain_page(
    client, campaigns, written
):
    index, _campaign = campaigns
    client.get(index.url)
    kept = dict(written)

    responses = [client.get(index.url, {"flood": n}) for n in range(40)]

    assert {response.status_code for response in responses} == {200}
    assert written == kept
    assert len(page_keys(written)) == 1
    assert all("X-Cache" not in response for response in responses)


def test_a_topic_the_page_knows_is_stored_and_served_from_the_cache(
    client, campaigns, written
):
    index, _campaign = campaigns

    first, _ = fetch(client, index.url, topic="wybory")
    second, queries = fetch(client, index.url, topic="wybory")

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert queries == 0
    assert len(page_keys(written)) == 1


def test_two_spellings_of_one_address_share_one_entry(client, campaigns, written):
    index, _campaign = campaigns
    client.get(f"{index.url}?topic=wybory&page=1")

    reordered = client.get(f"{index.url}?page=1&topic=wybory")
    encoded = client.get(f"{index.url}?topic=%77ybory&page=1&")

    assert reordered["X-Cache"] == "HIT"
    assert encoded["X-Cache"] == "HIT"
    assert len(page_keys(written)) == 1


@pytest.mark.parametrize(
    "query",
    [
        "topic=wybory&flood=1",  # an unknown parameter beside a known one
        "topic=wybory&topic=wybory",  # a repeated one
        "page=abc",  # not a number: page 1 is served
        "page=99",  # past the end: the last page is served
        "page=01",  # page 1, but spelt another way
    ],
)
def test_a_parameter_the_page_did_not_use_is_served_fresh_and_not_stored(
    client, campaigns, written, query
):
    index, _campaign = campaigns

    first = client.get(f"{index.url}?{query}")
    second = client.get(f"{index.url}?{query}")

    assert (first.status_code, second.status_code) == (200, 200)
    assert "Głosuj w wyborach" in second.content.decode()
    assert "X-Cache" not in first and "X-Cache" not in second
    assert page_keys(written) == set()


def test_a_search_is_stored_only_as_typed(client, campaigns, written):
    client.get("/pl/search/", {"q": "wyborach"})
    kept = page_keys(written)

    padded = [client.get("/pl/search/", {"q": "wyborach" + " " * n}) for n in (1, 2)]
    bad_page = client.get("/pl/search/", {"q": "wyborach", "page": "x"})

    assert len(kept) == 1
    assert all("X-Cache" not in response for response in [*padded, bad_page])
    assert "Głosuj w wyborach" in padded[0].content.decode()
    assert page_keys(written) == kept
    assert client.get("/pl/search/", {"q": "wyborach"})["X-Cache"] == "HIT"


def test_a_club_filter_the_page_offers_is_stored(client, home_pages, written):
    index = ClubIndexPageFactory(parent=home_pages["pl"])
    publish(ClubPageFactory(parent=index, city="Bydgoszcz", title="Klub szachowy"))
    # As the filter form sends it: both fields, one of them empty.
    filters = {"city": "Bydgoszcz", "language": ""}

    first = client.get(index.url, filters)
    second = client.get(index.url, filters)
    unknown = client.get(index.url, {**filters, "sort": "name"})

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert "Klub szachowy" in second.content.decode()
    assert "X-Cache" not in unknown
    assert len(page_keys(written)) == 1


def test_every_key_the_page_cache_keeps_expires_but_the_generation(
    client, campaigns, written
):
    index, campaign = campaigns
    for url in (index.url, campaign.url, "/pl/search/?q=wyborach", "/robots.txt"):
        client.get(url)

    assert page_keys(written)
    # The generation key alone is kept without expiry: Redis's volatile-ttl
    # policy never evicts it, and evicts everything else (README, Deploying).
    assert {key for key, timeout in written.items() if timeout is None} <= {
        GENERATION_KEY
    }
    assert all(timeout for key, timeout in written.items() if key != GENERATION_KEY)


def test_a_generation_key_lost_at_once_never_serves_an_old_page(
    client, campaigns, monkeypatch
):
    """A cache that drops the generation key as soon as it is written (full, or
    culled by another process) must not leave every request on one shared
    generation, under which an unpublished page would still be found."""
    _index, campaign = campaigns
    cache = page_cache()
    get = cache.get
    monkeypatch.setattr(
        cache,
        "get",
        lambda key, *args, **kwargs: (
            None if key == GENERATION_KEY else get(key, *args, **kwargs)
        ),
    )
    client.get(campaign.url)

    campaign.unpublish()

    assert client.get(campaign.url).status_code == 404
