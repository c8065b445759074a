"""Query counts are pinned, and do not grow with the number of comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from consultations import services
from consultations.models import Comment, MemberProfile, Stance
from portal.models import SiteSettings
from tests.consultations.conftest import route
from tests.factories import MemberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def add_comments(record, recommendation, authors, count):
    """``count`` comments, half of them replies, spread over the authors."""
    top_level = Comment.objects.bulk_create(
        Comment(
            consultation=record,
            recommendation=recommendation,
            author=authors[n % len(authors)],
            text=f"Komentarz {n}",
            language="pl",
            draft_version=1,
        )
        for n in range(count // 2)
    )
    Comment.objects.bulk_create(
        Comment(
            consultation=record,
            recommendation=recommendation,
            parent=parent,
            thread=parent,
            author=authors[n % len(authors)],
            text=f"Odpowiedź {n}",
            language="uk",
            draft_version=1,
        )
        for n, parent in enumerate(top_level)
    )


@pytest.fixture
def authors(db):
    people = [MemberFactory() for _ in range(5)]
    for number, person in enumerate(people):
        MemberProfile.objects.create(user=person, display_name=f"Osoba {number}")
    return people


def queries_for(client, url):
    client.get(url)  # warm caches that are not per request (content types, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("warm", [False, True], ids=["nothing kept", "caches warm"])
@pytest.mark.parametrize("view", ["overview", "recommendation"])
def test_a_page_of_comments_costs_the_same_for_10_or_1000_comments(
    client,
    consultation_page,
    record,
    recommendation,
    member,
    authors,
    view,
    warm,
    settings,
):
    """Warm, these are kept between requests (portal/routing.py, portal_tags,
    consultation_tags): the site, the route to the page and its view restrictions,
    the menus, the footer and each comment's rendering. What is the member's own
    is read each time."""
    if warm:
        settings.PAGE_CACHE_SECONDS = 300
        # Made on a site's first request, as on any running site; making them
        # is an edit that starts a new generation.
        SiteSettings.for_site(Site.objects.get(is_default_site=True))
    about = None if view == "overview" else recommendation
    services.record_stance(member, recommendation, "support", "", "pl")
    client.force_login(member)
    url = (
        consultation_page.url
        if view == "overview"
        else route(consultation_page, "recommendation", recommendation.pk)
    )
    add_comments(record, about, authors, 10)
    few = queries_for(client, url)

    add_comments(record, about, authors, 990)
    many = queries_for(client, url)

    assert few == many
    # Cold, two of them name the recommendations' policy areas in the reader's
    # language; warm, the overview keeps its recommendations' cards (their
    # wordings, areas and institutions: five queries). One looks for publications
    # that led to the consultation or recommendation; on a recommendation, one
    # finds the member's next one without a stance. The member is read with their
    # groups (portal/auth.py).
    assert (
        many
        == {
            ("overview", False): 30,
            ("overview", True): 17,
            ("recommendation", False): 31,
            ("recommendation", True): 23,
        }[view, warm]
    )


@pytest.mark.parametrize("view", ["results", "report"])
def test_results_and_report_cost_the_same_for_10_or_1000_comments(
    client, index_page, authors, editor, view
):
    from consultations.models.records import Visibility
    from tests.consultations.conftest import make_consultation

    page = make_consultation(index_page, visibility=Visibility.PUBLIC)
    record = page.record
    recommendation = record.recommendations.get(number=1)
    for author in authors:
        services.record_stance(author, recommendation, "support", "Powód", "pl")
    client.force_login(editor)
    url = route(page, view)
    add_comments(record, recommendation, authors, 10)
    few = queries_for(client, url)

    add_comments(record, recommendation, authors, 990)
    many = queries_for(client, url)

    assert few == many
    # The report's 3 more than before: its download goes to Wagtail's audit log
    # (which checks that the content type and the user exist, then inserts).
    # Two of them count the stances taken on an earlier wording; two more read the
    # title and poll wording of the report's language from its page.
    assert many == {"results": 28, "report": 33}[view]


@pytest.mark.parametrize("warm", [False, True])
def test_a_stance_post_costs_a_fixed_number_of_queries(
    client, consultation_page, recommendation, member, warm, settings
):
    settings.PAGE_CACHE_SECONDS = 300 if warm else 0
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    client.force_login(member)
    url = route(consultation_page, "stance", recommendation.pk)
    client.post(url, {"choice": "support", "reason": ""})

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {"choice": "oppose", "reason": ""})

    assert response.status_code == 302
    assert Stance.objects.get(member=member).choice == "oppose"
    # Warm: the site, the route to the page and its view restrictions are kept.
    # The session, the member with their groups (portal/auth.py), the
    # recommendation with its consultation, and the stance stored in one statement.
    assert len(queries) == (4 if warm else 9)
