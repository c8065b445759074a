"""Which pages everyone may see (portal/public.py): the same answer as Wagtail's
``public()``, in the query that lists the pages."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from portal.groups import MIGRANT_TEAM
from portal.public import (
    NAMED_ANCESTORS,
    public,
    shown,
    view_restrictions_of,
    with_translations,
)
from tests.factories import StandardPageFactory, publish, translate

pytestmark = pytest.mark.django_db


def restrict(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, **fields
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name=MIGRANT_TEAM)])
    return page


def page(parent, slug):
    return publish(StandardPageFactory(parent=parent, slug=slug))


@pytest.fixture
def tree(home_pages):
    """Pages under each kind of restriction, at two depths, and public ones whose
    addresses begin like a restricted one's."""
    home = home_pages["pl"]
    team = restrict(page(home, "zespol"), PageViewRestriction.GROUPS)
    login = restrict(page(home, "logowanie"), PageViewRestriction.LOGIN)
    password = restrict(
        page(home, "haslo"), PageViewRestriction.PASSWORD, password="tajne-haslo"
    )
    open_section = page(home, "otwarte")
    pages = {
        "team": team,
        "team child": page(team, "spotkanie"),
        "login": login,
        "login grandchild": page(page(login, "dzial"), "notatka"),
        "password": password,
        "open": open_section,
        "open child": page(open_section, "aktualnosci"),
        "open child under it": page(
            restrict(page(open_section, "wewnetrzne"), PageViewRestriction.LOGIN),
            "plan",
        ),
    }
    return pages


def test_public_leaves_out_what_wagtail_leaves_out_and_nothing_else(tree):
    ours = set(public(Page.objects.all()).values_list("pk", flat=True))
    wagtails = set(Page.objects.public().values_list("pk", flat=True))

    assert ours == wagtails
    assert {tree["open"].pk, tree["open child"].pk} <= ours
    assert (
        not {
            tree[name].pk
            for name in [
                "team",
                "team child",
                "login",
                "login grandchild",
                "password",
                "open child under it",
            ]
        }
        & ours
    )


def test_public_pages_are_listed_in_one_query(tree):
    with CaptureQueriesContext(connection) as queries:
        titles = list(public(Page.objects.live()).values_list("title", flat=True))

    assert len(queries) == 1
    assert tree["open child"].title in titles


def shown_in_language(page_ids, language_code):
    """What a featured card shows for each chosen page, as its block finds it."""
    return {
        pk: shown(chosen, translation)
        for pk, (chosen, translation) in with_translations(
            page_ids, language_code
        ).items()
    }


def test_a_featured_page_is_shown_in_the_readers_language_or_its_own(home_pages):
    home = home_pages["pl"]
    translated = page(home, "o-nas")
    ukrainian = translate(translated, home_pages["uk"].locale, title="Про нас")
    polish_only = page(home, "kontakt")

    with CaptureQueriesContext(connection) as queries:
        shown = shown_in_language([translated.pk, polish_only.pk], "uk")

    assert len(queries) == 1
    assert shown[translated.pk].pk == ukrainian.pk
    assert shown[polish_only.pk].pk == polish_only.pk
    assert shown[polish_only.pk].locale.language_code == "pl"


def test_a_featured_page_not_live_or_restricted_is_not_shown(home_pages, tree):
    home = home_pages["pl"]
    draft = StandardPageFactory(parent=home, slug="szkic", live=False)
    translated = page(home, "wydarzenia")
    restrict(
        translate(translated, home_pages["uk"].locale, title="Події"),
        PageViewRestriction.LOGIN,
    )
    chosen = [draft.pk, tree["team child"].pk, tree["password"].pk, translated.pk]

    shown = shown_in_language(chosen, "uk")

    # The Polish page is public, but a Ukrainian reader's version is not.
    assert shown == dict.fromkeys(chosen)
    assert shown_in_language([translated.pk], "pl")[translated.pk].pk == translated.pk


def test_a_pages_view_restrictions_are_wagtails_read_in_one_query(home_pages, tree):
    alias = tree["team"].create_alias(parent=tree["open"], update_slug="zespol-kopia")
    pages = [*tree.values(), alias, home_pages["pl"]]

    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            ours = set(view_restrictions_of(page))

        assert len(queries) == 1
        assert ours == set(page.get_view_restrictions()), page.url_path
    assert view_restrictions_of(alias).exists()
    assert not view_restrictions_of(tree["open child"]).exists()


def test_a_restriction_deeper_than_the_named_ancestors_still_covers_its_pages(
    home_pages,
):
    """Ancestors to ``NAMED_ANCESTORS`` levels are found by their paths; a page
    below those levels is compared with every page on its way as well."""
    parent = home_pages["pl"]
    chain = []
    while parent.depth < NAMED_ANCESTORS + 2:
        parent = page(parent, f"poziom-{parent.depth + 1}")
        chain.append(parent)
    deep_restricted = restrict(chain[-2], PageViewRestriction.LOGIN)  # past named
    below_it = chain[-1]
    shallow_restricted = restrict(page(home_pages["pl"], "tajne"), "login")
    under_shallow = shallow_restricted
    while under_shallow.depth < NAMED_ANCESTORS + 2:
        under_shallow = page(under_shallow, f"nizej-{under_shallow.depth + 1}")
    assert deep_restricted.depth == NAMED_ANCESTORS + 1

    ours = set(public(Page.objects.all()).values_list("pk", flat=True))
    assert ours == set(Page.objects.public().values_list("pk", flat=True))
    assert not {deep_restricted.pk, below_it.pk, under_shallow.pk} & ours
    assert chain[-3].pk in ours
    flags = {
        pk: chosen.is_restricted
        for pk, (chosen, _translation) in with_translations(
            [below_it.pk, under_shallow.pk, chain[-3].pk], "pl"
        ).items()
    }
    assert flags == {below_it.pk: True, under_shallow.pk: True, chain[-3].pk: False}
