"""The calendar: event pages under a calendar page, the clubs' meetings shown
beside them, and a page per team.

Who may see a team meeting or a team page is decided in ``events/access.py``;
what the calendar lists, and its iCalendar feeds, in ``events/calendar.py``.
"""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events import access
from portal.models import PortalPageMixin, rich_text_summary

RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ul", "ol"]


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Expert seminar")
    STUDY_VISIT = "study_visit", _("Study visit")
    TEAM_MEETING = "team_meeting", _("Team meeting")
    OTHER = "other", _("Other event")


class CalendarPage(RoutablePageMixin, PortalPageMixin, Page):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_context(self, request, *args, **kwargs):
        from events.calendar import listing

        context = super().get_context(request, *args, **kwargs)
        context.update(listing(self, request))
        return context

    @path("")
    def calendar(self, request):
        response = self.render(request)
        context = response.context_data
        if not context["filter_form"].is_valid():
            response.status_code = 400
        if context["shows_team_events"]:
            access.mark_private(response)
        return response

    # Wagtail serves only paths of words and hyphens: no ".ics" in the address;
    # the file is still named calendar.ics (Content-Disposition).
    @path("ics/")
    def ical_feed(self, request):
        from events.calendar import ical_response

        return ical_response(self, request)


class EventPage(PortalPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    city = models.CharField(_("city"), max_length=80)
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Address or venue.")
    )
    languages = ParentalManyToManyField(
        "clubs.SpokenLanguage",
        verbose_name=_("held in"),
        related_name="events",
        blank=True,
        help_text=_("The language or languages the event is held in."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences for the calendar and search results."),
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT)
    team = models.ForeignKey(
        Group,
        verbose_name=_("team"),
        null=True,
        blank=True,
        # Never SET_NULL: a team meeting without its team would become public.
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Team meetings only: the meeting, its agenda and minutes are shown to "
            "this team's members and the editors, nobody else."
        ),
    )
    agenda = RichTextField(_("agenda"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("place")]),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("What, when and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("team"),
                FieldPanel("agenda"),
                InlinePanel(
                    "minutes",
                    label=_("Minutes"),
                    help_text=_(
                        "Upload minutes into a collection restricted to the team: "
                        "a document's own address follows its collection's privacy."
                    ),
                ),
            ],
            heading=_("Team meeting"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
    ]

    # The same in every language, and not offered to translators.
    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("team", overridable=False),
        SynchronizedField("languages"),
    ]

    parent_page_types = ["events.CalendarPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind=EventKind.TEAM_MEETING, team__isnull=False)
                | (~models.Q(kind=EventKind.TEAM_MEETING) & models.Q(team=None)),
                name="event_team_iff_team_meeting",
                violation_error_message=_(
                    "A team meeting names its team; other events name none."
                ),
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("An event cannot end before it starts.")
        if self.kind == EventKind.TEAM_MEETING and not self.team_id:
            errors["team"] = _("Choose the team whose meeting this is.")
        if self.kind != EventKind.TEAM_MEETING and self.team_id:
            errors["team"] = _("Only a team meeting is for one team.")
        if errors:
            raise ValidationError(errors)

    def get_summary(self):
        return self.summary or rich_text_summary(self.description)

    @property
    def is_team_only(self):
        return access.team_of(self) is not None

    def is_past(self, now=None):
        return self.ends_at < (now or timezone.now())

    def serve(self, request, *args, **kwargs):
        access.require_view(request, self)
        response = super().serve(request, *args, **kwargs)
        if self.is_team_only:
            access.mark_private(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["minutes"] = list(
            self.minutes.select_related("document") if self.is_team_only else []
        )
        context["languages"] = sorted(
            self.languages.all(), key=lambda language: str(language.name).lower()
        )
        return context


class EventMinutes(TranslatableMixin, Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="minutes")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to show the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")


class TeamPage(PortalPageMixin, Page):
    """A team's own page, seen only by its members and the editors."""

    team = models.ForeignKey(
        Group,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only this team's members and the editors see the page."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("team"), FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    override_translatable_fields = [SynchronizedField("team", overridable=False)]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("team page")
        verbose_name_plural = _("team pages")

    def clean(self):
        super().clean()
        others = TeamPage.objects.filter(team_id=self.team_id, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.team_id and others.exists():
            raise ValidationError(
                {"team": _("This team has a page in this language already.")}
            )

    def get_summary(self):
        return rich_text_summary(self.intro)

    def serve(self, request, *args, **kwargs):
        access.require_view(request, self)
        return access.mark_private(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from events.teams import team_context

        context = super().get_context(request, *args, **kwargs)
        context.update(team_context(self, request))
        return context
