from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import CampaignTopic


class CampaignTopicViewSet(SnippetViewSet):
    model = CampaignTopic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(CampaignTopicViewSet)
