"""StreamField blocks shared by every app's pages."""

from copy import copy

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from portal.languages import reader_language


class PageInReaderLanguageBlock(blocks.PageChooserBlock):
    """A chosen page read with its version in the reader's language and whether a
    view restriction covers each (``with_translations``), for every such block of
    a stream in one query: a link or card shows the right page without a query of
    its own (``reader_version``). Wagtail's chooser reads the chosen pages alone.
    Stored, edited and migrated as Wagtail's ``PageChooserBlock``."""

    canonical_module_path = "wagtail.blocks.PageChooserBlock"

    def bulk_to_python(self, values):
        from portal.public import with_translations

        language = _reading_language()
        found = with_translations(values, language)
        pages = []
        for pk in values:
            chosen, translation = found.get(pk, (None, None))
            if chosen is not None:
                chosen = copy(chosen)  # a page chosen twice: two instances
                chosen.read_with_translation = (language, translation)
            pages.append(chosen)
        return pages


def _reading_language():
    """The reader's language, or the default one where none is active (a command
    that switches translations off still reads streams: search, references)."""
    try:
        return reader_language()
    except LookupError:
        return reader_language(settings.LANGUAGE_CODE)


def reader_version(chosen):
    """(the chosen page, its version in the reader's language or None), each with
    ``is_restricted``: as read with the stream, else in a query."""
    from portal.public import with_translations

    language = _reading_language()
    read = getattr(chosen, "read_with_translation", None)
    if read is not None and read[0] == language:
        return chosen, read[1]
    return with_translations([chosen.pk], language).get(chosen.pk, (None, None))


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = PageInReaderLanguageBlock(label=_("Page"), required=False)
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

    def get_context(self, value, parent_context=None):
        """A page in the reader's language (its translation if that is live, as
        Wagtail's ``localized``); a restricted one by its number, not its address
        (portal/links.py). Both read with the stream (``PageInReaderLanguageBlock``)."""
        from portal.links import page_link

        context = super().get_context(value, parent_context)
        chosen = value["page"]
        page, translation = reader_version(chosen) if chosen else (None, None)
        target = href = None
        if page is not None:
            live = translation is not None and translation.live
            target = translation if live else page
            href = page_link(target, target.is_restricted)
        context["target"] = target
        context["href"] = href or value["url"]
        return context


class FeaturedPageBlock(blocks.StructBlock):
    page = PageInReaderLanguageBlock(label=_("Page"))
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

    def get_context(self, value, parent_context=None):
        """The page in the reader's language, if it is live and public: like the
        menus, a featured card never names a page restricted to a group, a login
        or a password (its title would be shown to everyone). The cards of a
        stream are read together (``PageInReaderLanguageBlock``)."""
        from portal.public import shown

        context = super().get_context(value, parent_context)
        chosen = value["page"]
        context["target"] = shown(*reader_version(chosen)) if chosen else None
        return context


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


class FigureBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alt text (or "decorative"), and the alt text is
    # translated with the page, unlike the image's own description.
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("Who took the photo or made the picture."),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(
        label=_("Who said it"), required=False, max_length=120
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Video address"),
        help_text=_(
            "A YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…"
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("What the video shows, for people who cannot play it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20)
    text = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "table"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of campaigns, clubs and standard pages."""

    text = RichTextBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentBlock()


class LinkBlock(blocks.StructBlock):
    """A link in a menu: a page of the site or an external address."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=60,
        help_text=_(
            "Leave empty to use the page's title in each language. "
            "Required for an external address."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choose a page or give an address, not both."))
            errors.update(page=error, url=error)
        if value.get("url") and not value.get("label"):
            errors["label"] = ValidationError(_("An external address needs a label."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("telegram", "Telegram"),
    ("linkedin", "LinkedIn"),
    ("x", "X"),
    ("mastodon", "Mastodon"),
    ("tiktok", "TikTok"),
]


class SocialLinkValue(blocks.StructValue):
    def network_name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), "")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("Network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"
        label = _("Social media link")
        value_class = SocialLinkValue
