import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError

from consultations import services
from consultations.models import CommentTranslation
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
