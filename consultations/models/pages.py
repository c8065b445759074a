import uuid
from functools import cache

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from consultations.models.records import Consultation, ReportNames, Visibility
from consultations.models.snippets import Institution, PolicyArea
from portal.groups import MIGRANT_TEAM
from portal.languages import localized_by_pk
from portal.public import public
from portal.queries import CompiledRead
from portal.widgets import NativeDateTimeInput


class AttachedRoutesMixin(RoutablePageMixin):
    """A routable page whose routes are listed in ``consultations/routes.py`` and
    attached when the app is ready: the views read these models, and models never
    import views."""

    subpage_urls = ()

    @classmethod
    def get_subpage_urls(cls):
        return cls.subpage_urls


@cache
def _record_read():
    """A consultation page's record with its source language, its SQL built once:
    every request to the page and its routes reads it."""
    return CompiledRead(
        lambda key: (
            Consultation.objects.select_related("source_locale")
            .filter(key=key)
            .order_by("pk")[:1]
        ),
        fields=[Consultation._meta.get_field("key")],
        stand_ins=[uuid.UUID(int=1)],
    )


def default_participant_group():
    return Group.objects.filter(name=MIGRANT_TEAM).values_list("pk", flat=True).first()


class ConsultationIndexPage(AttachedRoutesMixin, Page):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]

    class Meta:
        verbose_name = _("consultations index")
        verbose_name_plural = _("consultations indexes")


class ConsultationPage(AttachedRoutesMixin, Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
    )
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full draft, e.g. the strategy as a PDF."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility,
        default=Visibility.TEAM,
        help_text=_(
            "Team only: only the taking-part group and editors can read it. Public: "
            "everyone can read it; only the group takes part."
        ),
    )
    participant_group = models.ForeignKey(
        Group,
        verbose_name=_("group taking part"),
        null=True,
        on_delete=models.SET_NULL,
        default=default_participant_group,
        related_name="+",
    )
    live_results = models.BooleanField(
        _("members see the results while it is open"), default=False
    )
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_(
            "Members always see the results once it closes. Tick this to show them "
            "to everyone (public consultations only)."
        ),
    )
    report_names = models.CharField(
        _("comments in the report"),
        max_length=12,
        choices=ReportNames,
        default=ReportNames.PSEUDONYMS,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("source_document"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("opens_at", widget=NativeDateTimeInput),
                        FieldPanel("closes_at", widget=NativeDateTimeInput),
                    ]
                ),
                FieldPanel("visibility"),
                FieldPanel("participant_group"),
            ],
            heading=_("Who takes part, and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("live_results"),
                FieldPanel("results_published"),
                FieldPanel("report_names"),
            ],
            heading=_("Results and report"),
        ),
        # A link to the import, once the page exists (the import needs its id).
        HelpPanel(
            heading=_("Import from a document"),
            template="consultations/admin/import_help_panel.html",
        ),
        InlinePanel(
            "recommendations",
            label=_("Recommendation"),
            heading=_("Recommendations"),
            min_num=1,
            help_text=_(
                "Removing a recommendation from a published consultation archives it: "
                "its stances and comments are kept and stay in the results."
            ),
        ),
        InlinePanel("polls", label=_("Poll question"), heading=_("Polls")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # The same in every language, and not offered to translators as segments.
    override_translatable_fields = [
        SynchronizedField("participant_group", overridable=False),
        SynchronizedField("source_document", overridable=False),
    ]

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing time must come after the opening.")}
            )

    @cached_property
    def record(self):
        """The lasting record people's words point at; None until first published."""
        return next(iter(_record_read().queryset(self.translation_key)), None)

    @cached_property
    def shown_snippets(self):
        """{(model, pk): version to show} for the areas and institutions of this
        page's recommendations, in the reader's language: two queries a page."""
        items = list(self.recommendations.all())
        return {
            (model, pk): version
            for model, field in (
                (PolicyArea, "area_id"),
                (Institution, "institution_id"),
            )
            for pk, version in localized_by_pk(
                model, [getattr(item, field) for item in items]
            ).items()
        }


class PageRecommendation(TranslatableMixin, Orderable):
    """A recommendation as written on one language's page (content, not identity)."""

    page = ParentalKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="recommendations"
    )
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(
        _("text"),
        help_text=_(
            "Leave an empty line between paragraphs; write bold as **text** and "
            "italics as *text*, as in Markdown."
        ),
    )
    area = models.ForeignKey(
        "consultations.PolicyArea",
        verbose_name=_("policy area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    institution = models.ForeignKey(
        "consultations.Institution",
        verbose_name=_("addressed to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("institution")]),
    ]
    # Every language's page points at the original area and institution: a
    # translator never re-chooses them, and readers see their names in their
    # language (``shown_area``, ``shown_institution``).
    override_translatable_fields = [
        SynchronizedField("area", overridable=False),
        SynchronizedField("institution", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def shown_area(self):
        return self.page.shown_snippets.get((PolicyArea, self.area_id))

    @property
    def shown_institution(self):
        return self.page.shown_snippets.get((Institution, self.institution_id))


class PagePoll(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("question"), max_length=255)
    allows_multiple = models.BooleanField(_("several answers allowed"), default=False)
    max_choices = models.PositiveSmallIntegerField(
        _("at most this many answers"),
        null=True,
        blank=True,
        help_text=_("For questions like “Which three areas are most urgent?”."),
    )
    # Answers point at each choice's block id, which stays the same in every
    # language's copy of the page.
    choices = StreamField(
        [("choice", blocks.CharBlock(label=_("Choice"), max_length=255))],
        verbose_name=_("choices"),
        min_num=2,
    )

    panels = [
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("allows_multiple"), FieldPanel("max_choices")]),
        FieldPanel("choices"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("poll question")
        verbose_name_plural = _("poll questions")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.max_choices is not None:
            if not self.allows_multiple:
                raise ValidationError(
                    {
                        "max_choices": _(
                            "Only a question with several answers has a limit."
                        )
                    }
                )
            if self.max_choices < 2 or self.max_choices > len(self.choices):
                raise ValidationError(
                    {
                        "max_choices": _(
                            "The limit must be between 2 and the number of choices."
                        )
                    }
                )


class TrackerPage(AttachedRoutesMixin, Page):
    """The public implementation tracker: progress per area, filterable."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("implementation tracker")
        verbose_name_plural = _("implementation trackers")


class InstitutionIndexPage(AttachedRoutesMixin, Page):
    """Partner institutions: this page lists them and gives each one its own
    address under it (``<slug>/``), served by a route.

    An institution is a snippet already: recommendations and the tracker choose
    it and translators translate it with wagtail-localize. A page per institution
    would be a second copy of it in the page tree, with a second translation to
    keep in step; a route per institution keeps one record that editors edit
    once, and its page follows (assistants, recommendations and their progress
    are read from their own records)."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner institutions")
        verbose_name_plural = _("partner institutions pages")

    @classmethod
    def for_language(cls, language_code):
        """The live, public page in this language, else in the default language
        (None if there is none): one query."""
        pages = list(
            public(cls.objects.live())
            .filter(locale__language_code__in=[language_code, settings.LANGUAGE_CODE])
            .select_related("locale")
        )
        pages.sort(
            key=lambda page: (page.locale.language_code != language_code, page.pk)
        )
        return pages[0] if pages else None

    def institution_url(self, institution, request=None):
        """The address of an institution's page (None for one without an
        address, which only a bulk import could leave)."""
        if not institution.slug:
            return None
        return self.get_url(request) + self.reverse_subpage(
            "institution", args=[institution.slug]
        )
