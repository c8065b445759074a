"""Links to restricted pages (portal/links.py): a page everyone reads never prints
the address of a page only some may see; the link still takes those who may to
it."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.groups import MIGRANT_TEAM
from tests.factories import MemberFactory, StandardPageFactory, UserFactory, publish

pytestmark = pytest.mark.django_db

SECRET_SLUG = "spotkanie-zespolu-w-czwartek"


@pytest.fixture
def team_page(home_pages):
    page = publish(StandardPageFactory(parent=home_pages["pl"], slug=SECRET_SLUG))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=MIGRANT_TEAM)])
    return page


@pytest.fixture
def public_page(home_pages):
    return publish(StandardPageFactory(parent=home_pages["pl"], slug="kontakt"))


@pytest.fixture
def news(home_pages, team_page, public_page):
    page = StandardPageFactory(parent=home_pages["pl"], slug="aktualnosci")
    page.body = json.dumps(
        [
            {
                "type": "text",
                "value": f'<p><a linktype="page" id="{team_page.pk}">Zespół</a> i '
                f'<a linktype="page" id="{public_page.pk}">kontakt</a></p>',
            },
            {
                "type": "call_to_action",
                "value": {"text": "Dołącz", "page": team_page.pk, "url": ""},
            },
        ]
    )
    return publish(page)


def test_a_restricted_page_is_linked_by_its_number_and_a_public_one_by_address(
    client, news, team_page, public_page
):
    html = client.get(news.url).content.decode()

    assert SECRET_SLUG not in html
    assert html.count(f'href="/pl/page/{team_page.pk}/"') == 2
    assert f'href="{public_page.url}"' in html


def test_the_link_takes_a_member_to_the_page_and_others_to_log_in_or_a_refusal(
    client, team_page
):
    link = f"/pl/page/{team_page.pk}/"

    anonymous = client.get(link)
    client.force_login(UserFactory())
    outsider = client.get(link)
    client.force_login(MemberFactory())
    member = client.get(link)

    assert anonymous.status_code == 302
    assert SECRET_SLUG not in anonymous["Location"]
    assert anonymous["Location"].endswith("?next=" + link)
    assert outsider.status_code == 403
    assert SECRET_SLUG not in outsider.content.decode()
    assert (member.status_code, member["Location"]) == (302, team_page.url)


def test_a_link_to_a_missing_or_unpublished_page_is_not_found(client, team_page):
    team_page.unpublish()

    assert client.get(f"/pl/page/{team_page.pk}/").status_code == 404
    assert client.get("/pl/page/999999/").status_code == 404
