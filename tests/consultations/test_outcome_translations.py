"""What became of a recommendation, in the reader's language: responses, tracker
entries and their updates are translated with wagtail-localize like any snippet,
and shown in the original, marked, until they are."""

import re
from datetime import date

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from consultations import notifications, services
from consultations.models import (
    Comment,
    ImplementationUpdate,
    MemberProfile,
    PolicyArea,
    RecommendationResponse,
    Stance,
    TrackerEntry,
    TrackerPage,
)
from portal.languages import available_in
from portal.localize import translate
from tests.consultations.conftest import route
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

POSITION = "Popieramy bez zmian."
REASONING = "Tłumacze są w każdym szpitalu."
ENTRY = ("Tłumacze w szpitalach", "Umowy z biurami tłumaczeń.")
NOTE = "Pierwsze umowy podpisane."
UKRAINIAN = {
    POSITION: "Підтримуємо без змін.",
    REASONING: "Перекладачі є в кожній лікарні.",
    ENTRY[0]: "Перекладачі в лікарнях",
    ENTRY[1]: "Договори з бюро перекладів.",
    NOTE: "Перші договори підписано.",
}


@pytest.fixture
def uk():
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def response(recommendation, record):
    return RecommendationResponse.objects.create(
        recommendation=recommendation,
        locale=record.source_locale,
        organisation_position=POSITION,
        outcome="accepted",
        authority_reasoning=REASONING,
        published_at=timezone.now(),
    )


@pytest.fixture
def entry(recommendation, record):
    entry = TrackerEntry(
        title=ENTRY[0],
        description=ENTRY[1],
        recommendation=recommendation,
        locale=record.source_locale,
        updates=[
            ImplementationUpdate(date=date(2026, 1, 5), status="in_progress", note=NOTE)
        ],
    )
    entry.save()
    return entry


def element_with(html, text):
    """The opening tag of the innermost element holding ``text``."""
    before = html[: html.index(text)]
    return before[before.rindex("<") :]


def test_a_ukrainian_member_reads_the_translated_outcome_in_ukrainian(
    client, ukrainian_page, recommendation, response, entry, member, uk
):
    translate(response, uk, UKRAINIAN)
    translate(entry, uk, UKRAINIAN)
    client.force_login(member)

    html = client.get(route(ukrainian_page, "recommendation", recommendation.pk))
    html = html.content.decode()

    for polish, ukrainian in UKRAINIAN.items():
        if polish != ENTRY[0]:  # the page names the recommendation by its wording
            assert ukrainian in html
        assert polish not in html.split('id="outcome"')[1].split('id="stance"')[0]
    assert 'lang="pl"' not in element_with(html, UKRAINIAN[POSITION])
    assert 'class="language-note"' not in html


def test_before_translation_the_outcome_is_polish_marked_and_explained(
    client, ukrainian_page, recommendation, response, entry, member
):
    client.force_login(member)

    html = client.get(route(ukrainian_page, "recommendation", recommendation.pk))
    html = html.content.decode()

    for polish in (POSITION, REASONING, ENTRY[1], NOTE):
        assert 'lang="pl"' in element_with(html, polish)
    with translation.override("uk"):
        note = str(available_in("pl"))
    assert html.count(f'class="language-note" lang="uk">({note})') == 4


def test_the_tracker_shows_translated_entries_and_the_originals_progress(
    client, home_pages, entry, uk
):
    tracker = home_pages["pl"].add_child(
        instance=TrackerPage(title="Co się zmieniło", slug="tracker")
    )
    tracker.save_revision().publish()
    translate(tracker, uk, {"Co się zmieniło": "Що змінилося", "tracker": "tr-uk"})
    translate(entry, uk, UKRAINIAN)
    # A newer update in the original, not yet synced into the translation.
    ImplementationUpdate.objects.create(
        entry=entry, date=date(2026, 2, 1), status="implemented", note="Gotowe."
    )

    html = client.get("/uk/tr-uk/").content.decode()

    assert UKRAINIAN[ENTRY[0]] in html
    assert 'lang="pl"' in element_with(html, "Gotowe.")
    assert "badge--implemented" in html


def test_resyncing_a_translation_after_the_original_changes_keeps_peoples_words(
    client, ukrainian_page, record, recommendation, response, entry, member, uk
):
    translate(response, uk, UKRAINIAN)
    translate(entry, uk, UKRAINIAN)
    services.record_stance(member, recommendation, "support", "Tak", "uk")
    services.post_comment(
        author=member,
        consultation=record,
        recommendation=recommendation,
        text="Дякуємо",
        language="uk",
    )
    translated = response.get_translation(uk)
    counts = (Stance.objects.count(), Comment.objects.count())

    response.organisation_position = "Popieramy, z jedną uwagą."
    response.save()
    translate(response, uk, {**UKRAINIAN, response.organisation_position: "Так."})
    # The original drops its only update; the translation's copy goes with it.
    entry.updates = []
    entry.save()
    translate(entry, uk, UKRAINIAN)

    assert (Stance.objects.count(), Comment.objects.count()) == counts
    assert RecommendationResponse.objects.count() == 2
    assert response.get_translation(uk).pk == translated.pk
    assert response.get_translation(uk).organisation_position == "Так."


def test_the_ukrainian_page_names_the_area_in_ukrainian_without_a_translator(
    client, ukrainian_page, recommendation, member, uk
):
    item = ukrainian_page.recommendations.get(translation_key=recommendation.key)
    area = PolicyArea.objects.get(pk=item.area_id)
    client.force_login(member)

    html = client.get(route(ukrainian_page, "recommendation", recommendation.pk))
    overview = client.get(ukrainian_page.url).content.decode()

    assert area.locale.language_code == "pl"  # the page still points at the original
    ukrainian_name = area.get_translation(uk).name
    assert f"<span>{ukrainian_name}</span>" in html.content.decode()
    assert f"<span>{ukrainian_name}</span>" in overview


def test_the_translation_editor_offers_no_segment_for_the_group_or_the_area(
    ukrainian_page, consultation_page
):
    source = TranslationSource.objects.get_for_instance(consultation_page)

    overridable = list(
        source.overridablesegment_set.values_list("context__path", flat=True)
    )
    related = list(
        source.relatedobjectsegment_set.values_list("context__path", flat=True)
    )

    assert related == []
    assert not [path for path in overridable if "group" in path or "area" in path]
    assert consultation_page.participant_group_id  # there is a group to offer


def test_opening_and_closing_emails_name_the_consultation_in_the_members_language(
    ukrainian_page, record, member, django_capture_on_commit_callbacks
):
    MemberProfile.objects.create(user=member, language="uk")

    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_due_reminders()

    subjects = [m.subject for m in mail.outbox if m.to == [member.email]]
    assert len(subjects) == 2  # it opened, and closes tomorrow
    for subject in subjects:
        assert "Стратегія воєводства" in subject
        assert record.title not in subject


def test_a_response_email_quotes_the_polish_response_labelled(
    ukrainian_page, record, recommendation, member, django_capture_on_commit_callbacks
):
    MemberProfile.objects.create(user=member, language="uk")
    services.post_comment(
        author=member,
        consultation=record,
        recommendation=recommendation,
        text="Дякуємо",
        language="uk",
    )
    response = RecommendationResponse.objects.create(
        recommendation=recommendation,
        locale=record.source_locale,
        organisation_position=POSITION,
        outcome="accepted",
    )

    with translation.override("uk"):
        note = str(available_in("pl"))

    with django_capture_on_commit_callbacks(execute=True):
        services.save_response(response, publish=True)

    (message,) = mail.outbox

    assert POSITION in message.body
    assert f"({note})" in message.body
    assert "Стратегія воєводства" in message.body


def test_publishing_in_the_outcomes_admin_reaches_the_translations(
    client, ukrainian_page, recommendation, response, editor, member, uk
):
    translate(response, uk, UKRAINIAN)
    client.force_login(editor)

    client.post(
        reverse("consultations_response", args=[recommendation.pk]),
        {"organisation_position": POSITION, "outcome": "rejected"},
    )
    client.force_login(member)
    page = client.get(route(ukrainian_page, "recommendation", recommendation.pk))

    translated = response.get_translation(uk)
    assert (translated.outcome, translated.published_at) == ("rejected", None)
    assert page.context["response"] is None


def test_responses_are_translated_as_snippets_but_not_added_there(client, editor):
    client.force_login(editor)

    add = client.get(
        reverse("wagtailsnippets_consultations_recommendationresponse:add")
    )

    assert add.status_code in (302, 403)


def test_the_responses_list_offers_to_translate_each_response(
    client, record, response, editor
):
    client.force_login(editor)

    page = client.get(reverse("consultations_responses", args=[record.pk]))

    assert (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["consultations", "recommendationresponse", response.pk],
        )
        in page.content.decode()
    )


def admin_in(language, client):
    user = UserFactory(is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


def test_snippet_choosers_speak_each_editors_language(client):
    url = reverse("wagtailsnippets_consultations_trackerentry:add")
    labels = {}
    for language in ("pl", "en"):
        admin_in(language, client)
        html = client.get(url).content.decode()
        labels[language] = set(re.findall(r"(?:Wybierz|Choose) [^\n<\"]+", html))

    assert "Wybierz obszar polityki" in labels["pl"]
    assert "Choose policy area" in labels["en"]
    assert not [label for label in labels["en"] if "Wybierz" in label]


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_ukrainian_tracker_costs_the_same_for_2_or_12_translated_entries(
    client, home_pages, uk, uncached_pages
):
    tracker = home_pages["pl"].add_child(
        instance=TrackerPage(title="Co się zmieniło", slug="tracker")
    )
    tracker.save_revision().publish()
    translate(tracker, uk, {"Co się zmieniło": "Що змінилося", "tracker": "tr-uk"})
    area = PolicyArea.objects.filter(locale__language_code="pl").first()

    def add(count):
        for n in range(count):
            entry = TrackerEntry(
                title=f"Wpis {n}",
                area=area,
                updates=[
                    ImplementationUpdate(
                        date=date(2026, 1, 1), status="in_progress", note=NOTE
                    )
                ],
            )
            entry.save()
            translate(entry, uk, {f"Wpis {n}": f"Запис {n}", NOTE: UKRAINIAN[NOTE]})

    add(2)
    few = queries_for(client, "/uk/tr-uk/")
    add(10)
    many = queries_for(client, "/uk/tr-uk/")

    assert few == many


def test_an_editor_translates_a_response_in_wagtail_localizes_editor(
    client, response, editor, uk
):
    client.force_login(editor)
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["consultations", "recommendationresponse", response.pk],
    )

    offered = client.get(submit)
    submitted = client.post(submit, {"locales": [uk.pk]})
    translated = response.get_translation(uk)
    editor_page = client.get(
        reverse(
            "wagtailsnippets_consultations_recommendationresponse:edit",
            args=[translated.pk],
        )
    )

    assert offered.status_code == 200
    assert submitted.status_code == 302
    assert editor_page.status_code == 200
    assert POSITION in editor_page.content.decode()  # a segment to translate
