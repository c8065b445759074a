"""A member cannot choose a name the portal itself shows for an author."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape

from consultations.models import Comment, MemberProfile
from consultations.names import reserved_names, validate_display_name
from tests.consultations.conftest import route

# Written out rather than read from the catalogues, so that a name the catalogues
# translate differently from what readers were shown is noticed.
RESERVED = {
    "pl": [
        "Zespół Głosu Migrantów",
        "Były członek zespołu",
        "Członek zespołu",
        "Uczestnik 3",
    ],
    "uk": [
        "Команда «Голосу мігрантів»",
        "Колишній учасник",
        "Учасник",
        "Учасник 3",
    ],
    "en": ["Migrant Voices team", "Former member", "Member", "Participant 3"],
    "ru": [
        "Команда «Голоса мигрантов»",
        "Бывший участник",
        "Участник",
        "Участник 3",
    ],
}


def refused(name):
    try:
        validate_display_name(name)
    except ValidationError as error:
        return error.code == "reserved"
    return False


def message():
    """The refusal as a Polish page shows it."""
    with translation.override("pl"):
        with pytest.raises(ValidationError) as refusal:
            validate_display_name("Member")
        return escape(refusal.value.messages[0])


@pytest.mark.parametrize(
    "name",
    [name for names in RESERVED.values() for name in names],
)
def test_each_name_the_portal_shows_is_refused_in_every_language(name):
    assert refused(name)


@pytest.mark.parametrize("language", RESERVED)
def test_the_reserved_names_hold_each_language(language):
    fixed = [name for name in RESERVED[language] if not name[-1].isdigit()]

    assert set(fixed) <= reserved_names()


@pytest.mark.parametrize(
    "name",
    [
        "migrant voices TEAM",
        "Migrant  Voices Team",
        "  MigrantVoicesteam ",
        "Migrant\u00a0Voices\u2003team",  # non-breaking and em spaces
        "Ｍｉｇｒａｎｔ Ｖｏｉｃｅｓ ｔｅａｍ",  # full-width letters
        "Migrant\u200bVoices team",  # a zero-width space
        "Migrant Voices team.",
        "Команда Голосу мігрантів",  # without the quotes
        'Команда "Голосу мігрантів"',
        "ZESPÓŁ GŁOSU MIGRANTÓW",
        "FORMER MEMBER",
        "Participant 0",
        "Participant 12345",
        "participant\t7",
        "Participant ４２",  # full-width digits
        "Participant #4",
        "УЧАСНИК 15",
    ],
)
def test_variants_of_a_reserved_name_are_refused(name):
    assert refused(name)


@pytest.mark.parametrize(
    "name",
    [
        "Kalyna",
        "Oksana T.",
        "Członek zespołu Kalyna",
        "Participant of the forum",
        "Migrant Voices fan",
        "Member 3",
    ],
)
def test_a_name_of_ones_own_is_accepted(name):
    validate_display_name(name)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Migrant  Voices Team", "Команда «Голосу мігрантів»"])
def test_the_first_comment_cannot_take_a_reserved_name(
    client, consultation_page, member, name
):
    client.force_login(member)

    response = client.post(
        route(consultation_page, "comment"),
        {"language": "pl", "text": "Pierwszy komentarz", "display_name": name},
    )

    assert response.status_code == 400
    assert message() in response.content.decode()
    assert not MemberProfile.objects.exists()
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Były  członek zespołu", "Participant 7"])
def test_the_display_name_page_refuses_a_reserved_name(client, member, name):
    client.force_login(member)

    response = client.post("/pl/accounts/display-name/", {"display_name": name})

    assert response.status_code == 400
    assert message() in response.content.decode()
    assert not MemberProfile.objects.exists()


@pytest.mark.django_db
def test_a_member_keeps_their_name_when_renaming_to_a_reserved_one(client, member):
    MemberProfile.objects.create(user=member, display_name="Kalyna")
    client.force_login(member)

    response = client.post("/pl/accounts/display-name/", {"display_name": "Member"})

    assert response.status_code == 400
    assert MemberProfile.objects.get().display_name == "Kalyna"
