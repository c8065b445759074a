import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import CampaignIndexPage, CampaignPage, HomePage, RelatedCampaign
from portal.groups import MIGRANT_TEAM
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignTopicFactory,
    ImageFactory,
    publish,
    translate,
)

ATOM = "{http://www.w3.org/2005/Atom}"


class CampaignPageRulesTest(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="pl")
        self.index = CampaignIndexPageFactory(parent=self.home)
        self.client.force_login(self.create_test_user())

    def test_campaign_index_sits_under_a_home_page_and_holds_campaigns(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertCanCreateAt(HomePage, CampaignIndexPage)

    def test_campaigns_live_only_in_a_campaign_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertCanNotCreateAt(HomePage, CampaignPage)

    def test_an_editor_creates_a_campaign_index(self):
        self.assertCanCreate(
            self.home,
            CampaignIndexPage,
            nested_form_data(
                {
                    "title": "Nasze kampanie",
                    "slug": "nasze-kampanie",
                    "intro": rich_text("<p>Wszystkie kampanie.</p>"),
                }
            ),
        )

    def test_an_editor_creates_a_campaign_with_every_kind_of_block(self):
        topic = CampaignTopicFactory()
        image = ImageFactory()
        other = CampaignPageFactory(parent=self.index)
        data = nested_form_data(
            {
                "title": "Wybory i integracja",
                "slug": "wybory",
                "summary": "Pytamy kandydatów o integrację.",
                "hero_image": image.pk,
                "hero_image_alt_text": "Ludzie przy urnie",
                "start_date": "2023-09-01",
                "end_date": "2023-10-15",
                "body": streamfield(
                    [
                        ("text", rich_text("<p>Dlaczego to ważne.</p>")),
                        (
                            "image",
                            {
                                "image": {
                                    "image": image.pk,
                                    "alt_text": "Plakat kampanii",
                                    "decorative": False,
                                },
                                "caption": "Plakat",
                                "credit": "Zespół",
                            },
                        ),
                        (
                            "quote",
                            {"quote": "Chcę być słyszana.", "attribution": ""},
                        ),
                        (
                            "key_figures",
                            {
                                "heading": "Liczby",
                                "figures": streamfield(
                                    [("item", {"figure": "10×", "text": "więcej"})]
                                ),
                            },
                        ),
                        (
                            "call_to_action",
                            {
                                "text": "Napisz do nas",
                                "page": "",
                                "url": "https://example.org/",
                            },
                        ),
                    ]
                ),
                "related_campaigns": inline_formset([{"campaign": other.pk}]),
            }
        )
        # nested_form_data would number a list's items; a multiple choice repeats.
        data["topics"] = [topic.pk]
        self.assertCanCreate(self.index, CampaignPage, data)
        campaign = CampaignPage.objects.get(slug="wybory")
        assert list(campaign.topics.all()) == [topic]
        assert [block.block_type for block in campaign.body] == [
            "text",
            "image",
            "quote",
            "key_figures",
            "call_to_action",
        ]

    def post_campaign(self, **fields):
        data = nested_form_data(
            {
                "title": "Kampania",
                "slug": "kampania",
                "summary": "Streszczenie.",
                "start_date": "2024-05-01",
                "body": streamfield([]),
                "related_campaigns": inline_formset([]),
                **fields,
            }
        )
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add", args=("home", "campaignpage", self.index.pk)
            ),
            data,
        )

    def test_a_campaign_cannot_end_before_it_starts(self):
        response = self.post_campaign(end_date="2024-04-01")

        assert response.status_code == 200
        assert response.context["form"].errors["end_date"] == [
            "Kampania nie może się skończyć, zanim się zacznie."
        ]
        assert not CampaignPage.objects.filter(slug="kampania").exists()

    def test_a_hero_image_needs_alt_text(self):
        response = self.post_campaign(hero_image=ImageFactory().pk)

        assert "hero_image_alt_text" in response.context["form"].errors
        assert not CampaignPage.objects.filter(slug="kampania").exists()


@pytest.fixture
def campaigns_pl(home_pages):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    return index


@pytest.fixture
def campaigns_uk(campaigns_pl, home_pages):
    return translate(
        campaigns_pl, home_pages["uk"].locale, title="Кампанії", slug="kampanii"
    )


def titles(response):
    return [campaign.title for campaign in response.context["campaigns"]]


def test_index_lists_live_campaigns_of_its_own_language_newest_first(
    client, campaigns_pl, campaigns_uk, home_pages
):
    older = CampaignPageFactory(
        parent=campaigns_pl, start_date=datetime.date(2022, 1, 1)
    )
    newer = CampaignPageFactory(
        parent=campaigns_pl, start_date=datetime.date(2023, 1, 1)
    )
    translate(newer, home_pages["uk"].locale, title="Нова кампанія")
    draft = CampaignPageFactory(parent=campaigns_pl, live=False)

    polish = client.get("/pl/kampanie/")
    ukrainian = client.get("/uk/kampanii/")

    assert titles(polish) == [newer.title, older.title]
    assert draft.title not in polish.content.decode()
    assert titles(ukrainian) == ["Нова кампанія"]


def test_index_never_lists_a_restricted_campaign(client, campaigns_pl):
    CampaignPageFactory(parent=campaigns_pl, title="Publiczna")
    team_only = CampaignPageFactory(parent=campaigns_pl, title="Tylko dla zespołu")
    restriction = PageViewRestriction.objects.create(
        page=team_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MIGRANT_TEAM))
    PageViewRestriction.objects.create(
        page=CampaignPageFactory(parent=campaigns_pl, title="Z hasłem"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="tajne-haslo",
    )

    response = client.get("/pl/kampanie/")

    assert titles(response) == ["Publiczna"]
    html = response.content.decode()
    assert "Tylko dla zespołu" not in html
    assert "Z hasłem" not in html


def test_index_filters_by_topic_in_the_readers_language(
    client, campaigns_pl, campaigns_uk, home_pages
):
    uk = home_pages["uk"].locale
    health = CampaignTopicFactory(name="Zdrowie", slug="health")
    translated_health = health.copy_for_translation(uk)
    translated_health.name = "Здоров’я"
    translated_health.save()
    work = CampaignTopicFactory(name="Praca", slug="work")
    on_health = CampaignPageFactory(parent=campaigns_pl, topics=[health])
    CampaignPageFactory(parent=campaigns_pl, topics=[work])
    translate(on_health, uk, title="Про здоров’я")

    polish = client.get("/pl/kampanie/", {"topic": "health"})
    ukrainian = client.get("/uk/kampanii/", {"topic": "health"})

    assert titles(polish) == [on_health.title]
    assert [t.name for t in polish.context["topics"]] == ["Praca", "Zdrowie"]
    assert titles(ukrainian) == ["Про здоров’я"]
    assert [t.name for t in ukrainian.context["topics"]] == ["Здоров’я"]
    assert "Здоров’я" in ukrainian.content.decode()


def test_a_translation_still_on_the_source_topic_is_found_by_the_translated_one(
    client, campaigns_pl, campaigns_uk, home_pages
):
    """wagtail-localize leaves a translated campaign pointing at the source
    language's topic; the index shows that topic in the reader's language, under
    its own slug, and filtering by it finds the campaign."""
    uk = home_pages["uk"].locale
    health = CampaignTopicFactory(name="Zdrowie", slug="zdrowie")
    translated_health = health.copy_for_translation(uk)
    translated_health.name, translated_health.slug = "Здоров’я", "zdorovya"
    translated_health.save()
    on_health = CampaignPageFactory(parent=campaigns_pl, topics=[health])
    CampaignPageFactory(parent=campaigns_pl)
    ukrainian_campaign = translate(on_health, uk, title="Про здоров’я")
    assert list(ukrainian_campaign.topics.all()) == [health]

    ukrainian = client.get("/uk/kampanii/", {"topic": "zdorovya"})

    assert ukrainian.status_code == 200
    assert titles(ukrainian) == ["Про здоров’я"]


def test_an_unknown_topic_is_not_found(client, campaigns_pl):
    CampaignPageFactory(parent=campaigns_pl)

    response = client.get("/pl/kampanie/", {"topic": "no-such-topic"})

    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_index_pages_through_campaigns(client, campaigns_pl):
    for _ in range(CampaignIndexPage.campaigns_per_page + 2):
        CampaignPageFactory(parent=campaigns_pl)

    first = client.get("/pl/kampanie/")
    second = client.get("/pl/kampanie/", {"page": 2})
    beyond = client.get("/pl/kampanie/", {"page": "999"})
    nonsense = client.get("/pl/kampanie/", {"page": "abc"})

    assert len(titles(first)) == CampaignIndexPage.campaigns_per_page
    assert len(titles(second)) == 2
    assert 'rel="next"' in first.content.decode()
    assert titles(beyond) == titles(second)
    assert titles(nonsense) == titles(first)


def test_atom_feed_lists_live_public_campaigns_of_the_language(
    client, campaigns_pl, campaigns_uk, home_pages
):
    first = publish(CampaignPageFactory(parent=campaigns_pl, title="Pierwsza"))
    translate(first, home_pages["uk"].locale, title="Перша")
    publish(CampaignPageFactory(parent=campaigns_pl, title="Druga"))
    hidden = CampaignPageFactory(parent=campaigns_pl, title="Ukryta")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )

    polish = client.get("/pl/kampanie/feed/")
    ukrainian = client.get("/uk/kampanii/feed/")

    assert polish["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(polish.content)
    assert [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")] == [
        "Druga",
        "Pierwsza",
    ]
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    # Full addresses come from the Wagtail site's host name, not from the request.
    assert all(link.startswith("http://localhost/pl/kampanie/") for link in links)
    uk_feed = ET.fromstring(ukrainian.content)
    assert [e.find(f"{ATOM}title").text for e in uk_feed.iter(f"{ATOM}entry")] == [
        "Перша"
    ]


def test_rss_feed_is_valid_xml_with_the_campaigns(client, campaigns_pl):
    publish(CampaignPageFactory(parent=campaigns_pl, title="Kampania <&> RSS"))

    response = client.get("/pl/kampanie/feed/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("language").text == "pl"
    assert [item.find("title").text for item in channel.iter("item")] == [
        "Kampania <&> RSS"
    ]


def test_index_announces_its_feeds(client, campaigns_pl):
    html = client.get("/pl/kampanie/").content.decode()

    assert 'type="application/atom+xml"' in html
    assert 'href="/pl/kampanie/feed/"' in html


def test_campaign_page_shows_topics_dates_and_a_responsive_hero(
    client, campaigns_pl, campaigns_uk, home_pages
):
    uk = home_pages["uk"].locale
    topic = CampaignTopicFactory(name="Kobiety", slug="women")
    translated_topic = topic.copy_for_translation(uk)
    translated_topic.name = "Жінки"
    translated_topic.save()
    campaign = CampaignPageFactory(
        parent=campaigns_pl,
        topics=[topic],
        hero_image=ImageFactory(),
        hero_image_alt_text="Kobiety na spotkaniu",
        start_date=datetime.date(2023, 5, 15),
        end_date=datetime.date(2023, 7, 31),
    )
    translate(
        campaign,
        uk,
        title="Жінки в місті",
        slug="zhinky",
        hero_image_alt_text="Жінки на зустрічі",
    )

    polish = client.get(campaign.url).content.decode()
    ukrainian = client.get("/uk/kampanii/zhinky/").content.decode()

    assert "15 maja 2023" in polish and "31 lipca 2023" in polish
    assert ">Kobiety</a>" in polish
    assert ">Жінки</a>" in ukrainian
    assert 'type="image/webp"' in polish and "srcset=" in polish
    assert 'alt="Kobiety na spotkaniu"' in polish
    assert 'alt="Жінки на зустрічі"' in ukrainian


def test_campaign_page_describes_itself_for_link_previews(client, campaigns_pl):
    campaign = CampaignPageFactory(
        parent=campaigns_pl,
        summary="Kampania o sąsiedztwie.",
        hero_image=ImageFactory(),
        hero_image_alt_text="Sąsiedzi",
    )

    html = client.get(campaign.url).content.decode()

    assert '<meta name="description" content="Kampania o sąsiedztwie.">' in html
    assert '<meta property="og:description" content="Kampania o sąsiedztwie.">' in html
    assert f'<meta property="og:url" content="{campaign.full_url}">' in html
    assert f'<link rel="canonical" href="{campaign.full_url}">' in html
    assert '<meta property="og:locale" content="pl_PL">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert '<meta property="og:image:alt" content="Sąsiedzi">' in html


def test_related_campaigns_are_the_chosen_ones_in_the_readers_language(
    client, campaigns_pl, campaigns_uk, home_pages
):
    uk = home_pages["uk"].locale
    chosen = CampaignPageFactory(parent=campaigns_pl, title="Wybrana")
    translate(chosen, uk, title="Обрана")
    CampaignPageFactory(parent=campaigns_pl, title="Inna")
    campaign = CampaignPageFactory(parent=campaigns_pl)
    RelatedCampaign.objects.create(page=campaign, campaign=chosen)
    translate(campaign, uk, title="Кампанія", slug="kampaniia")

    polish = client.get(campaign.url)
    ukrainian = client.get("/uk/kampanii/kampaniia/")

    assert [c.title for c in polish.context["related_campaigns"]] == ["Wybrana"]
    assert [c.title for c in ukrainian.context["related_campaigns"]] == ["Обрана"]


def test_without_a_choice_related_campaigns_share_a_topic(client, campaigns_pl):
    topic = CampaignTopicFactory()
    same_topic = CampaignPageFactory(
        parent=campaigns_pl, topics=[topic], title="Ten sam temat"
    )
    CampaignPageFactory(parent=campaigns_pl, title="Inny temat")
    campaign = CampaignPageFactory(parent=campaigns_pl, topics=[topic])

    response = client.get(campaign.url)

    assert [c.title for c in response.context["related_campaigns"]] == [
        same_topic.title
    ]
