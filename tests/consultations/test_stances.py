import pytest

from consultations.models import Stance
from consultations.models.participation import StanceChoice
from tests.consultations.conftest import route

pytestmark = pytest.mark.django_db


def post_stance(client, page, recommendation, **data):
    return client.post(route(page, "stance", recommendation.pk), data)


def test_member_takes_a_stance_and_returns_to_it(
    client, consultation_page, recommendation, member
):
    client.force_login(member)

    response = post_stance(
        client, consultation_page, recommendation, choice="support", reason=""
    )

    assert response.status_code == 302
    assert response["Location"] == (
        route(consultation_page, "recommendation", recommendation.pk) + "#stance"
    )
    stance = Stance.objects.get()
    assert (stance.member, stance.recommendation, stance.choice) == (
        member,
        recommendation,
        StanceChoice.SUPPORT,
    )
    assert stance.language == "pl"
    assert stance.draft_version == 1


def test_changing_a_stance_updates_the_one_row(
    client, consultation_page, recommendation, member
):
    client.force_login(member)
    post_stance(client, consultation_page, recommendation, choice="support")

    post_stance(
        client, consultation_page, recommendation, choice="oppose", reason="Za drogie"
    )

    stance = Stance.objects.get()
    assert (stance.choice, stance.reason) == (StanceChoice.OPPOSE, "Za drogie")


def test_support_with_changes_must_say_what_to_change(
    client, consultation_page, recommendation, member
):
    client.force_login(member)

    response = post_stance(
        client,
        consultation_page,
        recommendation,
        choice="support_with_changes",
        reason="  ",
    )

    assert response.status_code == 400
    assert "Napisz, co należy zmienić" in response.content.decode()
    assert not Stance.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{}, {"choice": "maybe"}, {"choice": "support", "reason": "x" * 2001}],
    ids=["empty", "choice-not-in-list", "reason-too-long"],
)
def test_bad_stances_are_refused_with_field_errors(
    client, consultation_page, recommendation, member, data
):
    client.force_login(member)

    response = post_stance(client, consultation_page, recommendation, **data)

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html
    assert not Stance.objects.exists()


def test_a_stance_on_the_ukrainian_page_counts_on_the_polish_page(
    client, consultation_page, ukrainian_page, member, other_member
):
    recommendation = ukrainian_page.record.recommendations.get(number=1)
    client.force_login(member)
    with_uk = client.post(
        route(ukrainian_page, "stance", recommendation.pk), {"choice": "support"}
    )
    client.force_login(other_member)
    post_stance(
        client, consultation_page, recommendation, choice="oppose", reason="Nie"
    )

    polish = client.get(route(consultation_page, "recommendation", recommendation.pk))

    assert with_uk.status_code == 302
    assert with_uk["Location"] == (
        route(ukrainian_page, "recommendation", recommendation.pk) + "#stance"
    )
    assert Stance.objects.filter(recommendation=recommendation).count() == 2
    assert Stance.objects.get(member=member).language == "uk"
    assert polish.context["progress"]["responded"] == 2


def test_progress_counts_the_team_and_editors_see_who_is_missing(
    client, consultation_page, recommendation, member, other_member, editor
):
    client.force_login(member)
    post_stance(client, consultation_page, recommendation, choice="support")

    member_view = client.get(consultation_page.url)
    client.force_login(editor)
    editor_view = client.get(consultation_page.url)

    assert member_view.context["progress"]["responded"] == 1
    assert member_view.context["progress"]["total"] == 2
    assert "missing" not in member_view.context["progress"]
    assert list(editor_view.context["progress"]["missing"]) == [other_member]
    assert other_member.username in editor_view.content.decode()
    assert other_member.username not in member_view.content.decode()
