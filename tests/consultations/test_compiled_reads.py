"""The recommendation a stance post reads with its consultation, by SQL built once
(portal/queries.py): the same as Django's ORM reads, converted as it converts
them, on either database."""

import uuid

import pytest
from django.core.paginator import Paginator

from consultations.models import Comment, MemberProfile, Recommendation
from consultations.views.members import (
    COMMENTS_PER_PAGE,
    _fetch_with_record,
    _threads,
)
from tests.consultations.test_query_counts import add_comments
from tests.factories import MemberFactory


def field_values(instance):
    """Each field's type and value: 1 is not True here, nor a str a UUID."""
    return {
        f.attname: (type(value := getattr(instance, f.attname)), value)
        for f in instance._meta.concrete_fields
    }


@pytest.mark.django_db
def test_a_recommendation_is_read_with_its_consultation_as_the_orm_reads_them(
    consultation_page, recommendation
):
    del consultation_page.record  # read by the fixtures: the view reads it anew
    expected = Recommendation.objects.select_related("consultation").get(
        pk=recommendation.pk
    )

    found = _fetch_with_record(consultation_page, recommendation.pk)

    assert field_values(found) == field_values(expected)
    assert field_values(found.consultation) == field_values(expected.consultation)
    # Converted as the ORM converts them (a UUID, aware datetimes), on either database.
    assert isinstance(found.consultation.key, uuid.UUID)
    assert found.consultation.opens_at.tzinfo is not None
    assert consultation_page.record is found.consultation


@pytest.mark.django_db
def test_a_recommendation_of_another_consultation_is_not_found(
    consultation_page, recommendation
):
    del consultation_page.record
    consultation_page.translation_key = uuid.uuid4()

    assert _fetch_with_record(consultation_page, recommendation.pk) is None


@pytest.mark.django_db
def test_an_id_no_column_can_hold_finds_nothing(consultation_page, recommendation):
    del consultation_page.record

    assert _fetch_with_record(consultation_page, 10**20) is None


# --- A page of threads ---------------------------------------------------------


def paginated_by_django(record, recommendation, page_number):
    """The page as Django's Paginator makes it from the ORM's query."""
    top_level = Comment.objects.filter(
        consultation=record, recommendation=recommendation, parent=None
    ).order_by("created_at", "pk")
    return Paginator(top_level, COMMENTS_PER_PAGE).get_page(page_number)


def replies_of(comment):
    return list(
        Comment.objects.filter(parent=comment)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("page_number", [None, "1", "2", "3", "99", "-1", "abc"])
def test_a_page_of_threads_is_the_page_django_s_paginator_gives(
    record, recommendation, page_number, django_assert_num_queries
):
    authors = [MemberFactory() for _ in range(3)]
    for number, author in enumerate(authors):
        MemberProfile.objects.create(user=author, display_name=f"Osoba {number}")
    add_comments(record, recommendation, authors, 90)  # 45 threads: 3 pages
    add_comments(record, None, authors, 6)  # on no recommendation: 3 threads

    for on in (recommendation, None):
        expected = paginated_by_django(record, on, page_number)
        with django_assert_num_queries(3):  # the count, the page, the replies
            found = _threads(record, on, page_number)
            names = {
                comment.author.member_profile.display_name
                for thread in found
                for comment in [thread, *thread.children]
            }

        assert found.number == expected.number
        assert found.paginator.count == expected.paginator.count
        assert found.paginator.num_pages == expected.paginator.num_pages
        assert found.has_next() == expected.has_next()
        assert [thread.pk for thread in found] == [thread.pk for thread in expected]
        assert [[reply.pk for reply in thread.children] for thread in found] == [
            replies_of(thread) for thread in expected
        ]
        assert names <= {"Osoba 0", "Osoba 1", "Osoba 2"} and names


@pytest.mark.django_db
def test_a_recommendation_without_comments_has_one_empty_page(
    record, recommendation, django_assert_num_queries
):
    with django_assert_num_queries(2):  # no replies to read
        found = _threads(record, recommendation, "7")

    assert (found.number, found.paginator.count, list(found)) == (1, 0, [])
