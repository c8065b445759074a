"""After a post, the outcome is said where the reader is: at the stance, poll or
comment the post was about, and focused; errors take focus too."""

import re

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.models import MemberProfile
from tests.consultations.conftest import route


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_saved_stance_is_announced_and_focused_at_the_stance(
    client, consultation_page, recommendation, member
):
    client.force_login(member)

    response = client.post(
        route(consultation_page, "stance", recommendation.pk),
        {"choice": "support", "reason": ""},
        follow=True,
    )

    page = soup(response)
    message = page.select_one("#stance [role=status]")
    assert message.get_text(strip=True) == "Twoje stanowisko zostało zapisane."
    assert message.has_attr("autofocus") and message["tabindex"] == "-1"
    # Said once, at the stance, not also at the top of the page.
    assert len(page.find_all(string=re.compile("stanowisko zostało zapisane"))) == 1
    assert len(page.select("[autofocus]")) == 1


def test_after_a_stance_the_next_recommendation_without_one_is_offered(
    client, consultation_page, record, member
):
    first, second, third = record.recommendations.order_by("number")
    services.record_stance(member, second, "oppose", "", "pl")
    client.force_login(member)

    response = client.post(
        route(consultation_page, "stance", first.pk),
        {"choice": "support", "reason": ""},
        follow=True,
    )

    link = soup(response).select_one("#stance .next-step a")
    assert link["href"] == route(consultation_page, "recommendation", third.pk) + (
        "#stance"
    )


def test_the_next_recommendation_without_a_stance_wraps_round_and_skips_removed(
    record, member
):
    first, second, third = record.recommendations.order_by("number")

    assert services.next_without_stance(member, first) == second
    services.record_stance(member, second, "support", "", "pl")
    assert services.next_without_stance(member, third) == first
    first.archived_at = timezone.now()
    first.save()
    assert services.next_without_stance(member, third) is None


def test_a_poll_answer_is_announced_at_its_poll(
    client, consultation_page, record, member
):
    question = record.poll_questions.order_by("pk").last()
    choice = question.choices.first()
    client.force_login(member)

    response = client.post(
        route(consultation_page, "answer_poll", question.pk),
        {f"poll{question.pk}-choices": str(choice.key)},
        follow=True,
    )

    message = soup(response).select_one(f"#poll-{question.pk} [role=status]")
    assert message is not None and message.has_attr("autofocus")


def test_a_published_comment_is_announced_at_the_comment(
    client, consultation_page, member
):
    MemberProfile.objects.create(user=member, display_name="Kalyna")
    client.force_login(member)

    response = client.post(
        route(consultation_page, "comment"),
        {"language": "pl", "text": "Potrzebne są dyżury tłumaczy."},
        follow=True,
    )

    comment = response.redirect_chain[-1][0].rsplit("#", 1)[1]
    assert soup(response).select_one(f"#{comment} [role=status][autofocus]")


def test_the_error_summary_takes_focus(
    client, consultation_page, recommendation, member
):
    client.force_login(member)

    response = client.post(
        route(consultation_page, "stance", recommendation.pk), {"choice": "maybe"}
    )

    assert response.status_code == 400
    summary = soup(response).select_one(".error-summary")
    assert summary.has_attr("autofocus") and summary["role"] == "alert"


def test_the_consultation_page_has_a_table_of_contents(
    client, consultation_page, member
):
    client.force_login(member)

    response = client.get(consultation_page.url)

    page = soup(response)
    targets = [link["href"] for link in page.select("nav.toc a")]
    assert targets == ["#recommendations", "#polls", "#discussion"]
    for target in targets:
        assert page.select_one(target) is not None


def test_a_message_about_no_item_is_said_at_the_top_and_focused(client, member):
    client.force_login(member)

    response = client.post(
        reverse("display_name"), {"display_name": "Kalyna"}, follow=True
    )

    message = soup(response).select_one("main .messages [role=status]")
    assert message.get_text(strip=True) == "Twój pseudonim został zapisany."
    assert message.has_attr("autofocus")


def test_where_things_stand_shows_the_members_progress_and_next_step(
    client, consultation_page, record, member
):
    first, second, third = record.recommendations.order_by("number")
    services.record_stance(member, first, "support", "", "pl")
    client.force_login(member)

    panel = soup(client.get(consultation_page.url)).select_one("aside.status-panel")

    own = panel.select_one(".progress--own")
    assert own.p.get_text(" ", strip=True) == (
        "Zajęłaś/zająłeś stanowisko w sprawie 1 z 3 rekomendacji."
    )
    assert own.progress["value"] == "1" and own.progress["max"] == "3"
    assert panel.select_one(".time-left") is not None
    step = panel.select_one("a.button[href*='recommendations']")
    assert step["href"] == route(consultation_page, "recommendation", second.pk) + (
        "#stance"
    )


def test_with_every_stance_taken_the_next_step_says_so(
    client, consultation_page, record, member
):
    for recommendation in record.recommendations.all():
        services.record_stance(member, recommendation, "support", "", "pl")
    client.force_login(member)

    panel = soup(client.get(consultation_page.url)).select_one("aside.status-panel")

    assert panel.select_one("a.button[href*='recommendations']") is None
    assert "każdej rekomendacji" in panel.get_text()
