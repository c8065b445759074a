"""StreamField blocks shared by every app's pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call-to-action button")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choose a page or give an address, not both."))
            raise StructBlockValidationError(block_errors={"page": error, "url": error})
        return value


class FeaturedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        help_text=_("Leave empty to use the page title."),
    )
    text = blocks.TextBlock(
        label=_("Short description"), required=False, max_length=300
    )

    class Meta:
        icon = "doc-full"
        label = _("Featured page")
        template = "blocks/featured_page_block.html"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features",
            ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text_block.html"
