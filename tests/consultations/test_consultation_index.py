"""The list of consultations in any language shows every consultation the reader
may read, in their language when it has one, else labelled with the one it is in."""

import pytest
from wagtail.models import Locale

from consultations.models import MemberProfile
from portal.localize import translate
from tests.consultations.conftest import UKRAINIAN

pytestmark = pytest.mark.django_db

RUSSIAN = {"Konsultacje": "Консультации", "konsultacje": "konsultatsii"}


@pytest.fixture
def russian_index(index_page):
    return translate(index_page, Locale.objects.get(language_code="ru"), RUSSIAN)


def test_a_member_on_the_russian_list_finds_the_polish_consultation_labelled(
    client, russian_index, consultation_page, member
):
    client.force_login(member)

    response = client.get(russian_index.url)

    (entry,) = response.context["consultations"]
    assert entry["page"] == consultation_page
    assert entry["languages"] == ["pl"]
    html = response.content.decode()
    assert f'href="{consultation_page.url}" hreflang="pl" lang="pl"' in html
    tag = html.split('class="language-tag"')[1].split("</span>")[0]
    assert "польский" in tag.lower()


def test_the_member_s_own_language_comes_before_the_original(
    client, russian_index, consultation_page, ukrainian_page, member
):
    MemberProfile.objects.create(user=member, language="uk")
    client.force_login(member)

    response = client.get(russian_index.url)

    (entry,) = response.context["consultations"]
    assert entry["page"].specific == ukrainian_page
    assert entry["languages"] == ["pl", "uk"]


def test_readers_of_a_language_the_consultation_has_get_it_unlabelled(
    client, consultation_page, ukrainian_page, member
):
    client.force_login(member)
    uk_index = ukrainian_page.get_parent()

    response = client.get(uk_index.url)

    (entry,) = response.context["consultations"]
    assert entry["page"].specific == ukrainian_page
    assert not entry["in_other_language"]
    assert UKRAINIAN["Strategia województwa"] in response.content.decode()


def test_others_still_see_no_team_only_consultation(
    client, russian_index, consultation_page, outsider
):
    client.force_login(outsider)

    assert client.get(russian_index.url).context["consultations"] == []
