"""Every state-changing view refuses a post without its CSRF token (403) and
stores nothing; the same post with the token is accepted, so each case could fail.

The list of views is checked against the URLconf and the routes of routable pages:
a new view fails ``test_every_view_is_classified`` until it is added below.
"""

import inspect
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from clubs.models import JoinRequest
from consultations import services
from consultations.models import (
    Comment,
    CommentReport,
    CommentTranslation,
    ConsultationPage,
    MemberProfile,
    PollAnswer,
    RecommendationResponse,
    Stance,
    StanceTranslation,
)
from consultations.notifications import switch_off_token
from contact.models import ContactMessage, ContactTopic
from counselling.models import CounsellingRequest
from tests.conftest import shared_by_the_module
from tests.consultations.conftest import (
    make_consultation,
    make_consultation_index,
    route,
)
from tests.contact.factories import ContactPageFactory
from tests.counselling.factories import CounsellingRequestFactory, CounsellorFactory
from tests.factories import (
    PASSWORD,
    ClubFormFieldFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    CounsellingPageFactory,
    EditorFactory,
    MemberFactory,
    publish,
)

pytestmark = pytest.mark.django_db

OUR_APPS = (
    "portal.",
    "home.",
    "clubs.",
    "counselling.",
    "contact.",
    "consultations.",
    "events.",
    "publications.",
    "initiatives.",
)


@dataclass
class Case:
    who: str  # "anonymous", "member", "editor" or "counsellor"
    url: str
    data: dict
    stored: Any  # () -> a value that a successful post changes
    before_post: Any = None  # (client) -> url to post to, after a GET


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """What the posts below change, made once: each test's posts are rolled back."""
    with shared_by_the_module(django_db_blocker):
        yield make_world()


def make_world():
    consultation_page = make_consultation(make_consultation_index())
    record = consultation_page.record
    recommendation = record.recommendations.get(number=1)
    member, other_member, editor = MemberFactory(), MemberFactory(), EditorFactory()
    MemberProfile.objects.create(user=member, display_name="Olena")
    own = services.post_comment(
        author=member, consultation=record, text="Mój komentarz", language="pl"
    )
    others = services.post_comment(
        author=other_member, consultation=record, text="Cudzy", language="uk"
    )
    services.record_stance(
        other_member, recommendation, "oppose", "Це надто дорого.", "uk"
    )
    question = record.poll_questions.get(allows_multiple=False)
    item = consultation_page.polls.get(translation_key=question.key)
    clubs = ClubIndexPageFactory(parent=consultation_page.get_parent().get_parent())
    club = ClubPageFactory(parent=clubs, slug="klub")
    ClubFormFieldFactory(page=club, label="Imię", field_type="singleline")
    counselling = publish(
        CounsellingPageFactory(parent=consultation_page.get_parent().get_parent())
    )
    counselling_request = CounsellingRequestFactory(page=counselling)
    contact = ContactPageFactory(parent=consultation_page.get_parent().get_parent())
    contact.topics = [ContactTopic(label="Prasa", notify_address="p@example.org")]
    return {
        "page": consultation_page,
        "recommendation": recommendation,
        "member": member,
        "other_member": other_member,
        "editor": editor,
        "own": own,
        "others": others,
        "question": question,
        "choice": item.choices[0].id,
        "club": publish(club),
        "counselling": counselling,
        "counsellor": CounsellorFactory(),
        "counselling_request": counselling_request,
        "contact": publish(contact),
    }


def profile(user, field):
    return lambda: getattr(MemberProfile.objects.get(user=user), field)


def password_of(user):
    return lambda: get_user_model().objects.get(pk=user.pk).password


def preview_import(page):
    url = reverse("consultations_import", args=[page.pk])

    def preview(client):
        # Without its token (the refused client) this post is refused too.
        client.post(url, {"text": "1. Tłumacze w szpitalach\n\nWszędzie."})
        return url

    return preview


def reset_confirm(user):
    user = get_user_model().objects.get(pk=user.pk)  # as stored, not as shared
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    url = reverse("password_reset_confirm", args=[uid, token])

    def follow(client):
        # Django swaps the token for a session marker and redirects first.
        return client.get(url)["Location"]

    return url, follow


def cases(w):
    page, member, other = w["page"], w["member"], w["other_member"]
    own, others, recommendation = w["own"], w["others"], w["recommendation"]
    stance_of_other = Stance.objects.filter(member=other)
    new_password = {"new_password1": "Zupełnie-nowe-hasło-77", "new_password2": ""}
    new_password["new_password2"] = new_password["new_password1"]
    reset_url, follow_reset = reset_confirm(member)
    return {
        # The consultation page's routes.
        "stance": Case(
            "member",
            route(page, "stance", recommendation.pk),
            {"choice": "oppose", "reason": ""},
            Stance.objects.count,
        ),
        "confirm_stance": Case(
            "other_member",
            route(page, "confirm_stance", recommendation.pk),
            {},
            lambda: stance_of_other.get().updated_at,
        ),
        "comment": Case(
            "member",
            route(page, "comment"),
            {"text": "Nowy komentarz", "language": "pl"},
            Comment.objects.count,
        ),
        "edit_comment": Case(
            "member",
            route(page, "edit_comment", own.pk),
            {"text": "Poprawiony"},
            lambda: Comment.objects.get(pk=own.pk).text,
        ),
        "withdraw_comment": Case(
            "member",
            route(page, "withdraw_comment", own.pk),
            {},
            lambda: Comment.objects.get(pk=own.pk).withdrawn_at,
        ),
        "report_comment": Case(
            "member",
            route(page, "report_comment", others.pk),
            {"reason": "spam", "details": ""},
            CommentReport.objects.count,
        ),
        "answer_poll": Case(
            "member",
            route(page, "answer_poll", w["question"].pk),
            {f"poll{w['question'].pk}-choices": w["choice"]},
            PollAnswer.objects.count,
        ),
        # Accounts.
        "display_name": Case(
            "member",
            reverse("display_name"),
            {"display_name": "Olena K."},
            profile(member, "display_name"),
        ),
        "notification_preferences": Case(
            "member",
            reverse("notification_preferences"),
            {"language": "uk"},
            profile(member, "language"),
        ),
        "notifications_off": Case(
            "anonymous",
            reverse("notifications_off", args=[switch_off_token(member, "reply")]),
            {},
            profile(member, "notify_replies"),
        ),
        "delete_account": Case(
            "member",
            reverse("delete_account"),
            {"password": PASSWORD},
            get_user_model().objects.count,
        ),
        "login": Case(
            "anonymous",
            reverse("login"),
            {"username": member.username, "password": PASSWORD},
            lambda: get_user_model().objects.get(pk=member.pk).last_login,
        ),
        "wagtailcore_login": Case(
            "anonymous",
            reverse("wagtailcore_login"),
            {"username": member.username, "password": PASSWORD},
            lambda: get_user_model().objects.get(pk=member.pk).last_login,
        ),
        "logout": Case(
            "member",
            reverse("logout"),
            {},
            lambda: None,  # checked by the session below
        ),
        "password_change": Case(
            "member",
            reverse("password_change"),
            {"old_password": PASSWORD, **new_password},
            password_of(member),
        ),
        "password_reset": Case(
            "anonymous",
            reverse("password_reset"),
            {"email": member.email},
            lambda: len(mail.outbox),
        ),
        "password_reset_confirm": Case(
            "anonymous", reset_url, new_password, password_of(member), follow_reset
        ),
        # Public forms of pages.
        "club_join_form": Case(
            "anonymous",
            w["club"].url,
            {"imie": "Olena", "privacy_consent": "on"},
            JoinRequest.objects.count,
        ),
        "counselling_form": Case(
            "anonymous",
            w["counselling"].url,
            {
                "topic": "residence",
                "preferred_language": "uk",
                "name": "Olena",
                "contact_method": "email",
                "email": "olena@example.org",
                "message": "Moja karta pobytu wygasa.",
                "privacy_consent": "on",
            },
            CounsellingRequest.objects.count,
        ),
        "contact_form": Case(
            "anonymous",
            w["contact"].url,
            {
                "email": "olena@example.org",
                "topic": str(w["contact"].topics.get().translation_key),
                "message": "Chciałabym napisać artykuł.",
                "privacy_consent": "on",
            },
            ContactMessage.objects.count,
        ),
        # The admin.
        "consultations_moderate_comment": Case(
            "editor",
            reverse("consultations_moderate_comment", args=[others.pk]),
            {"action": "hide", "reason": "Obraźliwy"},
            lambda: Comment.objects.get(pk=others.pk).hidden_at,
        ),
        "consultations_response": Case(
            "editor",
            reverse("consultations_response", args=[recommendation.pk]),
            {"organisation_position": "Popieramy", "outcome": "accepted"},
            RecommendationResponse.objects.count,
        ),
        "consultations_translate_comment": Case(
            "editor",
            reverse("consultations_translate_comment", args=[others.pk]),
            {"text": "Obcy komentarz", "checked": "on"},
            CommentTranslation.objects.count,
        ),
        "consultations_translate_stance": Case(
            "editor",
            reverse(
                "consultations_translate_stance",
                args=[Stance.objects.get(member=other).pk],
            ),
            {"text": "Za drogo", "checked": "on"},
            StanceTranslation.objects.count,
        ),
        # The draft import: a preview (kept in the session), then its confirmation.
        "consultations_import": Case(
            "editor",
            reverse("consultations_import", args=[w["page"].pk]),
            {"action": "confirm"},
            lambda: ConsultationPage.objects.get(pk=w["page"].pk).latest_revision_id,
            before_post=preview_import(w["page"]),
        ),
        # counselling_requests:edit, where counsellors set status and assignee.
        "edit": Case(
            "counsellor",
            reverse("counselling_requests:edit", args=[w["counselling_request"].pk]),
            {"status": "answered", "assignee": ""},
            lambda: (
                CounsellingRequest.objects.get(pk=w["counselling_request"].pk).status
            ),
        ),
    }


# Views that only read: a post is refused by the same middleware, but there is
# nothing to store. (name → why it is safe)
READ_ONLY = {
    "account": "the account page",
    "my_data": "shows a member's data",
    "my_data_json": "downloads a member's data",
    "password_change_done": "a message",
    "password_reset_done": "a message",
    "password_reset_complete": "a message",
    "search": "GET form",
    "page_by_id": "a redirect to a page (portal/links.py)",
    "sitemap": "XML",
    "robots_txt": "text",
    "consultations_moderation": "the queue (GET filters)",
    "consultations_outcomes": "a list",
    "consultations_responses": "a list",
    "consultations_report": "a download",
    "consultations_report_csv": "a download",
    "consultations_report_xlsx": "a download",
    "consultations_translations": "a list",
    "consultations_translations_behind": "a list",
    # Routes of routable pages.
    "index_route": "RoutablePageMixin's default route: the page itself",
    "index": "the list of consultations",
    "tracker": "the implementation tracker",
    "overview": "the consultation page",
    "recommendation": "a recommendation's page",
    "results": "the results",
    "report": "the report",
    "report_csv": "a download",
    "report_xlsx": "a download",
    "campaign_list": "the list of campaigns",
    "atom_feed": "a feed",
    "rss_feed": "a feed",
    "institution": "a partner institution's page",
    "calendar": "the calendar (GET filters)",
    "ical_feed": "an iCalendar feed",
}
STATE_CHANGING = [
    *[
        "stance",
        "confirm_stance",
        "comment",
        "edit_comment",
        "withdraw_comment",
        "report_comment",
        "answer_poll",
    ],
    *[
        "display_name",
        "notification_preferences",
        "notifications_off",
        "delete_account",
        "login",
        "wagtailcore_login",
        "logout",
        "password_change",
        "password_reset",
        "password_reset_confirm",
    ],
    *["club_join_form", "counselling_form", "contact_form"],
    *[
        "consultations_moderate_comment",
        "consultations_response",
        "consultations_translate_comment",
        "consultations_translate_stance",
        "consultations_import",
        "edit",
    ],
]
# Pages that take a post at their own address (their form), not through a route.
FORM_PAGES = {
    "clubs.ClubPage": "club_join_form",
    "counselling.CounsellingPage": ("counselling_form"),
    "contact.ContactPage": "contact_form",
}


def our_url_names(patterns=None):
    """Names of the URL patterns whose views are the project's or Django's account
    views (Wagtail's own admin is Wagtail's business)."""
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            names |= our_url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "")
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            if module.startswith(OUR_APPS) or module == "django.contrib.auth.views":
                names.add(pattern.name)
    return names


def routable_route_names():
    names = set()
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            names |= {p.name for p in model().get_subpage_urls() if p.name}
    return names


def posting_page_types():
    return {
        f"{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if model._meta.app_label in {a.rstrip(".") for a in OUR_APPS}
        and "serve" in model.__dict__
        and "POST" in inspect.getsource(model.serve)
    }


def test_every_view_is_classified():
    views = our_url_names() | routable_route_names()

    unclassified = views - set(READ_ONLY) - set(STATE_CHANGING)
    assert unclassified == set(), "add these views to the CSRF cases"
    assert set(FORM_PAGES) == posting_page_types()
    assert set(FORM_PAGES.values()) <= set(STATE_CHANGING)


def test_no_view_is_exempt_from_csrf():
    """Django REST framework's views (Wagtail's admin API, wagtail-localize's
    string editor) are exempt from the middleware because the framework checks
    the token itself for session-authenticated requests."""
    from rest_framework.views import APIView

    def callbacks(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from callbacks(pattern.url_patterns)
            else:
                yield pattern

    exempt = [
        pattern.name or str(pattern.pattern)
        for pattern in callbacks(get_resolver().url_patterns)
        if getattr(pattern.callback, "csrf_exempt", False)
        and not issubclass(getattr(pattern.callback, "cls", object), APIView)
    ]
    assert exempt == []


def client_for(who, world, **kwargs):
    client = Client(**kwargs)
    if who != "anonymous":
        # A fresh copy: logging in sets last_login on the object it is given.
        client.force_login(get_user_model().objects.get(pk=world[who].pk))
    return client


@pytest.mark.parametrize("name", STATE_CHANGING)
def test_a_post_without_its_csrf_token_is_refused_and_stores_nothing(world, name):
    case = cases(world)[name]
    before = case.stored()
    client = client_for(case.who, world, enforce_csrf_checks=True)
    url = case.before_post(client) if case.before_post else case.url

    refused = client.post(url, case.data)

    assert refused.status_code == 403
    assert "403_csrf.html" in [template.name for template in refused.templates]
    assert case.stored() == before
    if name == "logout":
        assert "_auth_user_id" in client.session

    # The same post with its token goes through: the data above is valid.
    client = client_for(case.who, world)
    url = case.before_post(client) if case.before_post else case.url
    accepted = client.post(url, case.data)
    assert accepted.status_code in (200, 302), accepted.status_code
    if name == "logout":
        assert "_auth_user_id" not in client.session
    else:
        assert case.stored() != before
