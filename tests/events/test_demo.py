"""The demo calendar and team pages, as the people of both projects see them."""

import re

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.utils.timezone import localtime

from events.models import CalendarPage, EventKind, EventPage, TeamPage
from portal.demo import KUJAWSKO_POMORSKIE_TEAM, LUBLIN_GROUP
from portal.models import MainMenu

pytestmark = pytest.mark.django_db

LANGUAGES = ["pl", "uk", "en", "ru"]


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_the_demo_calendar_holds_both_projects_events_in_every_language(demo, client):
    source = EventPage.objects.filter(locale__language_code="pl")
    workshops = source.filter(kind=EventKind.WORKSHOP)
    assert workshops.count() == 10
    # Ten weekends of two 8-hour days, 9:00 to 17:00 in Warsaw: 160 hours.
    for page in workshops:
        starts, ends = localtime(page.starts_at), localtime(page.ends_at)
        assert (starts.hour, ends.hour) == (9, 17)
        assert (ends.date() - starts.date()).days == 1
    assert source.filter(kind=EventKind.SEMINAR).count() == 4
    visits = source.filter(kind=EventKind.STUDY_VISIT)
    assert sorted(visits.values_list("city", flat=True)) == [
        "Gdańsk",
        "Kraków",
        "Wrocław",
    ]
    for team in [KUJAWSKO_POMORSKIE_TEAM, LUBLIN_GROUP]:
        meetings = source.filter(kind=EventKind.TEAM_MEETING, team__name=team)
        past = [m for m in meetings if m.is_past()]
        upcoming = [m for m in meetings if not m.is_past()]
        assert past and upcoming
        assert all(m.minutes.exists() for m in past)
        assert all(m.agenda for m in upcoming)
    for language in LANGUAGES[1:]:
        translated = EventPage.objects.filter(locale__language_code=language)
        assert translated.count() == source.count()
        assert not set(translated.values_list("title", flat=True)) & set(
            source.values_list("title", flat=True)
        )

    for language in LANGUAGES:
        calendar = CalendarPage.objects.get(locale__language_code=language)
        menu = MainMenu.objects.get(locale__language_code=language)
        assert calendar.pk in {block.value["page"].pk for block in menu.items}
        response = client.get(calendar.url)
        assert response.status_code == 200
        assert "<time datetime=" in response.content.decode()
        feed = icalendar.Calendar.from_ical(client.get(f"{calendar.url}ics/").content)
        summaries = {str(event["summary"]) for event in feed.walk("VEVENT")}
        titles = set(
            EventPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .values_list("title", flat=True)
        )
        assert titles <= summaries  # every public event, and club meetings
        assert not summaries & set(
            EventPage.objects.filter(
                locale__language_code=language, kind=EventKind.TEAM_MEETING
            ).values_list("title", flat=True)
        )


def test_demo_team_pages_show_each_team_to_its_own_members(demo, client):
    kp = TeamPage.objects.get(
        locale__language_code="uk", team__name=KUJAWSKO_POMORSKIE_TEAM
    )
    lublin = TeamPage.objects.get(locale__language_code="uk", team__name=LUBLIN_GROUP)

    assert client.get(kp.url).status_code == 302  # anonymous: log in first
    login(client, "member10")  # only in the Lublin group
    assert client.get(kp.url).status_code == 403
    response = client.get(lublin.url)
    assert response.status_code == 200
    html = response.content.decode()
    members = html.split('id="members-heading"')[1].split("</section>")[0]
    assert "<li>" in members
    assert not re.search(r"member\d", members) and "@example.org" not in members
    # Past meetings link their minutes, in a collection only the team reads.
    minutes = (
        EventPage.objects.filter(
            locale__language_code="uk", team__name=LUBLIN_GROUP, minutes__isnull=False
        )
        .first()
        .minutes.first()
        .document
    )
    assert minutes.url in html
    client.logout()
    assert client.get(minutes.url).status_code in (302, 403)

    login(client, "member7")  # only in the Regional Immigrant Team
    html = client.get("/uk/accounts/").content.decode()
    assert kp.url in html and lublin.url not in html
