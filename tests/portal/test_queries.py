"""Reads whose SQL is built once (portal/queries.py): they give what Django's ORM
gives for the same values, and a queryset whose parameters are not the values
asked for is refused. (The recommendation read: tests/consultations/
test_compiled_reads.py.)"""

import pytest
from django.contrib.auth.models import Group

from portal.auth import user_with_groups
from portal.queries import CompiledRead


def field_values(instance):
    """Each field's type and value: 1 is not True here."""
    return {
        f.attname: (type(value := getattr(instance, f.attname)), value)
        for f in instance._meta.concrete_fields
    }


@pytest.mark.django_db
def test_a_person_is_read_with_their_groups(member):
    team = Group.objects.create(name="Read team")
    member.groups.add(team)

    found = user_with_groups(member.pk)

    assert field_values(found) == field_values(type(member).objects.get(pk=member.pk))
    assert {group.pk for group in found.groups.all()} == set(
        member.groups.values_list("pk", flat=True)
    )
    assert user_with_groups(str(member.pk)).pk == member.pk  # as a session keeps it
    assert user_with_groups(member.pk + 1000) is None


@pytest.mark.django_db
def test_a_read_whose_parameters_are_not_the_values_is_refused():
    read = CompiledRead(
        lambda pk: Group.objects.filter(pk=pk, name="fixed").values_list("name"),
        fields=[Group._meta.pk],
        stand_ins=[1],
    )

    with pytest.raises(ValueError, match="takes"):
        read.rows(1)
