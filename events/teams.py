"""What a team page shows its members: who is in the team, the team's
meetings, and the consultations the team takes part in."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import timezone

from consultations.access import viewable
from consultations.models import Consultation, ConsultationPage
from events import access
from events.models import EventKind, EventMinutes, EventPage
from portal.languages import Shown, choose_versions


def team_members(team):
    """The team's active members by display name (never a username or an
    address), and how many have not chosen one."""
    named, unnamed = [], 0
    users = (
        get_user_model()
        .objects.filter(groups=team, is_active=True)
        .select_related("member_profile")
    )
    for user in users:
        profile = getattr(user, "member_profile", None)
        if profile is not None and profile.display_name:
            named.append(profile.display_name)
        else:
            unnamed += 1
    return sorted(named, key=str.lower), unnamed


def team_meetings(team, user, language, now):
    """(upcoming soonest first, past latest first), in the reader's language
    where translated."""
    pages = (
        EventPage.objects.live()
        .filter(access.visible_events(user), kind=EventKind.TEAM_MEETING, team=team)
        .select_related("locale")
        .prefetch_related(
            Prefetch("minutes", EventMinutes.objects.select_related("document"))
        )
    )
    meetings = sorted(
        choose_versions(pages, language).values(), key=lambda page: page.starts_at
    )
    upcoming = [page for page in meetings if not page.is_past(now)]
    past = [page for page in meetings if page.is_past(now)]
    return upcoming, past[::-1]


def team_consultations(team, user, language, request):
    """The consultations this team takes part in that this person may read, each
    with its page in their language (else the original's)."""
    consultations = list(
        Consultation.objects.filter(participant_group=team)
        .filter(viewable(user))
        .order_by("-opens_at", "pk")
    )
    pages = choose_versions(
        ConsultationPage.objects.live()
        .filter(translation_key__in=[c.key for c in consultations])
        .select_related("locale"),
        language,
    )
    shown = []
    for consultation in consultations:
        page = pages.get(consultation.key)
        if page is None:
            continue
        shown.append(
            {
                "consultation": consultation,
                "title": Shown(page.title, page.fallback_language),
                "url": page.get_url(request),
                "phase": consultation.phase(),
            }
        )
    return shown


def team_context(team_page, request):
    now = timezone.now()
    language = team_page.locale.language_code
    members, unnamed = team_members(team_page.team_id)
    upcoming, past = team_meetings(team_page.team_id, request.user, language, now)
    return {
        "members": members,
        "unnamed_members": unnamed,
        "upcoming_meetings": upcoming,
        "past_meetings": past,
        "consultations": team_consultations(
            team_page.team_id, request.user, language, request
        ),
    }


# The most team meetings a member's start page lists.
START_PAGE_MEETINGS = 5


def member_start(user, language, now=None):
    """For a member's start page: their teams' pages and next meetings, in their
    language where translated."""
    meetings = choose_versions(
        access.team_events(user, now).select_related("locale"), language
    )
    pages = choose_versions(access.team_pages(user).select_related("locale"), language)
    return {
        "team_meetings": sorted(meetings.values(), key=lambda page: page.starts_at)[
            :START_PAGE_MEETINGS
        ],
        "team_pages": sorted(pages.values(), key=lambda page: page.title.lower()),
    }
