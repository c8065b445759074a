"""The recommendation a stance post reads with its consultation, by SQL built once
(portal/queries.py): the same as Django's ORM reads, converted as it converts
them, on either database."""

import uuid

import pytest

from consultations.models import Recommendation
from consultations.views.members import _fetch_with_record


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
