import pytest

from consultations import services
from consultations.diff import word_diff
from consultations.models import Stance
from tests.consultations.conftest import route

pytestmark = pytest.mark.django_db


def test_word_diff_marks_removed_and_added_words():
    parts = word_diff("Kursy w każdym powiecie.", "Bezpłatne kursy w każdym mieście.")

    assert "".join(t for kind, t in parts if kind != "removed") == (
        "Bezpłatne kursy w każdym mieście."
    )
    assert (
        "".join(t for kind, t in parts if kind != "added") == "Kursy w każdym powiecie."
    )
    assert ("removed", "powiecie.") in parts and ("added", "mieście.") in parts


def reword_first(page, text):
    page = page.get_latest_revision_as_object()
    items = list(page.recommendations.all())
    items[0].text = text
    page.recommendations = items
    page.save_revision().publish()


def test_a_member_sees_what_changed_since_their_stance_and_confirms_it(
    client, consultation_page, record, recommendation, member
):
    services.record_stance(member, recommendation, "support", "", "pl")
    reword_first(
        consultation_page, "Szpitale zapewniają tłumaczenie na ukraiński i arabski."
    )
    client.force_login(member)

    overview = client.get(consultation_page.url).content.decode()
    detail = client.get(route(consultation_page, "recommendation", recommendation.pk))
    confirmed = client.post(
        route(consultation_page, "confirm_stance", recommendation.pk)
    )
    after = client.get(route(consultation_page, "recommendation", recommendation.pk))

    assert (
        "Od czasu zajęcia przez Ciebie stanowiska zmieniło się brzmienie "
        "1 rekomendacji." in overview
    )
    html = detail.content.decode()
    assert "<del>" in html and "ukraiński.</del>" in html
    assert "<ins>" in html and "arabski.</ins>" in html
    assert confirmed.status_code == 302
    assert Stance.objects.get().draft_version == 2
    assert after.context["changes"] is None


def test_a_stance_on_the_current_wording_shows_no_changes(
    client, consultation_page, recommendation, member
):
    reword_first(consultation_page, "Nowy tekst.")
    services.record_stance(member, recommendation, "support", "", "pl")
    client.force_login(member)

    detail = client.get(route(consultation_page, "recommendation", recommendation.pk))

    assert detail.context["changes"] is None


def test_a_second_stance_replaces_the_first_and_takes_the_current_wording(
    consultation_page, record, recommendation, member
):
    services.record_stance(member, recommendation, "support", "", "pl")
    first = Stance.objects.get()
    reword_first(consultation_page, "Nowy tekst.")

    services.record_stance(member, recommendation, "oppose", "За іншою мовою.", "uk")

    second = Stance.objects.get()
    assert (second.pk, second.created_at) == (first.pk, first.created_at)
    assert (second.choice, second.reason, second.language) == (
        "oppose",
        "За іншою мовою.",
        "uk",
    )
    assert (first.draft_version, second.draft_version) == (1, 2)
    assert second.updated_at > first.updated_at
