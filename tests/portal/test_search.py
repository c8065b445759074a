import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.groups import MIGRANT_TEAM
from portal.views import SEARCH_RESULTS_PER_PAGE
from tests.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [page.title for page in response.context["results"]]


@pytest.fixture
def pages(home_pages):
    public = StandardPageFactory(
        parent=home_pages["pl"],
        title="Karta pobytu krok po kroku",
        intro="Jak złożyć wniosek o kartę pobytu.",
    )
    translate(public, home_pages["uk"].locale, title="Карта побуту крок за кроком")
    team_only = StandardPageFactory(
        parent=home_pages["pl"], title="Karta pobytu: notatki zespołu"
    )
    restriction = PageViewRestriction.objects.create(
        page=team_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MIGRANT_TEAM))
    with_password = StandardPageFactory(
        parent=home_pages["pl"], title="Karta pobytu: materiały szkoleniowe"
    )
    PageViewRestriction.objects.create(
        page=with_password,
        restriction_type=PageViewRestriction.PASSWORD,
        password="haslo-szkolenia",
    )
    under_restricted = StandardPageFactory(
        parent=team_only, title="Karta pobytu: protokół spotkania"
    )
    StandardPageFactory(
        parent=home_pages["pl"], title="Karta pobytu: szkic", live=False
    )
    return {"public": public, "under_restricted": under_restricted}


def test_search_finds_live_public_pages_of_the_current_language(client, pages):
    polish = client.get("/pl/search/", {"q": "karta pobytu"})
    ukrainian = client.get("/uk/search/", {"q": "Карта побуту"})

    assert polish.status_code == 200
    assert result_titles(polish) == ["Karta pobytu krok po kroku"]
    assert result_titles(ukrainian) == ["Карта побуту крок за кроком"]
    assert "Jak złożyć wniosek o kartę pobytu." in polish.content.decode()


@pytest.mark.parametrize("visitor", ["anonymous", "member", "editor"])
def test_restricted_pages_never_leak_their_titles(client, pages, visitor, request):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))

    html = client.get("/pl/search/", {"q": "karta pobytu"}).content.decode()

    for secret in ["notatki zespołu", "materiały szkoleniowe", "protokół", "szkic"]:
        assert secret not in html


def test_search_pages_through_many_results(client, home_pages):
    for number in range(SEARCH_RESULTS_PER_PAGE + 3):
        StandardPageFactory(parent=home_pages["pl"], title=f"Szkoła {number}")

    first = client.get("/pl/search/", {"q": "szkoła"})
    second = client.get("/pl/search/", {"q": "szkoła", "page": 2})

    assert first.context["results"].paginator.count == SEARCH_RESULTS_PER_PAGE + 3
    assert len(result_titles(first)) == SEARCH_RESULTS_PER_PAGE
    assert len(result_titles(second)) == 3
    assert "q=szko%C5%82a&amp;page=2" in first.content.decode()


def test_an_empty_search_shows_just_the_form(client):
    response = client.get("/pl/search/")

    assert response.status_code == 200
    assert response.context["results"] is None


def test_an_over_long_query_is_a_translated_400(client):
    response = client.get("/uk/search/", {"q": "x" * 201})

    assert response.status_code == 400
    assert response.context["results"] is None
    assert "не більше 200 символів" in response.content.decode()


def test_the_search_page_is_kept_out_of_search_engines(client):
    html = client.get("/pl/search/", {"q": "x"}).content.decode()

    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "query",
    ['"', 'a"b', "'", "*", "NEAR(", "a OR", "AND", "(", ":", "^", "\\", "&|!", "%"],
)
def test_search_syntax_in_a_query_never_breaks_the_page(client, pages, query):
    response = client.get("/pl/search/", {"q": query})

    assert response.status_code == 200


def test_a_quoted_phrase_is_searched_as_a_phrase(client, pages):
    response = client.get("/pl/search/", {"q": '"krok po kroku"'})

    assert result_titles(response) == ["Karta pobytu krok po kroku"]


def test_a_query_is_shown_as_text(client):
    html = client.get(
        "/pl/search/", {"q": "<script>alert(1)</script>"}
    ).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_result_count_is_a_plain_heading(client, pages):
    html = client.get("/pl/search/?q=karta+pobytu").content.decode()

    # A status role on a heading hides it from the headings list (axe:
    # aria-allowed-role, heading-order); the count arrives with a page load.
    assert '<h2 id="results-heading">' in html
