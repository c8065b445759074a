"""What a calendar lists, for one reader: its events (those the policy lets them
see) and the clubs' meetings, each once, in the reader's language where there is
a translation; and the same as an iCalendar feed.

Times are stored as aware datetimes and shown in Europe/Warsaw (the site's
TIME_ZONE); a club meeting's date and local times are read as Warsaw's.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    When,
    Window,
)
from django.db.models.functions import Length, RowNumber, Substr
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Locale, Page

from clubs.models import ClubMeeting, ClubPage, SpokenLanguage, spoken_languages
from events import access
from events.forms import (
    CLUB_MEETING,
    KIND_CHOICES,
    PAST,
    CalendarFilterForm,
    EventFilterForm,
)
from events.models import EventPage
from portal.cache import query_read
from portal.languages import choose_versions, reader_language
from portal.public import public
from portal.queries import CompiledRead

WARSAW = ZoneInfo("Europe/Warsaw")
PER_PAGE = 20


@dataclass
class Entry:
    """One line of the calendar: an event, or a club's meeting."""

    uid: str
    kind: str
    title: str
    url: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    city: str
    place: str = ""
    summary: str = ""
    languages: list = field(default_factory=list)
    team_only: bool = False
    # The language the title and summary are in, when not the reader's.
    fallback_language: str | None = None
    updated_at: datetime.datetime | None = None

    @property
    def kind_label(self):
        return dict(KIND_CHOICES)[self.kind]

    @property
    def language_codes(self):
        return {language.code for language in self.languages}

    def is_past(self, now):
        return (self.ends_at or self.starts_at) < now


def events(calendar, user, language, request, since=None):
    """The calendar's live events this person may see, one version of each; with
    ``since``, only those not over by then."""
    pages = _event_pages(calendar, user, since).prefetch_related("languages")
    return [_entry(page, request) for page in choose_versions(pages, language).values()]


def _event_pages(calendar, user, since):
    pages = (
        EventPage.objects.live()
        .filter(access.visible_events(user))
        .filter(_under_a_version_of(calendar))
        .select_related("locale")
    )
    if since is not None:
        pages = pages.filter(ends_at__gte=since)
    return pages


@lru_cache(maxsize=16)
def _upcoming_read(team_count, limit):
    """``next_events``'s read, for an editor (``team_count`` None) or a person in
    so many teams, its SQL built once: the soonest events that have not ended,
    each in one version, chosen as ``choose_versions`` chooses (the reader's
    language, else the default one, else the first made), in one query that
    reads only the versions shown."""
    default = reader_language(settings.LANGUAGE_CODE)

    def build(calendar_key, since, language, *teams):
        seen = access.EVERYTHING if team_count is None else teams
        preference = Window(
            RowNumber(),
            partition_by=[F("translation_key")],
            order_by=[
                Case(When(locale__language_code=language, then=0), default=1),
                Case(When(locale__language_code=default, then=0), default=1),
                F("pk").asc(),
            ],
        )
        return (
            EventPage.objects.live()
            .filter(access.events_seen_by(seen))
            .filter(_under_a_version_with(calendar_key))
            .filter(ends_at__gte=since)
            .annotate(preference=preference)
            .filter(preference=1)
            .select_related("locale")
            .defer("agenda")
            # _uid's order among events that start together.
            .order_by("starts_at", "translation_key")[:limit]
        )

    return CompiledRead(
        build,
        fields=[
            Page._meta.get_field("translation_key"),
            EventPage._meta.get_field("ends_at"),
            Locale._meta.get_field("language_code"),
            *[Group._meta.pk] * (team_count or 0),
        ],
        stand_ins=[
            uuid.UUID(int=1),
            datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC),
            "xx",
            *range(1, (team_count or 0) + 1),
        ],
    )


def _uid(page):
    return f"event-{page.translation_key}"


def _entry(page, request, languages=None):
    return Entry(
        uid=_uid(page),
        kind=page.kind,
        title=page.title,
        url=page.get_url(request),
        starts_at=page.starts_at,
        ends_at=page.ends_at,
        city=page.city,
        place=page.place,
        summary=page.get_summary(),
        languages=SpokenLanguage.sorted(
            page.languages.all() if languages is None else languages
        ),
        team_only=page.is_team_only,
        fallback_language=page.fallback_language,
        updated_at=page.last_published_at,
    )


def _under_a_version_of(page):
    """Below this page or any of its translations (every language's calendar), in
    the events' own query."""
    return _under_a_version_with(page.translation_key)


def _under_a_version_with(translation_key):
    return Exists(
        Page.objects.filter(
            translation_key=translation_key,
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, Length("path")),
        )
    )


def club_meetings(language, request):
    """Every live, public club's meetings, from one version of each club: a
    club translated into four languages has four copies of its meetings."""
    clubs = choose_versions(
        public(ClubPage.objects.live())
        .select_related("locale")
        .prefetch_related("languages"),
        language,
    )
    by_pk = {club.pk: club for club in clubs.values()}
    entries = []
    for meeting in ClubMeeting.objects.filter(page__in=list(by_pk)).order_by(
        "date", "start_time", "pk"
    ):
        club = by_pk[meeting.page_id]
        starts_at = _warsaw(meeting.date, meeting.start_time)
        entries.append(
            Entry(
                uid=f"club-meeting-{meeting.translation_key}",
                kind=CLUB_MEETING,
                title=club.title,
                url=club.get_url(request),
                starts_at=starts_at,
                ends_at=_warsaw(meeting.date, meeting.end_time)
                if meeting.end_time
                else None,
                city=club.city,
                place=meeting.place or club.meeting_place,
                summary=club.summary,
                languages=SpokenLanguage.sorted(club.languages.all()),
                fallback_language=club.fallback_language,
                updated_at=club.last_published_at,
            )
        )
    return entries


def _warsaw(date, time):
    return datetime.datetime.combine(date, time, tzinfo=WARSAW)


def all_entries(calendar, request):
    language = calendar.locale.language_code
    return events(calendar, request.user, language, request) + club_meetings(
        language, request
    )


def filter_form(form_class, request, entries):
    cities = sorted({entry.city for entry in entries} - {""}, key=str.lower)
    languages = SpokenLanguage.sorted(
        {language for entry in entries for language in entry.languages}
    )
    return form_class(request.GET, cities=cities, languages=languages)


def matching(entries, filters):
    kind, city, language = filters["kind"], filters["city"], filters["language"]
    return [
        entry
        for entry in entries
        if (not kind or entry.kind == kind)
        and (not city or entry.city == city)
        and (not language or language in entry.language_codes)
    ]


def listing(calendar, request, now=None):
    """The calendar page's context: upcoming (soonest first) or past (latest
    first) entries, filtered and paginated."""
    now = now or timezone.now()
    entries = all_entries(calendar, request)
    form = filter_form(CalendarFilterForm, request, entries)
    shown = []
    if form.is_valid():
        query_read(request, "kind", "city", "language", "when")
        shown = matching(entries, form.cleaned_data)
        past = form.cleaned_data["when"] == PAST
        shown = sorted(
            (entry for entry in shown if entry.is_past(now) == past),
            key=lambda entry: (entry.starts_at, entry.uid),
            reverse=past,
        )
    paginator = Paginator(shown, PER_PAGE)
    number = request.GET.get("page")
    entries_page = paginator.get_page(number)
    if number == str(entries_page.number):
        query_read(request, "page")
    return {
        "upcoming_query": _query(request, when=None, page=None),
        "past_query": _query(request, when=PAST, page=None),
        "feed_query": _query(request, when=None, page=None),
        "filter_form": form,
        "past": form.is_valid() and form.cleaned_data["when"] == PAST,
        "entries": entries_page,
        "shows_team_events": any(entry.team_only for entry in entries),
    }


def _query(request, **changes):
    """The request's query string with some parameters set or dropped (None)."""
    query = request.GET.copy()
    for name, value in changes.items():
        if value:
            query[name] = value
        else:
            query.pop(name, None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def ical_response(calendar, request):
    """The calendar's events and meetings that match the filters, as iCalendar
    (RFC 5545), times with the Europe/Warsaw TZID and its VTIMEZONE."""
    entries = all_entries(calendar, request)
    form = filter_form(EventFilterForm, request, entries)
    if not form.is_valid():
        errors = "\n".join(
            f"{form.fields[name].label}: {' '.join(messages)}"
            for name, messages in form.errors.items()
        )
        return HttpResponse(
            errors, status=400, content_type="text/plain; charset=utf-8"
        )
    query_read(request, "kind", "city", "language")
    entries = matching(entries, form.cleaned_data)
    feed = icalendar.Calendar()
    feed.add("prodid", "-//Migrant Voices//Calendar//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", calendar.title)
    feed.add("x-wr-timezone", "Europe/Warsaw")
    host = request.get_host().split(":")[0]
    for entry in sorted(entries, key=lambda entry: (entry.starts_at, entry.uid)):
        event = icalendar.Event()
        event.add("uid", f"{entry.uid}@{host}")
        event.add("summary", entry.title)
        event.add("dtstart", entry.starts_at.astimezone(WARSAW))
        if entry.ends_at:
            event.add("dtend", entry.ends_at.astimezone(WARSAW))
        event.add("dtstamp", entry.updated_at or entry.starts_at)
        event.add("location", ", ".join(p for p in (entry.place, entry.city) if p))
        if entry.summary:
            event.add("description", entry.summary)
        event.add("url", request.build_absolute_uri(entry.url))
        event.add("categories", [str(entry.kind_label)])
        if entry.team_only:
            event.add("class", "PRIVATE")
        feed.add_component(event)
    feed.add_missing_timezones()
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    if any(entry.team_only for entry in entries):
        access.mark_private(response)
    return response


def next_events(calendar, request, limit=3, now=None):
    """The next events of ``calendar`` this visitor may see, soonest first (for the
    home page); ``calendar`` may be a plain ``Page``. The events are chosen first,
    and only those shown are made into entries (their addresses, summaries and
    languages read)."""
    now = now or timezone.now()
    language = reader_language(calendar.locale.language_code)
    seen = access.viewer(request.user)
    teams = () if seen is access.EVERYTHING else seen
    upcoming = _upcoming_read(None if seen is access.EVERYTHING else len(teams), limit)
    soonest = list(upcoming.queryset(calendar.translation_key, now, language, *teams))
    for page in soonest:  # as choose_versions marks them
        code = page.locale.language_code
        page.fallback_language = None if code == language else code
    languages = spoken_languages(soonest)
    return [_entry(page, request, languages[page.pk]) for page in soonest]
