"""Who may see which event and team page: the one place that decides.

An event is team-only when it is a team meeting: it names one of the teams (a
group) and only that team's active members and the editors may see it. A team
page is always team-only. Everything that shows events or team pages asks here:
the calendar and its iCalendar feeds (``visible_events``), the event and team
pages themselves (``require_view``), the member's start page (``team_events``).

Search, menus and the sitemap list only Wagtail's public pages: a team-only page
is restricted in Wagtail, in every language, to the team and the editors' groups
each time it is published (``sync_view_restrictions``), so they leave it out
without asking. The page cache stores only anonymous answers that cannot differ
between visitors; a team-only page or a listing that holds a team-only event is
marked private besides (``mark_private``), so no shared cache keeps it either.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from consultations.access import MODERATE, is_editor

TEAM_ONLY = _("Only the team's members and the editors can see this.")


def _team_ids(user):
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, "_event_team_ids"):
        user._event_team_ids = frozenset(group.pk for group in user.groups.all())
    return user._event_team_ids


def team_of(page):
    """The id of the group a page is for, or None for a page anyone may see."""
    return getattr(page, "team_id", None)


def can_view(user, page):
    team = team_of(page)
    if team is None or is_editor(user):
        return True
    return team in _team_ids(user)


def require_view(request, page):
    """At the door of an event or team page: go on, or 403 with the reason."""
    if not can_view(request.user, page):
        raise PermissionDenied(TEAM_ONLY)


# What an editor sees of the events (``viewer``): not None, which no caller
# may pass for "everything" by mistake.
EVERYTHING = object()


def viewer(user):
    """All that decides which events a person sees (``events_seen_by``): EVERYTHING
    for an editor, else the ids of their teams, sorted (none for the public)."""
    if is_editor(user):
        return EVERYTHING
    return tuple(sorted(_team_ids(user)))


def events_seen_by(seen, prefix=""):
    """A ``Q`` on event pages (through ``prefix``) for what ``viewer`` gave."""
    if seen is EVERYTHING:
        return Q()
    everyone = Q(**{f"{prefix}team__isnull": True})
    if not seen:
        return everyone
    return everyone | Q(**{f"{prefix}team__in": seen})


def visible_events(user, prefix=""):
    """A ``Q`` on event pages (through ``prefix``) this person may see: the
    database form of ``can_view``."""
    return events_seen_by(viewer(user), prefix)


def team_pages(user):
    """The pages of the teams this person is a member of."""
    from events.models import TeamPage

    return TeamPage.objects.live().filter(team__in=_team_ids(user))


def team_events(user, now=None):
    """The upcoming meetings of the teams this person is a member of (for their
    start page): never another team's, and not every team's for an editor."""
    from events.models import EventPage

    teams = _team_ids(user)
    if not teams:
        return EventPage.objects.none()
    return (
        EventPage.objects.live()
        .filter(team__in=teams, ends_at__gte=now or timezone.now())
        .order_by("starts_at", "pk")
    )


def groups_that_may_view(page):
    """The groups a team-only page is restricted to in Wagtail: its team and the
    groups whose members are editors; None when anyone may see it."""
    team = team_of(page)
    if team is None:
        return None
    app_label, codename = MODERATE.split(".")
    return Group.objects.filter(
        Q(pk=team)
        | Q(
            permissions__content_type__app_label=app_label,
            permissions__codename=codename,
        )
    ).distinct()


def sync_view_restrictions(page):
    """Restrict every language's version of ``page`` to who may see it (or lift
    the restriction when it is no longer team-only)."""
    groups = groups_that_may_view(page)
    for version in Page.objects.filter(translation_key=page.translation_key):
        restrictions = PageViewRestriction.objects.filter(
            page=version, restriction_type=PageViewRestriction.GROUPS
        )
        if groups is None:
            restrictions.delete()
            continue
        restriction = restrictions.first() or PageViewRestriction.objects.create(
            page=version, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(groups)


def restrict_on_publish(sender, instance, **kwargs):
    from events.models import EventPage, TeamPage

    if isinstance(instance, (EventPage, TeamPage)):
        sync_view_restrictions(instance)


def mark_private(response):
    """Never stored by the page cache nor by any shared cache."""
    add_never_cache_headers(response)  # no-cache, no-store, private
    return response
