from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from clubs.models import CulturalAssistant, SpokenLanguage


class CulturalAssistantViewSet(SnippetViewSet):
    model = CulturalAssistant
    icon = "group"
    list_display = [
        "display_name",
        "city",
        Column("languages_spoken", label=_("Languages spoken")),
    ]
    list_filter = ["languages"]
    search_fields = ["display_name", "city"]

    def get_queryset(self, request):
        return CulturalAssistant.objects.prefetch_related("languages")


class SpokenLanguageViewSet(SnippetViewSet):
    model = SpokenLanguage
    icon = "globe"
    list_display = ["name", "code"]


class ClubsViewSetGroup(SnippetViewSetGroup):
    items = [CulturalAssistantViewSet, SpokenLanguageViewSet]
    menu_icon = "group"
    menu_label = _("Assistants")
    menu_name = "assistants"
    menu_order = 210


register_snippet(ClubsViewSetGroup)
