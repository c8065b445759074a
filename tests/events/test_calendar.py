"""The calendar page, its iCalendar feeds, and the event and team pages."""

import datetime

import icalendar
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clubs.models import ClubMeeting, SpokenLanguage
from events import access
from events.models import TeamPage
from tests.events.conftest import (
    TeamPageFactory,
    add_event,
    member_of,
    team_meeting,
    warsaw,
)
from tests.factories import ClubIndexPageFactory, ClubPageFactory, EditorFactory
from tests.factories import translate as translate_page

pytestmark = pytest.mark.django_db


def ics(client, calendar, query=""):
    response = client.get(f"{calendar.url}ics/{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


def summaries(feed):
    return sorted(str(event["summary"]) for event in feed.walk("VEVENT"))


# --- Who sees what, through each view ------------------------------------------


def test_calendar_shows_team_meetings_only_to_the_team(client, calendar, teams):
    add_event(calendar, title="Warsztat otwarty")
    team_meeting(calendar, teams["kp"], title="Spotkanie KP")

    anonymous = client.get(calendar.url).content.decode()
    assert "Warsztat otwarty" in anonymous and "Spotkanie KP" not in anonymous

    client.force_login(member_of(teams["lublin"]))
    assert "Spotkanie KP" not in client.get(calendar.url).content.decode()

    client.force_login(member_of(teams["kp"]))
    response = client.get(calendar.url)
    assert "Spotkanie KP" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_calendar_asks_the_policy(client, calendar, teams, monkeypatch):
    team_meeting(calendar, teams["kp"], title="Spotkanie KP")
    client.force_login(EditorFactory())
    assert "Spotkanie KP" in client.get(calendar.url).content.decode()
    monkeypatch.setattr(
        access, "visible_events", lambda user, prefix="": access.Q(team=None)
    )
    assert "Spotkanie KP" not in client.get(calendar.url).content.decode()


def test_feed_asks_the_policy(client, calendar, teams, monkeypatch):
    team_meeting(calendar, teams["kp"], title="Spotkanie KP")
    client.force_login(member_of(teams["kp"]))
    response, feed = ics(client, calendar)
    assert summaries(feed) == ["Spotkanie KP"]
    assert "private" in response["Cache-Control"]
    monkeypatch.setattr(
        access, "visible_events", lambda user, prefix="": access.Q(team=None)
    )
    assert summaries(ics(client, calendar)[1]) == []


def test_anonymous_feed_has_no_team_meeting(client, calendar, teams):
    team_meeting(calendar, teams["kp"], title="Spotkanie KP")
    add_event(calendar, title="Warsztat")
    assert summaries(ics(client, calendar)[1]) == ["Warsztat"]


def test_event_page_asks_the_policy(client, calendar, teams, monkeypatch):
    meeting = team_meeting(calendar, teams["kp"], agenda="<p>Punkt pierwszy</p>")
    client.force_login(member_of(teams["kp"]))
    response = client.get(meeting.url)
    assert response.status_code == 200
    assert "Punkt pierwszy" in response.content.decode()
    assert "private" in response["Cache-Control"]

    def refuse(request, page):
        raise PermissionDenied

    monkeypatch.setattr(access, "require_view", refuse)
    assert client.get(meeting.url).status_code == 403


def test_team_meeting_page_refuses_others(client, calendar, teams):
    meeting = team_meeting(calendar, teams["kp"])
    assert client.get(meeting.url).status_code == 302  # asked to log in
    client.force_login(member_of(teams["lublin"]))
    assert client.get(meeting.url).status_code == 403
    client.force_login(EditorFactory())
    assert client.get(meeting.url).status_code == 200


def test_team_page_asks_the_policy(client, home_pages, teams, monkeypatch):
    page = TeamPageFactory(parent=home_pages["pl"], team=teams["kp"])
    page.save_revision().publish()
    client.force_login(member_of(teams["kp"]))
    assert client.get(page.url).status_code == 200
    monkeypatch.setattr(access, "can_view", lambda user, page: False)
    assert client.get(page.url).status_code == 403


def test_team_page_lists_members_by_display_name_meetings_and_consultations(
    client, home_pages, calendar, teams
):
    from consultations.models import MemberProfile

    named = member_of(teams["kp"], username="olena-login", email="olena@example.org")
    MemberProfile.objects.create(user=named, display_name="Olena K.")
    member_of(teams["kp"])
    member_of(teams["lublin"])  # not in this team
    page = TeamPageFactory(parent=home_pages["pl"], team=teams["kp"])
    page.save_revision().publish()
    team_meeting(
        calendar,
        teams["kp"],
        title="Przyszłe spotkanie",
        agenda="<p>Porządek obrad</p>",
    )
    now = timezone.now()
    team_meeting(
        calendar,
        teams["kp"],
        title="Minione spotkanie",
        starts_at=now - datetime.timedelta(days=10),
        ends_at=now - datetime.timedelta(days=10, hours=-2),
    )
    team_meeting(calendar, teams["lublin"], title="Spotkanie Lublina")

    client.force_login(named)
    html = client.get(page.url).content.decode()
    assert '<ul class="team-members"><li>Olena K.</li></ul>' in html
    assert "olena-login" not in html and "olena@example.org" not in html
    assert "Przyszłe spotkanie" in html and "Porządek obrad" in html
    assert "Minione spotkanie" in html
    assert "Spotkanie Lublina" not in html


def test_team_pages_and_meetings_stay_out_of_search_and_sitemap(
    client, home_pages, calendar, teams
):
    meeting = team_meeting(calendar, teams["kp"], title="Tajnespotkanie")
    page = TeamPageFactory(parent=home_pages["pl"], team=teams["kp"], title="Tajny")
    page.save_revision().publish()
    workshop = add_event(calendar, title="Jawnywarsztat")
    client.force_login(member_of(teams["kp"]))
    assert (
        meeting.url not in client.get("/pl/search/?q=Tajnespotkanie").content.decode()
    )
    assert page.url not in client.get("/pl/search/?q=Tajny").content.decode()
    assert workshop.url in client.get("/pl/search/?q=Jawnywarsztat").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert meeting.url not in sitemap and page.url not in sitemap
    assert workshop.url in sitemap


def test_team_page_one_per_team_and_language(home_pages, teams):
    TeamPageFactory(parent=home_pages["pl"], team=teams["kp"])
    second = TeamPage(
        title="Drugi", slug="drugi", team=teams["kp"], locale=home_pages["pl"].locale
    )
    with pytest.raises(Exception, match="już"):
        second.clean()


# --- Filters ------------------------------------------------------------------


@pytest.fixture
def languages(db):
    return {language.code: language for language in SpokenLanguage.objects.all()}


def test_filters_by_kind_city_and_language(client, calendar, languages):
    add_event(calendar, title="Warsztat w Lublinie", city="Lublin")
    seminar = add_event(
        calendar, title="Seminarium w Toruniu", kind="seminar", city="Toruń"
    )
    seminar.languages.set([languages["uk"]])
    seminar.save_revision().publish()

    def titles(query):
        response = client.get(calendar.url + query)
        assert response.status_code == 200
        html = response.content.decode()
        return {t for t in ("Warsztat w Lublinie", "Seminarium w Toruniu") if t in html}

    assert titles("?kind=seminar") == {"Seminarium w Toruniu"}
    assert titles("?city=Lublin") == {"Warsztat w Lublinie"}
    assert titles("?language=uk") == {"Seminarium w Toruniu"}
    assert titles("?kind=workshop&city=Toru%C5%84") == set()
    _response, feed = ics(client, calendar, "?kind=seminar")
    assert summaries(feed) == ["Seminarium w Toruniu"]


@pytest.mark.parametrize(
    "query", ["?kind=party", "?city=Atlantyda", "?language=xx", "?when=tomorrow"]
)
def test_invalid_filter_is_a_clear_400(client, calendar, query):
    add_event(calendar)
    response = client.get(calendar.url + query)
    assert response.status_code == 400
    assert 'class="field field--error"' in response.content.decode()
    if "when" not in query:
        assert client.get(f"{calendar.url}ics/{query}").status_code == 400


def test_past_and_upcoming(client, calendar):
    now = timezone.now()
    add_event(calendar, title="Jutrzejszy")
    add_event(
        calendar,
        title="Wczorajszy",
        starts_at=now - datetime.timedelta(days=1, hours=3),
        ends_at=now - datetime.timedelta(days=1),
    )
    upcoming = client.get(calendar.url).content.decode()
    past = client.get(calendar.url + "?when=past").content.decode()
    assert "Jutrzejszy" in upcoming and "Wczorajszy" not in upcoming
    assert "Wczorajszy" in past and "Jutrzejszy" not in past


def test_page_cache_keeps_only_declared_queries(client, calendar, settings):
    from wagtail.models import Site

    from portal.models import SiteSettings

    settings.PAGE_CACHE_SECONDS = 60
    # Made on a site's first request: an edit that starts a new generation.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    add_event(calendar)
    client.get(calendar.url + "?kind=workshop")
    assert client.get(calendar.url + "?kind=workshop")["X-Cache"] == "HIT"
    client.get(calendar.url + "?kind=workshop&flood=1")
    assert client.get(calendar.url + "?kind=workshop&flood=1").get("X-Cache") != "HIT"
    assert client.get(calendar.url + "?page=7").get("X-Cache") != "HIT"
    assert client.get(calendar.url + "?page=7").get("X-Cache") != "HIT"


# --- Times ---------------------------------------------------------------------


def test_times_are_warsaws_across_the_clock_change(client, calendar):
    # 26 October 2030: summer time (UTC+2); 27 October: winter time (UTC+1).
    add_event(
        calendar,
        title="Przed zmianą czasu",
        starts_at=warsaw(2030, 10, 26, 10, 0),
        ends_at=warsaw(2030, 10, 26, 12, 0),
    )
    add_event(
        calendar,
        title="Po zmianie czasu",
        starts_at=warsaw(2030, 10, 28, 10, 0),
        ends_at=warsaw(2030, 10, 28, 12, 0),
    )
    html = client.get(calendar.url).content.decode()
    assert '<time datetime="2030-10-26T10:00:00+02:00">' in html
    assert '<time datetime="2030-10-28T10:00:00+01:00">' in html

    _response, feed = ics(client, calendar)
    starts = {str(e["summary"]): e.decoded("dtstart") for e in feed.walk("VEVENT")}
    assert starts["Przed zmianą czasu"].utcoffset() == datetime.timedelta(hours=2)
    assert starts["Po zmianie czasu"].utcoffset() == datetime.timedelta(hours=1)
    assert {str(e["dtstart"].params["TZID"]) for e in feed.walk("VEVENT")} == {
        "Europe/Warsaw"
    }
    assert [str(tz["tzid"]) for tz in feed.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert starts["Po zmianie czasu"].astimezone(datetime.UTC).hour == 9


def test_feed_content(client, calendar):
    add_event(
        calendar,
        title="Seminarium",
        kind="seminar",
        city="Toruń",
        place="ul. Szeroka 1",
        starts_at=warsaw(2030, 3, 5, 17, 0),
        ends_at=warsaw(2030, 3, 5, 19, 30),
    )
    _response, feed = ics(client, calendar)
    (event,) = feed.walk("VEVENT")
    assert str(event["location"]) == "ul. Szeroka 1, Toruń"
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(
        hours=2, minutes=30
    )
    assert str(event["url"]).startswith("http://testserver/pl/kalendarz/")
    assert str(event["uid"]).startswith("event-")


# --- Club meetings ----------------------------------------------------------------


def test_club_meetings_appear_once_however_many_translations(
    client, home_pages, calendar, locales
):
    clubs = ClubIndexPageFactory(parent=home_pages["pl"])
    club = ClubPageFactory(parent=clubs, title="Klub Kobiet")
    club.meetings = [
        ClubMeeting(
            date=timezone.localdate() + datetime.timedelta(days=3),
            start_time=datetime.time(17, 30),
            end_time=datetime.time(19, 0),
        )
    ]
    club.save_revision().publish()
    translate_page(clubs, locales["uk"])
    translate_page(club, locales["uk"], title="Клуб жінок")

    html = client.get(calendar.url).content.decode()
    assert html.count("Klub Kobiet") == 1
    assert "Клуб жінок" not in html
    _response, feed = ics(client, calendar, "?kind=club_meeting")
    assert summaries(feed) == ["Klub Kobiet"]


# --- Cost ------------------------------------------------------------------------


def test_calendar_query_count_does_not_grow_with_events(
    client, calendar, teams, languages, uncached_pages
):
    def count():
        client.get(calendar.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(calendar.url).status_code == 200
        return len(queries)

    client.force_login(member_of(teams["kp"]))
    add_event(calendar)
    few = count()
    for number in range(6):
        event = add_event(calendar, city=f"Miasto {number}")
        event.languages.set([languages["uk"], languages["pl"]])
        event.save_revision().publish()
        team_meeting(calendar, teams["kp"])
    assert count() == few
    # The member's teams come with the member (portal/auth.py).
    assert few == 13


def test_start_page_shows_the_members_next_team_meetings_and_team_page(
    client, home_pages, calendar, teams
):
    own = team_meeting(calendar, teams["kp"], title="Nasze spotkanie")
    team_meeting(calendar, teams["lublin"], title="Cudze spotkanie")
    add_event(calendar, title="Warsztat dla wszystkich")
    page = TeamPageFactory(parent=home_pages["pl"], team=teams["kp"], title="Nasz")
    page.save_revision().publish()
    client.force_login(member_of(teams["kp"]))

    html = client.get("/pl/accounts/").content.decode()

    assert f'href="{own.url}"' in html and f'href="{page.url}"' in html
    assert "Cudze spotkanie" not in html and "Warsztat dla wszystkich" not in html
