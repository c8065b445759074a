"""Members are told: when a moderator hides or shows again one of their comments,
when a recommendation they took a stance on is reworded, and on the start page
they land on after login."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations import services
from consultations.models import MemberProfile, Notification, RecommendationResponse
from consultations.models.records import Visibility
from consultations.notifications import switch_off_token
from tests.consultations.conftest import make_consultation, route

pytestmark = pytest.mark.django_db

UKRAINIAN_FOOTER = "Щоб вимкнути листи цього типу, відкрийте:"


@pytest.fixture
def comment(record, recommendation, member):
    MemberProfile.objects.create(user=member, display_name="Kalyna", language="uk")
    return services.post_comment(
        author=member,
        consultation=record,
        recommendation=recommendation,
        text="Mój komentarz do oceny",
        language="pl",
    )


def moderate(client, editor, comment, **data):
    client.force_login(editor)
    return client.post(f"/admin/consultations/moderation/{comment.pk}/", data)


# --- Hidden and shown again -----------------------------------------------------------


def test_hiding_a_comment_tells_its_author_once_with_the_reason_in_their_language(
    client, ukrainian_page, comment, member, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = moderate(client, editor, comment, action="hide", reason="Spam")
    with django_capture_on_commit_callbacks(execute=True):
        # The form sent again: the reason changes, the author is not told twice.
        moderate(client, editor, comment, action="hide", reason="Reklama")

    assert first.status_code == 302
    assert [m.to for m in mail.outbox] == [[member.email]]
    body = mail.outbox[0].body
    assert "Spam" in body and "Mój komentarz do oceny" in body
    assert "Стратегія воєводства" in body  # the title of the Ukrainian page
    link = route(ukrainian_page, "recommendation", comment.recommendation_id)
    assert f"{link}#comment-{comment.pk}" in body
    assert UKRAINIAN_FOOTER in body and "/e-mails/off/" in body


def test_each_hiding_and_each_showing_again_is_told_once(
    client, comment, member, editor, django_capture_on_commit_callbacks
):
    for data in [
        {"action": "hide", "reason": "Spam"},
        {"action": "unhide"},
        {"action": "unhide"},  # sent again: nothing to tell
        {"action": "hide", "reason": "Znowu spam"},
    ]:
        with django_capture_on_commit_callbacks(execute=True):
            moderate(client, editor, comment, **data)

    kinds = list(
        Notification.objects.filter(member=member)
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds == ["hidden", "shown", "hidden"]
    assert len(mail.outbox) == 3
    assert "Znowu spam" in mail.outbox[2].body


def test_no_moderation_e_mail_for_a_member_who_switched_them_off(
    client, comment, member, editor, django_capture_on_commit_callbacks
):
    MemberProfile.objects.filter(user=member).update(notify_moderation=False)

    with django_capture_on_commit_callbacks(execute=True):
        moderate(client, editor, comment, action="hide", reason="Spam")
        moderate(client, editor, comment, action="unhide")

    assert mail.outbox == []


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("hidden", "notify_moderation"),
        ("shown", "notify_moderation"),
        ("reworded", "notify_rewording"),
    ],
)
def test_the_link_in_the_new_e_mails_switches_that_kind_off(
    client, member, kind, field
):
    token = switch_off_token(member, kind)

    asked = client.get(f"/uk/accounts/e-mails/off/{token}/")
    done = client.post(f"/uk/accounts/e-mails/off/{token}/")

    assert asked.status_code == 200 and done.status_code == 200
    profile = MemberProfile.objects.get(user=member)
    assert getattr(profile, field) is False
    assert profile.notify_replies is True


def test_the_e_mail_settings_page_offers_the_new_kinds(client, member):
    client.force_login(member)

    page = client.get("/pl/accounts/e-mails/")
    saved = client.post(
        "/pl/accounts/e-mails/", {"language": "uk", "notify_rewording": "on"}
    )

    assert {"notify_moderation", "notify_rewording"} <= set(page.context["form"].fields)
    assert saved.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert (profile.notify_moderation, profile.notify_rewording) == (False, True)


# --- A recommendation reworded --------------------------------------------------------


def reword(page, number, text, capture):
    page = page.get_latest_revision_as_object()
    items = list(page.recommendations.all())
    items[number - 1].text = text
    page.recommendations = items
    with capture(execute=True):
        page.save_revision().publish()


def test_rewording_tells_only_those_whose_stance_is_on_an_earlier_wording(
    consultation_page,
    ukrainian_page,
    record,
    member,
    other_member,
    outsider,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    first, second = record.recommendations.order_by("number")[:2]
    MemberProfile.objects.create(user=member, language="uk")
    services.record_stance(member, first, "support", "", "uk")
    services.record_stance(other_member, second, "oppose", "Nie", "pl")

    reword(
        consultation_page, 1, "Szpitale i przychodnie zapewniają tłumaczenie.", capture
    )

    assert [m.to for m in mail.outbox] == [[member.email]]
    message = mail.outbox[0]
    assert "Стратегія воєводства" in message.body
    assert route(ukrainian_page, "recommendation", first.pk) in message.body
    assert UKRAINIAN_FOOTER in message.body and "/e-mails/off/" in message.body

    # Another publication that changes nothing else, and the translation
    # published anew: no one is told again.
    page = consultation_page.get_latest_revision_as_object()
    with capture(execute=True):
        page.save_revision().publish()
        ukrainian_page.get_latest_revision_as_object().save_revision().publish()
    assert len(mail.outbox) == 1

    # The member keeps their stance for the new wording; the second
    # recommendation changes: only the one whose stance is on it is told.
    services.confirm_stance(member, first)
    reword(consultation_page, 2, "Kursy w każdej gminie.", capture)
    assert [m.to for m in mail.outbox[1:]] == [[other_member.email]]
    assert Notification.objects.filter(kind="reworded").count() == 2


def test_a_member_who_switched_rewording_off_is_not_told(
    consultation_page, recommendation, member, django_capture_on_commit_callbacks
):
    MemberProfile.objects.create(user=member, notify_rewording=False)
    services.record_stance(member, recommendation, "support", "", "pl")

    reword(consultation_page, 1, "Nowe brzmienie.", django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_each_new_wording_is_told_once(
    consultation_page, recommendation, member, django_capture_on_commit_callbacks
):
    services.record_stance(member, recommendation, "support", "", "pl")

    reword(
        consultation_page, 1, "Drugie brzmienie.", django_capture_on_commit_callbacks
    )
    reword(
        consultation_page, 1, "Trzecie brzmienie.", django_capture_on_commit_callbacks
    )

    # Not confirmed in between: still on the first wording, told of each new one.
    told = Notification.objects.filter(kind="reworded")
    assert sorted(told.values_list("subject_key", flat=True)) == [
        f"reworded:{recommendation.pk}:2",
        f"reworded:{recommendation.pk}:3",
    ]
    assert len(mail.outbox) == 2


# --- The start page -------------------------------------------------------------------


def start(client, user, language="pl"):
    client.force_login(user)
    return client.get(f"/{language}/accounts/").content.decode()


@pytest.fixture
def news(record, recommendation, member, other_member, editor):
    """A stance, a reply to the member's comment and a published response."""
    MemberProfile.objects.create(user=member, display_name="Kalyna")
    MemberProfile.objects.create(user=other_member, display_name="Olena")
    services.record_stance(member, recommendation, "support", "", "pl")
    services.record_stance(
        member, record.recommendations.get(number=2), "oppose", "Nie", "pl"
    )
    mine = services.post_comment(
        author=member, consultation=record, text="Moje pytanie", language="pl"
    )
    services.post_comment(
        author=other_member,
        consultation=record,
        parent=mine,
        text="Odpowiedź Oleny",
        language="pl",
    )
    services.save_response(
        RecommendationResponse(
            recommendation=recommendation,
            locale=record.source_locale,
            outcome="accepted",
        ),
        publish=True,
    )


def test_login_leads_to_the_start_page(client, member):
    response = client.post(
        "/uk/accounts/login/",
        {"username": member.username, "password": "a-long-test-password-42"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/"


def test_the_start_page_shows_progress_new_replies_and_new_responses(
    client, consultation_page, news, member
):
    html = start(client, member)

    assert "Zajęłaś/zająłeś stanowisko w sprawie 2 z 3 rekomendacji." in html
    assert f'href="{consultation_page.url}"' in html
    assert "Olena" in html and "Odpowiedź Oleny" in html
    assert "Przyjęta" in html  # the published outcome


def test_what_was_new_is_not_new_on_the_next_visit(client, news, member):
    first = start(client, member)
    second = start(client, member)

    assert "Odpowiedź Oleny" in first
    assert "Odpowiedź Oleny" not in second
    assert "#outcome" in first and "#outcome" not in second
    assert MemberProfile.objects.get(user=member).last_seen_at is not None


def test_the_start_page_links_to_the_readers_language_or_labels_the_original(
    client, ukrainian_page, consultation_page, index_page, member
):
    untranslated = make_consultation(index_page)

    html = start(client, member, "uk")

    assert f'href="{ukrainian_page.url}"' in html
    assert "Стратегія воєводства" in html
    assert f'href="{untranslated.url}" lang="pl"' in html


def test_an_outsider_sees_no_team_only_consultation_on_the_start_page(
    client, index_page, consultation_page, outsider
):
    public = make_consultation(index_page, visibility=Visibility.PUBLIC)

    response = client.get("/pl/accounts/")  # not logged in
    html = start(client, outsider)

    assert response.status_code == 302
    assert consultation_page.url not in html
    assert f'href="{public.url}"' in html
    assert "Zajęłaś/zająłeś stanowisko" not in html


def test_the_start_page_runs_as_many_queries_however_much_is_new(
    client, index_page, news, member, other_member, settings
):
    # Sessions from the database, as on SQLite, whatever cache the run has.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    client.force_login(member)

    def queries():
        for _warm in range(2):  # the menus and the site are cached after a visit
            MemberProfile.objects.filter(user=member).update(last_seen_at=None)
            client.get("/pl/accounts/")
        MemberProfile.objects.filter(user=member).update(last_seen_at=None)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/pl/accounts/").status_code == 200
        return len(captured)

    few = queries()
    for _more in range(3):
        page = make_consultation(index_page)
        record = page.record
        mine = services.post_comment(
            author=member, consultation=record, text="Pytanie", language="pl"
        )
        services.post_comment(
            author=other_member,
            consultation=record,
            parent=mine,
            text="Odpowiedź",
            language="pl",
        )
        services.save_response(
            RecommendationResponse(
                recommendation=record.recommendations.first(),
                locale=record.source_locale,
                outcome="rejected",
            ),
            publish=True,
        )
    many = queries()

    # The member's groups (which consultations and team meetings are theirs) come
    # with the member (portal/auth.py).
    assert few == many == 13
