"""The home page's next events (events/calendar.py ``next_events``): chosen in one
query, they are the events ``choose_versions`` would choose from every version
the visitor may see, soonest first."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from events.calendar import _event_pages, _uid, next_events
from portal.languages import choose_versions
from tests.events.conftest import add_event, member_of, team_meeting
from tests.factories import EditorFactory, translate

pytestmark = pytest.mark.django_db


def chosen_from_every_version(calendar, user, now):
    """The next three as chosen in Python from every version read."""
    chosen = choose_versions(
        _event_pages(calendar, user, now), calendar.locale.language_code
    )
    soonest = sorted(chosen.values(), key=lambda page: (page.starts_at, _uid(page)))
    return [(_uid(page), page.title, page.fallback_language) for page in soonest[:3]]


def shown(calendar, user, now):
    request = RequestFactory().get("/")
    request.user = user
    return [
        (entry.uid, entry.title, entry.fallback_language)
        for entry in next_events(calendar, request, now=now)
    ]


def test_the_next_events_are_those_chosen_from_every_version(calendar, teams, locales):
    now = timezone.now().replace(microsecond=0)

    def event(starts_in, title, team=None):
        starts_at = now + starts_in
        fields = {
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(hours=2),
            "title": title,
        }
        if team:
            return team_meeting(calendar, team, **fields)
        return add_event(calendar, **fields)

    day = datetime.timedelta(days=1)
    event(-2 * day, "Minęło")
    event(day, "Pierwsze")
    second = event(2 * day, "Drugie")
    event(2 * day, "W tym samym czasie")
    event(3 * day, "Trzecie")
    meeting = event(day / 2, "Spotkanie zespołu", team=teams["kp"])
    ukrainian_calendar = translate(calendar, locales["uk"])
    for page in (second, meeting):
        translate(page, locales["uk"], title=f"{page.title} (uk)")
    people = {
        "the public": AnonymousUser(),
        "the team": member_of(teams["kp"]),
        "another team": member_of(teams["lublin"]),
        "an editor": EditorFactory(),
    }

    for who, user in people.items():
        for reading in (calendar, ukrainian_calendar):
            found = shown(reading, user, now)
            assert found == chosen_from_every_version(reading, user, now), who

    public = [title for _uid, title, _language in shown(calendar, AnonymousUser(), now)]
    assert public[0] == "Pierwsze"
    assert set(public[1:]) == {"Drugie", "W tym samym czasie"}  # by their uids
    team = shown(ukrainian_calendar, people["the team"], now)
    assert team[0][1:] == ("Spotkanie zespołu (uk)", None)
    assert team[1][1:] == ("Pierwsze", "pl")
