"""Queries of the initiatives' pages: pinned, and flat when the list grows (see
tests/portal/test_query_counts.py for how they are counted)."""

import pytest

from initiatives.models import CooperativeGalleryImage, InitiativeGalleryImage
from tests.factories import ImageFactory, publish
from tests.initiatives.factories import (
    CooperativePageFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
)
from tests.portal.test_query_counts import count_queries, site_furniture  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def add_initiatives(index, count):
    for _ in range(count):
        initiative = InitiativePageFactory(parent=index, partners="MOPS\nBiblioteka")
        for _ in range(2):
            InitiativeGalleryImage.objects.create(
                page=initiative, image=ImageFactory(), alt_text="Zdjęcie"
            )


@pytest.fixture
def index(home_pages, site_furniture):  # noqa: F811
    index = publish(InitiativeIndexPageFactory(parent=home_pages["pl"]))
    cooperative = CooperativePageFactory(parent=index)
    CooperativeGalleryImage.objects.create(
        page=cooperative, image=ImageFactory(), alt_text="Zdjęcie"
    )
    return index


def test_the_index_queries_are_pinned_and_do_not_grow_with_the_list(client, index):
    add_initiatives(index, 3)
    few = count_queries(client, index.url)

    add_initiatives(index, 9)

    assert few == 15
    assert count_queries(client, index.url) == few


def test_an_initiative_page_queries_are_pinned(client, index):
    add_initiatives(index, 1)
    initiative = index.get_children().last()

    assert count_queries(client, initiative.url) == 13


def test_the_cooperative_page_queries_are_pinned(client, index):
    cooperative = index.get_children().first()

    assert count_queries(client, cooperative.url) == 13
