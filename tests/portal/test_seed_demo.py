from itertools import pairwise

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation

from clubs.models import (
    ClubFormField,
    ClubIndexPage,
    ClubMeeting,
    ClubPage,
    CulturalAssistant,
)
from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    Institution,
    InstitutionIndexPage,
    PollAnswer,
    Stance,
    TrackerPage,
)
from contact.models import ContactPage
from counselling.models import CounsellingPage
from events.models import CalendarPage, EventPage, TeamPage
from home.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignTopic,
    HomePage,
    StandardPage,
)
from initiatives.models import CooperativePage, InitiativeIndexPage, InitiativePage
from portal.groups import EDITORS, MIGRANT_TEAM
from portal.models import FooterContent, MainMenu, SiteSettings
from publications.models import PublicationIndexPage, PublicationPage


def log_in(**credentials):
    # The login lockout (django-axes) needs the request to know the address.
    request = RequestFactory().post("/pl/accounts/login/")
    return authenticate(request, **credentials)


def counts():
    return {
        "users": get_user_model().objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "topics": CampaignTopic.objects.count(),
        "assistants": CulturalAssistant.objects.count(),
        "institutions": Institution.objects.count(),
        "institution links": CulturalAssistant.institutions.through.objects.count(),
        "form fields": ClubFormField.objects.count(),
        "meetings": ClubMeeting.objects.count(),
        "menus": MainMenu.objects.count(),
        "footers": FooterContent.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", password="demo-password-1", verbosity=0)

    assert not get_user_model().objects.filter(username="editor").exists()


def test_seed_demo_fills_the_site_and_creates_the_accounts(demo, demo_password):
    editor = log_in(username="editor", password=demo_password)
    assert editor.groups.filter(name=EDITORS).exists()
    members = get_user_model().objects.filter(groups__name=MIGRANT_TEAM)
    assert sorted(m.username for m in members) == sorted(
        f"member{n}" for n in range(1, 13)
    )
    assert log_in(username="member12", password=demo_password)
    for home in HomePage.objects.all():
        assert home.intro, home.locale
        assert home.live and not home.has_unpublished_changes


def test_seeding_again_changes_nothing_and_keeps_what_editors_wrote(
    demo, demo_password, home_pages
):
    home = home_pages["pl"]
    home.intro = "<p>Tekst redakcji</p>"
    home.save_revision().publish()
    before = counts()

    call_command("seed_demo", password="second-password-2", verbosity=0)

    assert counts() == before
    assert log_in(username="member1", password=demo_password)
    home.refresh_from_db()
    assert home.intro == "<p>Tekst redakcji</p>"


def test_seed_demo_runs_without_debug_when_forced(demo, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_PASSWORD", "from-the-environment-3")
    # An account seeding makes anew takes the password from the environment.
    get_user_model().objects.filter(username="member3").delete()

    call_command("seed_demo", force=True, verbosity=0)

    assert log_in(username="member3", password="from-the-environment-3")


LANGUAGES = ["pl", "uk", "en", "ru"]
PAGE_TYPES = [
    HomePage,
    StandardPage,
    CampaignIndexPage,
    CampaignPage,
    ClubPage,
    CounsellingPage,
    ContactPage,
    ConsultationIndexPage,
    ConsultationPage,
    TrackerPage,
    InitiativeIndexPage,
    InitiativePage,
    CooperativePage,
    InstitutionIndexPage,
    CalendarPage,
    EventPage,
    TeamPage,
    PublicationIndexPage,
    PublicationPage,
]


def test_every_page_type_has_demo_content_in_every_language_and_renders_in_polish(
    demo, settings, client
):
    """The other languages' pages are rendered by the crawl in
    test_language_integrity.py, which checks that it reaches every type."""
    settings.DEBUG = False
    # An editor may read everything, team-only consultations included.
    client.force_login(get_user_model().objects.get(username="editor"))

    pages = Page.objects.live().filter(depth__gt=1)
    for language in LANGUAGES:
        of_language = pages.filter(locale__language_code=language).specific()
        assert {type(page) for page in of_language} >= {
            *PAGE_TYPES,
            ClubIndexPage,
        }, language

    rendered = set()
    for page in pages.filter(locale__language_code="pl").specific():
        # One of a type says what the others would (the crawl in
        # test_language_integrity.py reads more of them).
        if type(page) in rendered:
            continue
        rendered.add(type(page))
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert '<html lang="pl"' in html
        assert f"<h1>{page.title}</h1>" in html, page.url


# The field of each page type that holds its text, besides the title.
BODY_FIELDS = {
    HomePage: "intro",
    StandardPage: "body",
    CampaignIndexPage: "intro",
    CampaignPage: "body",
    ClubIndexPage: "intro",
    ClubPage: "body",
    CounsellingPage: "body",
    ContactPage: "intro",
    ConsultationIndexPage: "intro",
    ConsultationPage: "intro",
    TrackerPage: "intro",
    InitiativeIndexPage: "intro",
    InitiativePage: "body",
    CooperativePage: "offer",
    InstitutionIndexPage: "intro",
    CalendarPage: "intro",
    EventPage: "summary",
    TeamPage: "intro",
    PublicationIndexPage: "intro",
    PublicationPage: "summary",
}

# How each language names the weekdays (a stem, as the schedules inflect them).
WEEKDAYS = {
    "pl": ["poniedział", "wtor", "środ", "czwart", "piąt", "sobot", "niedziel"],
    "uk": ["понеділ", "вівтор", "серед", "четвер", "п’ятниц", "субот", "неділ"],
    "en": [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    "ru": ["понедельн", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен"],
}


def assert_translated(translation, source):
    assert translation.live, translation.url
    assert translation.title != source.title, translation.url
    field = BODY_FIELDS[type(source)]
    assert str(getattr(translation, field)) != str(getattr(source, field)), (
        translation.url
    )


def assert_recommendations_and_polls_translated(consultation, source):
    recommendations = {r.translation_key: r for r in source.recommendations.all()}
    assert consultation.recommendations.count() == len(recommendations)
    for recommendation in consultation.recommendations.all():
        original = recommendations[recommendation.translation_key]
        assert recommendation.title != original.title
        assert recommendation.text != original.text
    polls = {poll.translation_key: poll for poll in source.polls.all()}
    assert consultation.polls.count() == len(polls)
    for poll in consultation.polls.all():
        original = polls[poll.translation_key]
        assert poll.question != original.question
        choices = [block.value for block in poll.choices]
        original_choices = [block.value for block in original.choices]
        assert len(choices) == len(original_choices)
        assert not set(choices) & set(original_choices), poll.question


def assert_links_stay_in(language, snippet_model, field):
    snippet = snippet_model.objects.get(locale__language_code=language)
    pages = [block.value["page"] for block in getattr(snippet, field)]
    assert pages
    for page in pages:
        assert page.locale.language_code == language, page.url
        assert page.live, page.url


def assert_schedule_names_the_meeting_days(club):
    language = club.locale.language_code
    meetings = list(club.meetings.order_by("date"))
    named = {
        number
        for number, stem in enumerate(WEEKDAYS[language])
        if stem.lower() in club.schedule.lower()
    }
    for meeting in meetings:
        assert named == {meeting.date.weekday()}, (club.schedule, meeting.date)
    gaps = {(later.date - earlier.date).days for earlier, later in pairwise(meetings)}
    source_schedule = club.get_translation(Locale.get_default()).specific.schedule
    if source_schedule.startswith("Co drugi"):
        assert gaps == {14}, club.schedule
    elif source_schedule.startswith("W każd"):
        assert gaps == {7}, club.schedule


def assert_dated_while_open(rows, consultation_of):
    assert rows
    for row in rows:
        consultation = consultation_of(row)
        for moment in [row.created_at, getattr(row, "updated_at", row.created_at)]:
            assert consultation.opens_at <= moment <= consultation.closes_at, (
                type(row).__name__,
                row.pk,
                moment,
                consultation.title,
            )


def test_the_demo_is_translated_into_every_language_and_agrees_with_itself(demo):
    campaigns = CampaignPage.objects.filter(locale__language_code="pl")
    clubs = ClubPage.objects.filter(locale__language_code="pl")
    assert campaigns.count() == 3
    assert {club.city for club in clubs} == {"Bydgoszcz", "Grupa", "Toruń"}
    assert clubs.filter(lists_cultural_assistants=True).count() == 1
    # Every published page; the chapter imported as a draft is translated once
    # an editor publishes it.
    for page in Page.objects.live().filter(locale__language_code="pl", depth__gt=2):
        translation = page.get_translation(Locale.objects.get(language_code="uk"))
        assert translation.live and translation.title != page.title, page.title
    home = HomePage.objects.get(locale__language_code="uk")
    featured = [block.value["page"] for block in home.featured]
    assert CampaignIndexPage.objects.get(locale__language_code="uk") in [
        page.specific for page in featured
    ]

    for language in ["uk", "en", "ru"]:
        locale = Locale.objects.get(language_code=language)
        for page_type in BODY_FIELDS:
            translations = page_type.objects.filter(locale=locale).live()
            assert translations.exists(), (page_type.__name__, language)
            for translation in translations:
                source = translation.get_translation(Locale.get_default()).specific
                assert_translated(translation, source)
                if page_type is not HomePage:
                    # A wagtail-localize translation, which an editor can go on with.
                    assert Translation.objects.filter(
                        source__object_id=source.translation_key, target_locale=locale
                    ).exists(), translation.url
                if page_type is ConsultationPage:
                    assert_recommendations_and_polls_translated(translation, source)
        assert ConsultationPage.objects.filter(locale=locale).count() == 2
        if language != "uk":
            assert_links_stay_in(language, MainMenu, "items")
            assert_links_stay_in(language, FooterContent, "links")

    clubs_with_meetings = ClubPage.objects.filter(meetings__isnull=False).distinct()
    assert {club.locale.language_code for club in clubs_with_meetings} == set(LANGUAGES)
    for club in clubs_with_meetings:
        assert_schedule_names_the_meeting_days(club)

    assert_dated_while_open(
        list(Stance.objects.all()), lambda stance: stance.recommendation.consultation
    )
    assert_dated_while_open(list(Comment.objects.all()), lambda c: c.consultation)
    assert_dated_while_open(
        list(PollAnswer.objects.all()), lambda answer: answer.question.consultation
    )
