"""A campaign or topic not translated into the reader's language yet is shown in
Polish, and says so, rather than left out or passed off as the reader's."""

import pytest

from home.models import RelatedCampaign
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignTopicFactory,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns(home_pages):
    polish = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    english = translate(
        polish, home_pages["en"].locale, title="Campaigns", slug="campaigns"
    )
    return polish, english


def test_a_chosen_related_campaign_not_yet_translated_is_shown_in_polish_marked(
    client, campaigns, home_pages
):
    polish_index, _english_index = campaigns
    chosen = CampaignPageFactory(
        parent=polish_index, title="Tylko po polsku", slug="tylko-po-polsku"
    )
    campaign = CampaignPageFactory(parent=polish_index)
    RelatedCampaign.objects.create(page=campaign, campaign=chosen)
    translate(campaign, home_pages["en"].locale, title="Ours", slug="ours")

    response = client.get("/en/campaigns/ours/")
    html = response.content.decode()

    assert [c.title for c in response.context["related_campaigns"]] == [
        "Tylko po polsku"
    ]
    assert f'<a href="{chosen.url}" hreflang="pl">' in html
    assert '<span lang="pl">Tylko po polsku</span></a>' in html
    assert f'<p lang="pl">{chosen.summary}</p>' in html
    assert '<span class="language-note" lang="en">(available in Polish)</span>' in html


def test_a_topic_not_yet_translated_carries_lang_and_a_note(client, campaigns):
    polish_index, english_index = campaigns
    health = CampaignTopicFactory(name="Zdrowie", slug="health")
    campaign = CampaignPageFactory(parent=polish_index, topics=[health])
    translate(campaign, english_index.locale, title="On health", slug="on-health")

    html = client.get("/en/campaigns/").content.decode()

    assert (
        '<span lang="pl">Zdrowie</span> '
        '<span class="language-note" lang="en">(in Polish)</span>'
    ) in html
    # The English campaign's own card is not marked.
    assert '<a href="/en/campaigns/on-health/">On health</a>' in html
