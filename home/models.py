import uuid
from functools import lru_cache

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import (
    BodyBlock,
    CallToActionBlock,
    FeaturedPageBlock,
    RichTextBlock,
)
from portal.cache import query_read
from portal.languages import by_translation_key, in_language_or_default
from portal.models import PortalPageMixin, rich_text_summary
from portal.public import public
from portal.queries import (
    CompiledRead,
    child_path_stand_ins,
    child_paths,
    children_by_path,
)


def with_hero_images(pages):
    """Hero images read with the pages, and all their renditions in one more
    query, however long the list (as ``prefetch_renditions`` reads them)."""
    return pages.select_related("hero_image").prefetch_related(
        _renditions_of_hero_images()
    )


def _renditions_of_hero_images():
    renditions = get_image_model().get_rendition_model().objects.all()
    return Prefetch("hero_image__renditions", queryset=renditions)


class HomePage(PortalPageMixin, Page):
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
    subpage_types = [
        "home.CampaignIndexPage",
        "clubs.ClubIndexPage",
        "consultations.ConsultationIndexPage",
        "consultations.TrackerPage",
        "consultations.InstitutionIndexPage",
        "counselling.CounsellingPage",
        "contact.ContactPage",
        "initiatives.InitiativeIndexPage",
        "events.CalendarPage",
        "events.TeamPage",
        "publications.PublicationIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_context(self, request, *args, **kwargs):
        from consultations.listing import current
        from consultations.models import ConsultationIndexPage
        from events.calendar import next_events
        from events.models import CalendarPage

        context = super().get_context(request, *args, **kwargs)
        # What is going on: the open consultations and the next events, each
        # section linking to its whole list.
        sections = {
            page.specific_class: page
            for page in _sections_read(self.depth).queryset(*child_paths(self))
        }
        calendar = sections.get(CalendarPage)
        consultations = current(request.user, self.locale.language_code)
        events = next_events(calendar, request) if calendar else []
        context.update(
            consultation_index=sections.get(ConsultationIndexPage),
            calendar=calendar,
            consultations=consultations,
            events=events,
            shows_team_items=any(entry["team_only"] for entry in consultations)
            or any(entry.team_only for entry in events),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("shows_team_items"):
            # A member's own team's consultations or meetings: never kept by the
            # page cache nor by any shared cache.
            add_never_cache_headers(response)
        return response


@lru_cache(maxsize=8)
def _sections_read(depth):
    """The live consultation index and calendar among the children of a home page
    at ``depth``, with their locales: read on every home page, its SQL built once
    (the children found by their parent's path as parameters)."""
    from consultations.models import ConsultationIndexPage
    from events.models import CalendarPage

    # Page.objects.type()'s models, named rather than by their content types' ids
    # (a process keeps this SQL, and a test database may number them anew).
    names = sorted(
        (model._meta.app_label, model._meta.model_name)
        for model in apps.get_models()
        if issubclass(model, (ConsultationIndexPage, CalendarPage))
    )
    of_type = Q()
    for app_label, model_name in names:
        of_type |= Q(content_type__app_label=app_label, content_type__model=model_name)
    return CompiledRead(
        lambda first, last: children_by_path(
            Page.objects.live().filter(of_type), depth, first, last
        ).select_related("locale"),
        fields=[Page._meta.get_field("path")] * 2,
        stand_ins=child_path_stand_ins(depth, Page),
    )


class StandardPage(PortalPageMixin, Page):
    """About us, the privacy policy, the accessibility statement and the like."""

    # Shows no other page's content: a publish elsewhere leaves it stored
    # (portal/cache.py).
    lists_no_pages = True

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_(
            "One or two sentences shown under the title and in search results."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_summary(self):
        return self.intro


class CampaignTopic(TranslatableMixin, models.Model):
    """A topic campaigns are filtered by; translated like pages."""

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "The topic's name in the address of filtered lists, the same in every "
            "language, e.g. “health”."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    # The slug is the topic's identity in filter addresses, so translations keep it.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("campaign topic")
        verbose_name_plural = _("campaign topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Not a UniqueConstraint: the snippet form has no locale field, so Django
        # would skip the check and the database would answer with a server error.
        taken = CampaignTopic.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.pk:
            taken = taken.exclude(pk=self.pk)
        if self.locale_id and taken.exists():
            raise ValidationError(
                {"slug": _("Another topic in this language has this slug.")}
            )

    @classmethod
    def localized_by_key(cls, translation_keys, language_code):
        """Topics by translation key, in this language where translated."""
        topics = (
            cls.objects.filter(translation_key__in=translation_keys)
            .select_related("locale")
            .order_by("pk")
        )
        return by_translation_key(topics, language_code)


class CampaignPageForm(WagtailAdminPageForm):
    """Offers the topics of the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" not in self.fields:
            return
        locale_id = self.instance.locale_id or getattr(
            self.parent_page, "locale_id", None
        )
        field = self.fields["topics"]
        field.queryset = CampaignTopic.objects.filter(locale_id=locale_id)
        if self.instance.pk and not self.is_bound:
            # A translation may still point at the source language's topics.
            chosen = [topic.translation_key for topic in self.instance.topics.all()]
            self.initial["topics"] = list(
                field.queryset.filter(translation_key__in=chosen).values_list(
                    "pk", flat=True
                )
            )


class CampaignIndexPage(RoutablePageMixin, PortalPageMixin, Page):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]

    campaigns_per_page = 9

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_campaigns(self):
        """Live campaigns the public may see, newest first."""
        return _campaigns_under(self.depth, *child_paths(self))

    def get_topics(self, campaign_ids):
        """The topics of these campaigns, in the page's language."""
        keys = CampaignTopic.objects.filter(campaigns__in=campaign_ids).values(
            "translation_key"
        )
        topics = CampaignTopic.localized_by_key(keys, self.locale.language_code)
        return sorted(topics.values(), key=lambda topic: topic.name.lower())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Which campaigns the index lists, in order, read once: the topics, the
        # pages of the list and the campaigns shown all start from these ids,
        # rather than each repeating (and compiling) the query that finds them.
        campaign_ids = _campaign_ids_read(self.depth).rows(*child_paths(self))
        topics = self.get_topics(campaign_ids)
        selected_topic = None
        if slug := request.GET.get("topic"):
            selected_topic = next((t for t in topics if t.slug == slug), None)
            if selected_topic is None:
                raise Http404(_("There is no such topic."))
            on_topic = set(
                # A translation may still point at the source language's topic.
                CampaignPage.objects.filter(
                    pk__in=campaign_ids,
                    topics__translation_key=selected_topic.translation_key,
                ).values_list("pk", flat=True)
            )
            campaign_ids = [pk for pk in campaign_ids if pk in on_topic]
            query_read(request, "topic")
        number = request.GET.get("page")
        campaigns_page = Paginator(campaign_ids, self.campaigns_per_page).get_page(
            number
        )
        # Not "page=abc" nor "page=99", which serve another page than they name.
        if number == str(campaigns_page.number):
            query_read(request, "page")
        shown = with_hero_images(
            CampaignPage.objects.filter(pk__in=campaigns_page.object_list)
        ).prefetch_related("topics")
        by_pk = {campaign.pk: campaign for campaign in shown}
        campaigns_page.object_list = [  # less any deleted in between
            by_pk[pk] for pk in campaigns_page.object_list if pk in by_pk
        ]
        CampaignPage.attach_topics(campaigns_page.object_list, self.locale)
        context.update(
            campaigns=campaigns_page,
            topics=topics,
            selected_topic=selected_topic,
        )
        return context

    @path("")
    def campaign_list(self, request):
        return self.render(request)

    @path("feed/")
    def atom_feed(self, request):
        from home.feeds import CampaignAtomFeed

        return CampaignAtomFeed()(request, index=self)

    @path("feed/rss/")
    def rss_feed(self, request):
        from home.feeds import CampaignRssFeed

        return CampaignRssFeed()(request, index=self)


def _campaigns_under(depth, first, last):
    return public(
        children_by_path(CampaignPage.objects.live(), depth, first, last)
    ).order_by("-start_date", "-first_published_at", "-pk")


@lru_cache(maxsize=8)
def _campaign_ids_read(depth):
    """The ids of the campaigns an index at ``depth`` lists, its SQL built once."""
    return CompiledRead(
        lambda first, last: _campaigns_under(depth, first, last).values_list(
            "pk", flat=True
        ),
        fields=[Page._meta.get_field("path")] * 2,
        stand_ins=child_path_stand_ins(depth, Page),
    )


class CampaignPage(PortalPageMixin, Page):
    # Read with the page when it is served: its link previews show it.
    select_related_when_served = ("hero_image",)

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "One or two sentences for lists, search results and link previews."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt_text = models.CharField(
        _("hero image: alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Translated with "
            "the page."
        ),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a campaign that goes on."),
    )
    topics = ParentalManyToManyField(
        CampaignTopic,
        verbose_name=_("topics"),
        blank=True,
        related_name="campaigns",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt_text")],
            heading=_("Hero image"),
        ),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        InlinePanel(
            "related_campaigns",
            heading=_("Related campaigns"),
            label=_("Related campaign"),
            help_text=_("Leave empty to show the latest campaigns on the same topics."),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]

    base_form_class = CampaignPageForm
    # Translations share the topics (wagtail-localize skips many-to-many fields).
    override_translatable_fields = [SynchronizedField("topics")]

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types = []

    related_limit = 3

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="campaign_ends_after_it_starts",
                violation_error_message=_("A campaign cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(hero_image__isnull=True) | ~Q(hero_image_alt_text=""),
                name="campaign_hero_image_has_alt_text",
                violation_error_message=_("Describe the hero image in the alt text."),
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("A campaign cannot end before it starts.")
        if self.hero_image_id and not self.hero_image_alt_text.strip():
            errors["hero_image_alt_text"] = _(
                "Describe the image for people who cannot see it."
            )
        if errors:
            raise ValidationError(errors)

    def get_summary(self):
        return self.summary

    def get_social_image(self):
        return self.hero_image

    def get_social_image_alt_text(self):
        return self.hero_image_alt_text

    @staticmethod
    def attach_topics(campaigns, locale):
        """Set ``localized_topics`` on each campaign, in two queries at most: the
        second only for topics not in ``locale`` (a translation may still point
        at the source language's)."""
        topics_of = [(campaign, list(campaign.topics.all())) for campaign in campaigns]
        keys = {
            topic.translation_key
            for _c, topics in topics_of
            for topic in topics
            if topic.locale_id != locale.pk
        }
        localized = (
            CampaignTopic.localized_by_key(keys, locale.language_code) if keys else {}
        )
        for campaign, topics in topics_of:
            campaign.localized_topics = sorted(
                (
                    topic
                    if topic.locale_id == locale.pk
                    else localized[topic.translation_key]
                    for topic in topics
                ),
                key=lambda topic: topic.name.lower(),
            )

    def get_related_campaigns(self):
        """The campaigns an editor chose, else the latest ones on the same topics.

        Chosen campaigns are shown in the page's language; wagtail-localize keeps
        translations pointing at the source language's campaigns. One not
        translated yet is shown in the default language (its card says so).
        """
        chosen_ids = [related.campaign_id for related in self.related_campaigns.all()]
        if chosen_ids:
            campaigns = _other_campaigns(self.translation_key)
            chosen_keys = CampaignPage.objects.filter(pk__in=chosen_ids).values(
                "translation_key"
            )
            related = in_language_or_default(
                campaigns.filter(translation_key__in=chosen_keys),
                self.locale.language_code,
            )
            return list(with_hero_images(related)[: self.related_limit])
        # The latest in this language on the same topics: every campaign page's
        # read, its SQL built once (for each number of topics).
        topic_keys = sorted({topic.translation_key for topic in self.localized_topics})
        if not topic_keys:
            return []
        read = _on_the_same_topics_read(len(topic_keys), self.related_limit)
        related = list(read.queryset(self.translation_key, self.locale_id, *topic_keys))
        # Their images' renditions with a prefetch of this request's own: the
        # read built once is shared by every request and thread.
        prefetch_related_objects(related, _renditions_of_hero_images())
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        CampaignPage.attach_topics([self], self.locale)
        context["campaign_index"] = self.get_parent()
        context["related_campaigns"] = self.get_related_campaigns()
        return context


def _other_campaigns(translation_key):
    """Live public campaigns but this one (in any language), the latest first."""
    return (
        public(CampaignPage.objects.live())
        .exclude(translation_key=translation_key)
        .order_by("-start_date", "-pk")
    )


@lru_cache(maxsize=16)
def _on_the_same_topics_read(topic_count, limit):
    return CompiledRead(
        lambda key, locale_id, *topic_keys: (
            _other_campaigns(key)
            .filter(locale_id=locale_id, topics__translation_key__in=topic_keys)
            .select_related("hero_image")
            .distinct()[:limit]
        ),
        fields=[
            Page._meta.get_field("translation_key"),
            Page._meta.get_field("locale").target_field,
            *[CampaignTopic._meta.get_field("translation_key")] * topic_count,
        ],
        stand_ins=[
            uuid.UUID(int=1),
            1,
            *(uuid.UUID(int=n) for n in range(2, 2 + topic_count)),
        ],
    )


class RelatedCampaign(Orderable):
    page = ParentalKey(
        CampaignPage, on_delete=models.CASCADE, related_name="related_campaigns"
    )
    campaign = models.ForeignKey(
        CampaignPage,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("related campaign")
        verbose_name_plural = _("related campaigns")
