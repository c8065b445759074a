import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError

from consultations import services
from consultations.models import CommentTranslation, Stance, StanceTranslation
from consultations.models.records import Visibility
from portal.groups import CULTURAL_ASSISTANTS
from tests.consultations.conftest import make_consultation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assistant(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=CULTURAL_ASSISTANTS))
    return user


@pytest.fixture
def public_record(index_page):
    """Assistants translate for the report the comments of public consultations;
    a team-only one is read only by its team and the editors."""
    return make_consultation(index_page, visibility=Visibility.PUBLIC).record


@pytest.fixture
def ukrainian_comment(public_record, member):
    return services.post_comment(
        author=member,
        consultation=public_record,
        text="Потрібен перекладач",
        language="uk",
    )


def test_a_cultural_assistant_translates_and_checks_a_comment(
    client, assistant, ukrainian_comment
):
    client.force_login(assistant)

    queue = client.get("/admin/consultations/translations/")
    saved = client.post(
        f"/admin/consultations/translations/{ukrainian_comment.pk}/",
        {"text": "Potrzebny jest tłumacz", "checked": "on"},
    )

    assert ukrainian_comment in queue.context["comments"]
    assert saved.status_code == 302
    translation = CommentTranslation.objects.get(comment=ukrainian_comment)
    assert translation.is_checked and translation.checked_by == assistant
    assert (
        ukrainian_comment
        not in client.get("/admin/consultations/translations/").context["comments"]
    )


def test_without_a_machine_translator_the_work_is_done_by_hand(
    client, assistant, ukrainian_comment
):
    client.force_login(assistant)

    page = client.get(f"/admin/consultations/translations/{ukrainian_comment.pk}/")
    client.post(
        f"/admin/consultations/translations/{ukrainian_comment.pk}/",
        {"action": "machine"},
    )

    assert page.context["machine_available"] is False
    assert not CommentTranslation.objects.exists()


def test_a_machine_draft_is_never_checked_until_a_person_saves_it(
    client, settings, assistant, ukrainian_comment
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    client.force_login(assistant)

    client.post(
        f"/admin/consultations/translations/{ukrainian_comment.pk}/",
        {"action": "machine"},
    )
    draft = CommentTranslation.objects.get()

    assert draft.is_machine_draft and not draft.is_checked
    assert draft.text == "перекладач Потрібен"  # the dummy translator reverses words
    draft.checked_at = draft.updated_at
    with pytest.raises(IntegrityError):
        draft.save()


def test_members_cannot_translate(client, member, ukrainian_comment):
    client.force_login(member)

    response = client.get(f"/admin/consultations/translations/{ukrainian_comment.pk}/")

    assert response.status_code == 302


@pytest.fixture
def ukrainian_reason(public_record, member):
    recommendation = public_record.recommendations.get(number=1)
    services.record_stance(
        member,
        recommendation,
        "support_with_changes",
        "Потрібні перекладачі також уночі.",
        "uk",
    )
    return Stance.objects.get(member=member, recommendation=recommendation)


def test_a_stance_s_reason_joins_the_queue_and_its_checked_translation_the_report(
    client, assistant, editor, index_page, public_record, ukrainian_reason, member
):
    client.force_login(assistant)

    queue = client.get("/admin/consultations/translations/")
    saved = client.post(
        f"/admin/consultations/translations/stance/{ukrainian_reason.pk}/",
        {"text": "Potrzebni są tłumacze także w nocy.", "checked": "on"},
    )
    after = client.get("/admin/consultations/translations/")
    client.force_login(editor)
    report = client.get(
        f"/admin/consultations/outcomes/{public_record.pk}/report/"
    ).content.decode()

    assert ukrainian_reason in queue.context["reasons"]
    assert saved.status_code == 302
    translation = StanceTranslation.objects.get(stance=ukrainian_reason)
    assert translation.is_checked and translation.checked_by == assistant
    assert ukrainian_reason not in after.context["reasons"]
    assert "Потрібні перекладачі також уночі." in report
    assert "Potrzebni są tłumacze także w nocy." in report


def test_a_changed_reason_is_translated_again(
    client, assistant, editor, public_record, ukrainian_reason, member
):
    services.save_translation(
        ukrainian_reason, assistant, "Potrzebni są tłumacze także w nocy.", True
    )
    services.record_stance(
        member,
        ukrainian_reason.recommendation,
        "support_with_changes",
        "Перекладачі потрібні цілодобово.",
        "uk",
    )
    client.force_login(assistant)

    queue = client.get("/admin/consultations/translations/")
    client.force_login(editor)
    report = client.get(
        f"/admin/consultations/outcomes/{public_record.pk}/report/"
    ).content.decode()

    assert ukrainian_reason in queue.context["reasons"]
    assert "Potrzebni są tłumacze także w nocy." not in report


def test_polish_and_team_only_reasons_are_not_for_assistants(
    client, assistant, record, public_record, member
):
    services.record_stance(
        member, public_record.recommendations.get(number=2), "oppose", "Za drogo.", "pl"
    )
    team_only = record.recommendations.get(number=1)
    services.record_stance(member, team_only, "oppose", "Це лише для команди.", "uk")
    client.force_login(assistant)

    queue = client.get("/admin/consultations/translations/")
    team_only_stance = Stance.objects.get(recommendation=team_only)
    opened = client.get(
        f"/admin/consultations/translations/stance/{team_only_stance.pk}/"
    )

    assert list(queue.context["reasons"]) == []
    assert opened.status_code == 302 and opened["Location"] == "/admin/"
