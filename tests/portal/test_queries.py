"""Reads whose SQL is built once (portal/queries.py): they give what Django's ORM
gives for the same values, and a queryset whose parameters are not the values
asked for, or whose SQL changes with them, is refused. (The recommendation read:
tests/consultations/test_compiled_reads.py; the site, page and menu reads are
those of every page served.)"""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import Locale, Page, Site

from portal.auth import user_with_groups
from portal.queries import CompiledRead, child_paths, children_by_path
from tests.factories import StandardPageFactory


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


def page_read():
    """Pages by translation key and language, with their locale and an annotation."""
    return CompiledRead(
        lambda key, code: (
            Page.objects.filter(translation_key=key, locale__language_code=code)
            .select_related("locale")
            .annotate(first_level=Q(depth__lte=2))
            .order_by("pk")
        ),
        fields=[
            Page._meta.get_field("translation_key"),
            Locale._meta.get_field("language_code"),
        ],
        stand_ins=[uuid.UUID(int=1), "xx"],
    )


@pytest.mark.django_db
def test_pages_are_read_as_django_reads_them(home_pages):
    home_page = home_pages["pl"]
    read = page_read()
    django = Page.objects.filter(
        translation_key=home_page.translation_key, locale__language_code="pl"
    ).annotate(first_level=Q(depth__lte=2))

    found = list(read.queryset(home_page.translation_key, "pl"))

    assert [field_values(page) for page in found] == [
        field_values(page) for page in django
    ]
    assert [page.first_level for page in found] == [page.first_level for page in django]
    assert found[0].locale.language_code == "pl"  # read with the page
    ukrainian = read.queryset(home_page.translation_key, "uk")
    assert [page.pk for page in ukrainian] == [home_pages["uk"].pk]
    assert list(read.queryset(uuid.uuid4(), "pl")) == []


@pytest.mark.django_db
def test_a_read_narrowed_or_counted_is_compiled_for_its_values(home_pages):
    home_page = home_pages["pl"]
    read = page_read()
    read.queryset(home_page.translation_key, "pl")  # compiled

    pages = read.queryset(home_page.translation_key, "pl")

    assert pages.count() == 1
    assert [page.pk for page in pages.filter(depth=home_page.depth)] == [home_page.pk]
    assert list(pages.exclude(pk=home_page.pk)) == []


@pytest.mark.django_db
def test_a_read_by_none_is_left_to_django():
    site = Site.objects.get(is_default_site=True)
    read = CompiledRead(
        lambda hostname: Site.objects.filter(hostname=hostname),
        fields=[Site._meta.get_field("hostname")],
        stand_ins=["stand-in.invalid"],
    )

    assert list(read.queryset(site.hostname)) == [site]
    # Django's hostname IS NULL, not hostname = NULL (which nothing equals).
    assert '"hostname" IS NULL' in str(read.queryset(None).query)


@pytest.mark.django_db
def test_a_fixed_parameter_equal_to_a_stand_in_stays_fixed():
    first, other, third = (Group.objects.create(name=f"Group {n}") for n in range(3))
    read = CompiledRead(
        lambda pk: Group.objects.filter(Q(pk=pk) | Q(pk=first.pk)).values_list(
            "name", flat=True
        ),
        fields=[Group._meta.pk],
        stand_ins=[first.pk],
    )

    assert sorted(read.rows(third.pk)) == ["Group 0", "Group 2"]


@pytest.mark.django_db
def test_a_read_whose_values_do_not_all_reach_its_sql_is_refused():
    read = CompiledRead(
        lambda pk: Group.objects.filter(name="fixed").values_list("name"),
        fields=[Group._meta.pk],
        stand_ins=[1],
    )

    with pytest.raises(ValueError, match="takes"):
        read.rows(1)


@pytest.mark.django_db
def test_a_read_whose_sql_changes_with_its_values_is_refused():
    read = CompiledRead(
        lambda count: Group.objects.values_list("name")[:count],
        fields=[Group._meta.pk],
        stand_ins=[1],
    )

    with pytest.raises(ValueError, match="changes"):
        read.rows(1)


@pytest.mark.django_db
def test_children_by_path_are_wagtail_s_children(home_pages):
    about = StandardPageFactory(parent=home_pages["pl"], slug="o-nas")
    StandardPageFactory(parent=about, slug="zespol")  # a grandchild
    StandardPageFactory(parent=home_pages["uk"], slug="pro-nas")  # a cousin

    for parent in [*Page.objects.all(), about]:
        found = children_by_path(Page.objects.all(), parent.depth, *child_paths(parent))
        assert sorted(found.values_list("pk", flat=True)) == sorted(
            Page.objects.child_of(parent).values_list("pk", flat=True)
        ), parent.url_path
