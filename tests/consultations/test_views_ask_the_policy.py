"""Every consultation view asks the policy at its door, and obeys it.

For each view: the person it is for is let in, and the policy was asked the
view's action; when the policy refuses that one action (and nothing else
changes), the view answers a refusal and stores nothing. What each role may do is
specified without HTTP in test_policy.py."""

import pytest
from django.contrib.auth import get_user_model

from consultations import access, services
from consultations.access import ConsultationAccess, Refusal
from consultations.models import (
    Comment,
    CommentReport,
    CommentTranslation,
    PollAnswer,
    RecommendationResponse,
    Stance,
    StanceTranslation,
)
from consultations.models.records import Visibility
from tests.conftest import shared_by_the_module
from tests.consultations.conftest import (
    make_consultation,
    make_consultation_index,
    route,
)
from tests.factories import EditorFactory, MemberFactory

pytestmark = pytest.mark.django_db


class Spy:
    """Records the actions asked; refuses the one named in ``refuse``."""

    def __init__(self, monkeypatch):
        self.asked, self.refuse = [], None
        original = ConsultationAccess.refusal

        def refusal(access, action, target=None):
            self.asked.append(action)
            if action == self.refuse:
                return Refusal("Refused by the test", status=403)
            return original(access, action, target)

        monkeypatch.setattr(ConsultationAccess, "refusal", refusal)


@pytest.fixture
def spy(monkeypatch):
    return Spy(monkeypatch)


@pytest.fixture(scope="module")
def setting(django_db_setup, django_db_blocker):
    """Made once: each test's requests are rolled back."""
    with shared_by_the_module(django_db_blocker):
        yield make_setting()


def make_setting():
    public_page = make_consultation(
        make_consultation_index(), visibility=Visibility.PUBLIC
    )
    public_page.record.results_published = True
    public_page.record.save()
    member, other_member, editor = MemberFactory(), MemberFactory(), EditorFactory()
    record = public_page.record
    recommendation = record.recommendations.get(number=1)
    own = services.post_comment(
        author=member, consultation=record, text="Mój komentarz", language="uk"
    )
    others = services.post_comment(
        author=other_member, consultation=record, text="Cudzy komentarz", language="uk"
    )
    services.record_stance(member, recommendation, "support", "", "pl")
    services.record_stance(
        other_member, recommendation, "oppose", "Це надто дорого.", "uk"
    )
    poll = record.poll_questions.get(sort_order=1)
    return {
        "page": public_page,
        "record": record,
        "recommendation": recommendation,
        "own": own,
        "others": others,
        "poll": poll,
        "reason": Stance.objects.get(member=other_member),
        "people": {"member": member, "editor": editor},
    }


def words():
    return (
        Stance.objects.count(),
        Comment.objects.count(),
        CommentReport.objects.count(),
        PollAnswer.objects.count(),
        RecommendationResponse.objects.count(),
        CommentTranslation.objects.count(),
        StanceTranslation.objects.count(),
    )


def page_route(name, *args):
    return lambda s: route(s["page"], name, *[arg(s) for arg in args])


RECOMMENDATION = lambda s: s["recommendation"].pk  # noqa: E731
OWN = lambda s: s["own"].pk  # noqa: E731
OTHERS = lambda s: s["others"].pk  # noqa: E731
RECORD = lambda s: s["record"].pk  # noqa: E731

# view: (who, method, url, data, the action it asks)
VIEWS = {
    "overview": ("member", "get", page_route("overview"), None, "view"),
    "recommendation": (
        "member",
        "get",
        page_route("recommendation", RECOMMENDATION),
        None,
        "view",
    ),
    "stance": (
        "member",
        "post",
        page_route("stance", RECOMMENDATION),
        {"choice": "oppose", "reason": ""},
        "stance",
    ),
    "confirm_stance": (
        "member",
        "post",
        page_route("confirm_stance", RECOMMENDATION),
        {},
        "stance",
    ),
    "comment": (
        "member",
        "post",
        page_route("comment"),
        {"text": "Nowy komentarz", "language": "pl", "display_name": "Ktoś nowy"},
        "comment",
    ),
    "reply": (
        "member",
        "post",
        page_route("comment"),
        lambda s: {
            "text": "Odpowiedź",
            "language": "pl",
            "display_name": "Ktoś nowy",
            "parent": s["others"].pk,
        },
        "reply",
    ),
    "edit_comment": (
        "member",
        "post",
        page_route("edit_comment", OWN),
        {"text": "Poprawiony komentarz"},
        "edit",
    ),
    "withdraw_comment": (
        "member",
        "post",
        page_route("withdraw_comment", OWN),
        {},
        "withdraw",
    ),
    "report_comment": (
        "member",
        "post",
        page_route("report_comment", OTHERS),
        {"reason": "spam", "details": ""},
        "report",
    ),
    "answer_poll": (
        "member",
        "post",
        lambda s: route(s["page"], "answer_poll", s["poll"].pk),
        lambda s: {f"poll{s['poll'].pk}-choices": str(s["poll"].choices.first().key)},
        "answer_poll",
    ),
    "results": ("member", "get", page_route("results"), None, "see_results"),
    "report": ("member", "get", page_route("report"), None, "download"),
    "report_csv": ("member", "get", page_route("report_csv"), None, "download"),
    "report_xlsx": ("member", "get", page_route("report_xlsx"), None, "download"),
    "admin_moderation": (
        "editor",
        "get",
        lambda s: "/admin/consultations/moderation/",
        None,
        "moderate",
    ),
    "admin_moderate_comment": (
        "editor",
        "post",
        lambda s: f"/admin/consultations/moderation/{s['others'].pk}/",
        {"action": "reply", "text": "Odpowiedź zespołu", "language": "pl"},
        "moderate",
    ),
    "admin_outcomes": (
        "editor",
        "get",
        lambda s: "/admin/consultations/outcomes/",
        None,
        "moderate",
    ),
    "admin_responses": (
        "editor",
        "get",
        lambda s: f"/admin/consultations/outcomes/{s['record'].pk}/",
        None,
        "moderate",
    ),
    "admin_response": (
        "editor",
        "post",
        lambda s: (
            f"/admin/consultations/outcomes/recommendation/{s['recommendation'].pk}/"
        ),
        {"outcome": "accepted", "organisation_position": "Popieramy."},
        "moderate",
    ),
    "admin_report": (
        "editor",
        "get",
        lambda s: f"/admin/consultations/outcomes/{s['record'].pk}/report/xlsx/",
        None,
        "download",
    ),
    "admin_translations_behind": (
        "editor",
        "get",
        lambda s: (
            f"/admin/consultations/outcomes/{s['record'].pk}/translations-behind/"
        ),
        None,
        "moderate",
    ),
    "admin_translations": (
        "editor",
        "get",
        lambda s: "/admin/consultations/translations/",
        None,
        "translate",
    ),
    "admin_translate_stance": (
        "editor",
        "post",
        lambda s: f"/admin/consultations/translations/stance/{s['reason'].pk}/",
        {"text": "Powód po polsku", "checked": "on"},
        "translate",
    ),
    "admin_translate_comment": (
        "editor",
        "post",
        lambda s: f"/admin/consultations/translations/{s['others'].pk}/",
        {"text": "Cudzy komentarz po polsku", "checked": "on"},
        "translate",
    ),
}


def send(client, setting, method, url, data):
    if callable(data):
        data = data(setting)
    if method == "get":
        return client.get(url(setting))
    return client.post(url(setting), data or {})


@pytest.mark.parametrize("view", list(VIEWS))
def test_the_view_asks_the_policy_and_obeys_it(client, setting, spy, view):
    who, method, url, data, action = VIEWS[view]
    # A fresh copy: logging in sets last_login on the object it is given.
    client.force_login(get_user_model().objects.get(pk=setting["people"][who].pk))

    allowed = send(client, setting, method, url, data)
    asked = list(spy.asked)
    spy.refuse, spy.asked = action, []
    before = words()
    refused = send(client, setting, method, url, data)

    assert allowed.status_code in (200, 302), allowed.status_code
    assert action in asked
    assert refused.status_code in (302, 403, 404), refused.status_code
    if refused.status_code == 302:
        # The admin's refusal: back to the dashboard with a message.
        assert refused["Location"] == "/admin/"
    assert words() == before


def test_every_route_of_a_consultation_page_is_checked():
    from consultations.routes import CONSULTATION

    checked = {name for name in VIEWS if not name.startswith("admin_")}
    assert {pattern.name for pattern in CONSULTATION} <= checked


def test_the_translation_queue_is_the_policy_s(setting, editor):
    queue = set(access.translation_queue(editor, Comment.objects.all()))

    assert queue == {setting["own"], setting["others"]}
