"""How the portal names its pages and writes dates, per language."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("pl", "3 października 2026"),
        ("uk", "3 жовтня 2026 р."),
        ("ru", "3 октября 2026 г."),
        ("en", "3 October 2026"),
    ],
)
def test_dates_have_no_leading_zero_and_put_the_day_first(language, expected):
    with translation.override(language):
        assert date_format(date(2026, 10, 3), "DATE_FORMAT") == expected


def test_english_short_dates_are_day_first_with_a_24_hour_clock():
    moment = datetime(2026, 10, 3, 16, 5, tzinfo=WARSAW)

    with translation.override("en"):
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == "03/10/2026 16:05"
        assert date_format(moment, "DATETIME_FORMAT") == "3 October 2026, 16:05"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, site_name", [("pl", "Głos Migrantów"), ("uk", "Голос мігрантів")]
)
def test_the_home_page_title_names_the_site_once(
    client, home_pages, language, site_name
):
    html = client.get(home_pages[language].url).content.decode()

    assert re.search(r"<title>(.*?)</title>", html).group(1) == site_name


@pytest.mark.django_db
def test_other_pages_say_their_title_then_the_site(client, home_pages):
    html = client.get("/pl/search/?q=x").content.decode()

    assert re.search(r"<title>(.*?)</title>", html).group(1) == (
        "Wyszukiwanie: x | Głos Migrantów"
    )


def render_time_span(starts_at, ends_at=None):
    from django.template import Context, Template

    template = Template("{% load portal_tags %}{% time_span starts_at ends_at %}")
    return template.render(Context({"starts_at": starts_at, "ends_at": ends_at}))


def test_an_event_s_times_are_in_warsaw_with_the_end_s_date_only_on_another_day():
    utc = ZoneInfo("UTC")
    starts_at = datetime(2026, 12, 9, 6, 0, tzinfo=utc)  # 07:00 in Warsaw

    with translation.override("pl"):
        same_day = render_time_span(starts_at, datetime(2026, 12, 9, 8, 30, tzinfo=utc))
        # 23:30 UTC is already the next day in Warsaw.
        next_day = render_time_span(
            starts_at, datetime(2026, 12, 9, 23, 30, tzinfo=utc)
        )
        no_end = render_time_span(starts_at)

    start = (
        '<time datetime="2026-12-09T07:00:00+01:00">Środa, 9 grudnia 2026, 07:00</time>'
    )
    assert same_day == (
        f'{start}–<time datetime="2026-12-09T09:30:00+01:00">09:30</time>'
    )
    assert next_day == (
        f'{start}–<time datetime="2026-12-10T00:30:00+01:00">'
        "Czwartek, 10 grudnia 2026, 00:30</time>"
    )
    assert no_end == start
