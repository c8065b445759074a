import datetime
import itertools
from zoneinfo import ZoneInfo

import factory
import pytest
import wagtail_factories
from django.contrib.auth.models import Group

from events.models import CalendarPage, EventKind, EventPage, TeamPage
from tests.factories import MemberFactory

WARSAW = ZoneInfo("Europe/Warsaw")
MEETING_TITLES = (f"Spotkanie {n}" for n in itertools.count(1))


def warsaw(*args):
    return datetime.datetime(*args, tzinfo=WARSAW)


class CalendarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CalendarPage

    title = "Kalendarz"
    slug = "kalendarz"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Warsztat {n}")
    kind = EventKind.WORKSHOP
    starts_at = factory.LazyFunction(
        lambda: (
            datetime.datetime.now(WARSAW).replace(microsecond=0)
            + datetime.timedelta(days=7)
        )
    )
    ends_at = factory.LazyAttribute(
        lambda event: event.starts_at + datetime.timedelta(hours=3)
    )
    city = "Lublin"
    summary = "Zajęcia praktyczne."


class TeamPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TeamPage

    title = factory.Sequence(lambda n: f"Zespół {n}")


@pytest.fixture
def teams(db):
    return {
        "kp": Group.objects.create(name="Team KP"),
        "lublin": Group.objects.create(name="Team Lublin"),
    }


@pytest.fixture
def calendar(home_pages):
    page = CalendarPageFactory(parent=home_pages["pl"])
    page.save_revision().publish()
    return page


def add_event(calendar, **fields):
    page = EventPageFactory.build(**fields)
    calendar.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def team_meeting(calendar, team, **fields):
    return add_event(
        calendar,
        kind=EventKind.TEAM_MEETING,
        team=team,
        title=fields.pop("title", None) or next(MEETING_TITLES) + f" {team.name}",
        **fields,
    )


def member_of(*groups, **fields):
    user = MemberFactory(**fields)
    user.groups.add(*groups)
    return user
