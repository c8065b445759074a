from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import CallToActionBlock, FeaturedPageBlock, RichTextBlock


class HomePage(Page):
    """The root of each language's site: /pl/, /uk/, /en/, /ru/."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    featured = StreamField(
        [
            ("featured_page", FeaturedPageBlock()),
            ("text", RichTextBlock()),
            ("call_to_action", CallToActionBlock()),
        ],
        verbose_name=_("featured content"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured"),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["consultations.ConsultationIndexPage", "consultations.TrackerPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
