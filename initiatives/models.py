"""Migrant initiatives and the social cooperative.

The cooperative has its own page type rather than being an initiative of another
kind. An initiative is something people did: it ran from one date to another, in a
city, with partners, and something came of it. The cooperative is a business that
goes on: the people who open its page come to order something from it or to join
it, so its page answers what it offers, how to order, how to join and whom to
call, and has neither an end date nor an outcome. The initiatives index features
it above the initiatives.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.models import PortalPageMixin, rich_text_summary
from portal.public import public

SHORT_RICH_TEXT = ["bold", "italic", "link", "ul"]


def image_renditions():
    return get_image_model().objects.prefetch_renditions()


class InitiativeIndexPage(PortalPageMixin, Page):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["initiatives.InitiativePage", "initiatives.CooperativePage"]

    class Meta:
        verbose_name = _("initiatives index")
        verbose_name_plural = _("initiatives indexes")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_cooperatives(self):
        """Featured above the initiatives, in the order editors gave them."""
        return with_photos(
            public(CooperativePage.objects.child_of(self).live()).order_by("path"),
            CooperativeGalleryImage,
        )

    def get_initiatives(self):
        """Live initiatives the public may see, newest first."""
        return with_photos(
            public(InitiativePage.objects.child_of(self).live()).order_by(
                "-start_date", "-first_published_at", "-pk"
            ),
            InitiativeGalleryImage,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            cooperatives=self.get_cooperatives(),
            initiatives=self.get_initiatives(),
        )
        return context


def with_photos(pages, photo_model):
    """Each page's photos, their images and renditions in three queries, however
    long the list (the cards show the first photo)."""
    return pages.prefetch_related(
        Prefetch("gallery_images", queryset=photo_model.objects.order_by("sort_order")),
        Prefetch("gallery_images__image", queryset=image_renditions()),
    )


class BaseInitiativePage(PortalPageMixin, Page):
    """What an initiative and the cooperative both tell: what, who, where, with whom,
    and photos."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "One or two sentences for lists, search results and link previews."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    people = models.CharField(
        _("who is behind it"),
        max_length=250,
        help_text=_(
            "The people or the group behind it, named as they wish to be shown: "
            "first names, a group's name. Ask them first."
        ),
    )
    partners = models.TextField(
        _("partner organisations"),
        blank=True,
        help_text=_("One per line: institutions, organisations, businesses."),
    )
    city = models.CharField(_("city"), max_length=80)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("people"),
        index.SearchField("partners"),
        index.SearchField("city"),
        index.FilterField("city"),
    ]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_summary(self):
        return self.summary

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def cover_photo(self):
        """The first photo; its image stands for the page in cards and previews."""
        return next(iter(self.gallery_images.all()), None)

    def get_social_image(self):
        photo = self.cover_photo
        return photo.image if photo else None

    def get_social_image_alt_text(self):
        photo = self.cover_photo
        return photo.alt_text if photo else ""

    def get_gallery(self):
        photos = list(self.gallery_images.all())
        prefetch_related_objects(photos, Prefetch("image", queryset=image_renditions()))
        return photos

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery"] = self.get_gallery()
        return context


class InitiativePage(BaseInitiativePage):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an initiative that goes on."),
    )
    participants = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("How many people took part, if counted."),
    )
    outcome = RichTextField(
        _("outcome"),
        blank=True,
        features=SHORT_RICH_TEXT,
        help_text=_("What came of it: what was made, who it helped, what goes on."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("people"), FieldPanel("partners")],
            heading=_("Who"),
        ),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("end_date")], heading=_("When")
        ),
        FieldPanel("city"),
        FieldPanel("participants"),
        FieldPanel("outcome"),
        InlinePanel("gallery_images", label=_("Photo"), heading=_("Photo gallery")),
    ]

    search_fields = BaseInitiativePage.search_fields + [
        index.SearchField("outcome"),
        index.FilterField("start_date"),
    ]

    # A date or a count is the same in every language.
    override_translatable_fields = [
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("participants", overridable=False),
    ]

    class Meta:
        verbose_name = _("migrant initiative")
        verbose_name_plural = _("migrant initiatives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="initiative_ends_after_it_starts",
                violation_error_message=_("An initiative cannot end before it starts."),
            ),
        ]

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("An initiative cannot end before it starts.")}
            )


class CooperativePage(BaseInitiativePage):
    founded = models.DateField(
        _("registered on"),
        null=True,
        blank=True,
        help_text=_("The day the cooperative was entered in the register."),
    )
    offer = RichTextField(
        _("what it offers"),
        features=SHORT_RICH_TEXT,
        help_text=_("The products and services a customer can order."),
    )
    how_to_order = RichTextField(
        _("how to order"), blank=True, features=SHORT_RICH_TEXT
    )
    how_to_join = RichTextField(
        _("how to join"),
        blank=True,
        features=SHORT_RICH_TEXT,
        help_text=_("Who may become a member or work with it, and the first step."),
    )
    contact_name = models.CharField(_("contact person"), max_length=80, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("offer"),
        FieldPanel("how_to_order"),
        FieldPanel("how_to_join"),
        MultiFieldPanel(
            [FieldPanel("people"), FieldPanel("partners")],
            heading=_("Who"),
        ),
        FieldRowPanel([FieldPanel("city"), FieldPanel("founded")]),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
                FieldPanel("address"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("gallery_images", label=_("Photo"), heading=_("Photo gallery")),
    ]

    search_fields = BaseInitiativePage.search_fields + [
        index.SearchField("offer"),
        index.SearchField("how_to_order"),
        index.SearchField("how_to_join"),
    ]

    # Addresses, numbers and dates are not for translators.
    override_translatable_fields = [
        SynchronizedField("founded", overridable=False),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("website"),
    ]

    class Meta:
        verbose_name = _("social cooperative")
        verbose_name_plural = _("social cooperatives")

    @property
    def has_contact(self):
        return any(
            [
                self.contact_name,
                self.contact_email,
                self.contact_phone,
                self.address,
                self.website,
            ]
        )


class GalleryImage(TranslatableMixin, Orderable):
    """A photo with the alt text every photo needs; translated with its page."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [
        FieldPanel("image"),
        # Required in drafts too (Wagtail defers required fields to publishing):
        # the database refuses a photo without it.
        FieldPanel("alt_text", required_on_save=True),
        FieldPanel("caption"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(alt_text=""),
                name="%(class)s_has_alt_text",
                violation_error_message=_(
                    "Describe the photo for people who cannot see it."
                ),
            ),
        ]


class InitiativeGalleryImage(GalleryImage):
    page = ParentalKey(
        InitiativePage, on_delete=models.CASCADE, related_name="gallery_images"
    )

    class Meta(GalleryImage.Meta):
        abstract = False


class CooperativeGalleryImage(GalleryImage):
    page = ParentalKey(
        CooperativePage, on_delete=models.CASCADE, related_name="gallery_images"
    )

    class Meta(GalleryImage.Meta):
        abstract = False
