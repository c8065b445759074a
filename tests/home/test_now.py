"""The home page says what is going on: the consultations open now (then the
upcoming ones) and the next events, each as the policy lets the visitor see them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import timezone

from clubs.models import SpokenLanguage
from consultations.listing import current
from consultations.models.records import Visibility
from tests.consultations.conftest import make_consultation
from tests.events.conftest import CalendarPageFactory, add_event, team_meeting
from tests.factories import MemberFactory
from tests.portal.test_query_counts import count_queries


@pytest.fixture
def calendar(home_pages):
    page = CalendarPageFactory(parent=home_pages["pl"])
    page.save_revision().publish()
    return page


def titled(page, title):
    page.title = title
    page.save_revision().publish()
    return page


def in_days(days):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)


def test_open_consultations_come_first_closing_soonest_then_upcoming_ones(
    client, index_page
):
    titled(
        make_consultation(index_page, visibility=Visibility.PUBLIC, closes=9),
        "Otwarta długo",
    )
    titled(
        make_consultation(index_page, visibility=Visibility.PUBLIC, closes=2),
        "Otwarta krótko",
    )
    titled(
        make_consultation(index_page, visibility=Visibility.PUBLIC, opens=3, closes=9),
        "Nadchodząca",
    )
    public = Visibility.PUBLIC
    titled(
        make_consultation(index_page, visibility=public, opens=-9, closes=-1),
        "Zamknięta",
    )

    html = client.get("/pl/").content.decode()

    section = html[html.index('id="now-consultations-heading"') :]
    order = [section.index(title) for title in ("krótko", "długo", "Nadchodząca")]
    assert order == sorted(order)
    assert "Zamknięta" not in section
    assert "time-left" in section
    assert 'href="/pl/konsultacje/"' in section


def test_a_team_only_consultation_is_shown_to_its_team_and_never_stored(
    client, index_page
):
    team = Group.objects.create(name="Zespół")
    page = titled(make_consultation(index_page), "Tylko dla zespołu")
    page.record.participant_group = team
    page.record.save()
    member = MemberFactory()
    member.groups.add(team)

    anonymous = client.get("/pl/")
    assert "Tylko dla zespołu" not in anonymous.content.decode()
    assert "private" not in anonymous.get("Cache-Control", "")

    client.force_login(member)
    response = client.get("/pl/")
    assert "Tylko dla zespołu" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_the_next_three_events_soonest_first_and_no_team_meeting_for_the_public(
    client, calendar
):
    team = Group.objects.create(name="Zespół")
    for days, title in [(-2, "Minione"), (9, "Trzecie"), (2, "Pierwsze")]:
        add_event(calendar, title=title, starts_at=in_days(days))
    add_event(calendar, title="Drugie", starts_at=in_days(5))
    add_event(calendar, title="Czwarte", starts_at=in_days(20))
    team_meeting(calendar, team, title="Spotkanie zespołu", starts_at=in_days(1))

    html = client.get("/pl/").content.decode()

    section = html[html.index('id="now-events-heading"') :]
    order = [section.index(title) for title in ("Pierwsze", "Drugie", "Trzecie")]
    assert order == sorted(order)
    for hidden in ("Minione", "Czwarte", "Spotkanie zespołu"):
        assert hidden not in section
    assert 'href="/pl/kalendarz/"' in section


def test_each_next_event_says_the_languages_it_is_held_in(client, calendar):
    spoken = {language.code: language for language in SpokenLanguage.objects.all()}
    for days, title, codes in [
        (2, "Pierwsze", ["uk", "pl"]),
        (3, "Drugie", []),
        (4, "Trzecie", ["ar"]),
    ]:
        event = add_event(calendar, title=title, starts_at=in_days(days))
        event.languages.set([spoken[code] for code in codes])
        event.save_revision().publish()

    html = client.get("/pl/").content.decode()

    section = html[html.index('id="now-events-heading"') :]
    facts = [
        " ".join(
            item.split('class="event-list__facts">', 1)[1].split("</p>")[0].split()
        )
        for item in section.split('class="event-list__item"')[1:]
    ]
    # "język": "held in", in Polish; the languages by their Polish names
    assert facts[0].endswith("· język polski, ukraiński")
    assert "język" not in facts[1]
    assert facts[2].endswith("· język arabski")


def test_the_home_page_links_only_its_own_calendar(client, home_pages):
    ukrainian = CalendarPageFactory(parent=home_pages["uk"], slug="kalendar")
    ukrainian.save_revision().publish()

    polish = client.get("/pl/").content.decode()
    assert 'id="now-events-heading"' not in polish
    assert 'id="now-events-heading"' in client.get("/uk/").content.decode()

    unpublished = CalendarPageFactory(parent=home_pages["pl"])
    unpublished.unpublish()
    assert 'id="now-events-heading"' not in client.get("/pl/").content.decode()


def test_without_a_calendar_or_consultation_the_home_page_still_says_so(
    client, home_pages
):
    html = client.get("/pl/").content.decode()

    assert 'id="now-consultations-heading"' in html
    assert 'id="now-events-heading"' not in html


@pytest.mark.usefixtures("uncached_pages")
def test_more_consultations_and_events_cost_no_more_queries(
    client, index_page, calendar
):
    def add(count):
        for _ in range(count):
            make_consultation(index_page, visibility=Visibility.PUBLIC)
            add_event(calendar, starts_at=in_days(3))

    add(2)
    few = count_queries(client, "/pl/")
    add(6)

    assert count_queries(client, "/pl/") == few


def test_with_no_consultation_open_to_the_reader_no_consultation_page_is_read(
    django_assert_num_queries, index_page
):
    make_consultation(index_page)  # the team's only
    with django_assert_num_queries(1):
        assert current(AnonymousUser(), "pl") == []

    public = make_consultation(index_page, visibility=Visibility.PUBLIC)
    with django_assert_num_queries(2):
        (entry,) = current(AnonymousUser(), "pl")
    assert entry["page"].pk == public.pk


def test_an_open_consultation_whose_page_is_unpublished_is_not_listed(index_page):
    page = make_consultation(index_page, visibility=Visibility.PUBLIC)
    listed = make_consultation(index_page, visibility=Visibility.PUBLIC)
    page.unpublish()

    assert [entry["page"].pk for entry in current(AnonymousUser(), "pl")] == [listed.pk]
