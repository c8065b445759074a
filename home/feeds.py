"""Atom and RSS feeds of a campaign index: its live, public campaigns."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 20


class CampaignAtomFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index):
        # A Feed instance is made for each request (see CampaignIndexPage), so
        # keeping the request here is safe.
        self.request = request
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(self.request)

    def subtitle(self, index):
        return index.get_meta_description()

    description = subtitle

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def items(self, index):
        return index.get_campaigns()[:FEED_LENGTH]

    def item_title(self, campaign):
        return campaign.title

    def item_description(self, campaign):
        return campaign.summary

    def item_link(self, campaign):
        return campaign.get_full_url(self.request)

    def item_guid(self, campaign):
        return campaign.get_full_url(self.request)

    def item_pubdate(self, campaign):
        return campaign.first_published_at

    def item_updateddate(self, campaign):
        return campaign.last_published_at

    def get_feed(self, index, request):
        feed = super().get_feed(index, request)
        feed.feed["language"] = index.locale.language_code
        return feed


class CampaignRssFeed(CampaignAtomFeed):
    feed_type = Rss201rev2Feed
