"""People's words outlive revisions, translations, renumbering and deletion."""

import pytest
from wagtail.models import Page, PageViewRestriction

from consultations import services
from consultations.models import (
    Comment,
    Consultation,
    PageRecommendation,
    PollAnswer,
    Recommendation,
    RecommendationVersion,
    Stance,
)
from consultations.models.participation import StanceChoice
from consultations.models.records import Visibility
from portal.localize import translate
from tests.consultations.conftest import make_consultation

pytestmark = pytest.mark.django_db


def people_rows():
    return (Stance.objects.count(), Comment.objects.count(), PollAnswer.objects.count())


def take_part(record, member):
    """A stance, a comment and a poll answer on the first recommendation."""
    first = record.recommendations.get(number=1)
    services.record_stance(member, first, StanceChoice.SUPPORT, "", "pl")
    services.post_comment(
        author=member,
        consultation=record,
        recommendation=first,
        text="Tak!",
        language="pl",
    )
    question = record.poll_questions.first()
    services.answer_poll(member, question, list(question.choices.all()[:1]), "pl")


def publish_without_first_recommendation(page):
    page = page.get_latest_revision_as_object()
    page.recommendations = list(page.recommendations.all())[1:]
    page.save_revision().publish()


def test_publishing_creates_the_records(record, consultation_page):
    assert record.key == consultation_page.translation_key
    assert record.title == "Strategia województwa"
    assert record.draft_version == 1
    assert [r.number for r in record.recommendations.all()] == [1, 2, 3]
    versions = RecommendationVersion.objects.filter(recommendation__consultation=record)
    assert versions.count() == 3
    assert record.poll_questions.count() == 2
    assert record.poll_questions.get(allows_multiple=True).choices.count() == 3


def test_a_translation_shares_the_records(record, ukrainian_page):
    assert ukrainian_page.record == record
    assert Recommendation.objects.count() == 3
    ukrainian = RecommendationVersion.objects.filter(locale=ukrainian_page.locale)
    assert sorted(v.title for v in ukrainian) == [
        "Коротші черги",
        "Курси польської мови",
        "Перекладачі в лікарнях",
    ]


def test_removing_a_recommendation_archives_it_with_everything_said(
    consultation_page, record, member
):
    take_part(record, member)
    before = people_rows()

    publish_without_first_recommendation(consultation_page)

    assert people_rows() == before
    first = Recommendation.objects.get(consultation=record, stances__isnull=False)
    assert first.is_archived
    assert first.comments.count() == 1
    # The rest are renumbered; the archived one keeps its stances.
    assert list(
        record.recommendations.filter(archived_at=None).values_list("number", flat=True)
    ) == [1, 2]
    record.refresh_from_db()
    assert record.draft_version == 2


def test_resyncing_a_translation_after_a_removal_keeps_everything(
    consultation_page, record, ukrainian_page, member, other_member
):
    take_part(record, member)
    # A member reading the Ukrainian page acts on the same recommendation.
    services.record_stance(
        other_member,
        record.recommendations.get(number=1),
        StanceChoice.OPPOSE,
        "Ні",
        "uk",
    )
    before = people_rows()

    publish_without_first_recommendation(consultation_page)
    translate(consultation_page, ukrainian_page.locale, _strings_for(consultation_page))

    assert people_rows() == before
    ukrainian_page.refresh_from_db()
    assert PageRecommendation.objects.filter(page=ukrainian_page).count() == 2
    assert Stance.objects.filter(recommendation__archived_at__isnull=False).count() == 2


def _strings_for(page):
    from tests.consultations.conftest import UKRAINIAN

    return {**UKRAINIAN, page.slug: f"{page.slug}-uk"}


def test_renumbering_keeps_stances_on_the_same_recommendation(
    consultation_page, record, member
):
    first = record.recommendations.get(number=1)
    services.record_stance(member, first, StanceChoice.SUPPORT, "", "pl")

    page = consultation_page.get_latest_revision_as_object()
    items = list(page.recommendations.all())
    for position, item in enumerate(reversed(items)):
        item.sort_order = position
    page.recommendations = items
    page.save_revision().publish()

    first.refresh_from_db()
    assert first.number == 3
    assert first.stances.get().member == member


def test_publishing_without_a_change_keeps_the_draft_version(consultation_page, record):
    consultation_page.save_revision().publish()

    record.refresh_from_db()
    assert record.draft_version == 1


def test_rewording_moves_the_draft_version_on_for_that_recommendation_only(
    consultation_page, record
):
    page = consultation_page.get_latest_revision_as_object()
    items = list(page.recommendations.all())
    items[0].text = "Szpitale zapewniają tłumaczenie na ukraiński i arabski."
    page.recommendations = items
    page.save_revision().publish()

    record.refresh_from_db()
    assert record.draft_version == 2
    assert services.last_changed_versions(record) == {
        r.pk: (2 if r.number == 1 else 1) for r in record.recommendations.all()
    }


def test_deleting_the_page_keeps_every_word(consultation_page, record, member):
    take_part(record, member)
    before = people_rows()

    Page.objects.get(pk=consultation_page.pk).delete()

    assert people_rows() == before
    record.refresh_from_db()
    assert record.source_page is None
    assert Consultation.objects.filter(pk=record.pk).exists()


def test_unpublishing_keeps_every_word(consultation_page, record, member):
    take_part(record, member)
    before = people_rows()

    consultation_page.unpublish()

    assert people_rows() == before


def test_a_copied_page_is_a_new_consultation(consultation_page, record, member):
    take_part(record, member)

    copy = consultation_page.copy(
        update_attrs={"slug": "kopia", "title": "Kopia"}, keep_live=False
    )
    copy.save_revision().publish()

    assert copy.specific.record != record
    assert copy.specific.record.recommendations.count() == 3
    assert not Stance.objects.filter(recommendation__consultation=copy.specific.record)


def test_team_only_consultations_are_restricted_in_every_language(
    ukrainian_page, record
):
    restrictions = PageViewRestriction.objects.filter(
        page__translation_key=record.key, restriction_type=PageViewRestriction.GROUPS
    )

    assert restrictions.count() == 2
    for restriction in restrictions:
        assert set(restriction.groups.values_list("name", flat=True)) == {
            "Editors",
            "Migrant team",
        }


def test_making_a_consultation_public_lifts_the_restriction(consultation_page, record):
    page = consultation_page.get_latest_revision_as_object()
    page.visibility = Visibility.PUBLIC
    page.save_revision().publish()

    assert not PageViewRestriction.objects.filter(page=consultation_page).exists()
    record.refresh_from_db()
    assert record.visibility == Visibility.PUBLIC


def test_public_consultations_are_not_restricted(index_page):
    page = make_consultation(index_page, visibility=Visibility.PUBLIC)

    assert not PageViewRestriction.objects.filter(page=page).exists()
