"""The access policy as a specification: role × phase × action, without HTTP.

Each table row is an action; each column a role; each cell says, for the
upcoming, open and closed phase in turn, whether the role may ("+") or may not
("-"). The facts about the person (editor, member, translator) are given, as the
request would have them; ``test_facts`` shows how they are read from accounts.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import timezone
from wagtail.models import Locale

from consultations.access import (
    CLOSED,
    NOT_YET_OPEN,
    RULES,
    ConsultationAccess,
    Refusal,
    translation_queue,
    viewable,
)
from consultations.models import Comment, Consultation
from consultations.models.records import Phase, Visibility
from portal.groups import CULTURAL_ASSISTANTS, EDITORS, MIGRANT_TEAM
from tests.factories import UserFactory

User = get_user_model()
NOW = timezone.now()
TEAM_GROUP = 7
PHASES = {
    Phase.UPCOMING: (NOW + timedelta(days=1), NOW + timedelta(days=3)),
    Phase.OPEN: (NOW - timedelta(days=1), NOW + timedelta(days=1)),
    Phase.CLOSED: (NOW - timedelta(days=3), NOW - timedelta(days=1)),
}
# role: (user id, editor, member, translator)
ROLES = {
    "anonymous": (None, False, False, False),
    "outsider": (40, False, False, False),
    "member": (10, False, True, False),
    "editor": (20, True, False, True),
    "assistant": (30, False, False, True),
}
AUTHOR, OTHER_MEMBER = 10, 11


def consultation(phase, visibility=Visibility.TEAM, **options):
    opens_at, closes_at = PHASES[phase]
    return Consultation(
        opens_at=opens_at,
        closes_at=closes_at,
        visibility=visibility,
        participant_group_id=TEAM_GROUP,
        **options,
    )


def access_for(role, record):
    user_id, editor, member, translator = ROLES[role]
    user = AnonymousUser() if user_id is None else User(pk=user_id, is_active=True)
    access = ConsultationAccess(user, record, now=NOW)
    # cached_property keeps its value in __dict__: the facts as the request has them.
    access.__dict__.update(is_editor=editor, is_member=member, is_translator=translator)
    return access


def parse(table):
    lines = [line.split() for line in table.strip().splitlines()]
    roles = lines[0][1:]
    return {
        (action, role): cells
        for action, *row in lines[1:]
        for role, cells in zip(roles, row, strict=True)
    }


def cases(tables):
    for setting, table in tables.items():
        for (action, role), cells in parse(table).items():
            for phase, cell in zip(PHASES, cells, strict=True):
                yield pytest.param(
                    setting, action, role, phase, cell == "+",
                    id=f"{setting}-{action}-{role}-{phase}",
                )  # fmt: skip


# Columns: upcoming, open, closed.
CONSULTATION_TABLES = {
    "team-only": """
        action       anonymous outsider member editor assistant
        view         ---       ---      +++    +++    ---
        take_part    ---       ---      -+-    ---    ---
        stance       ---       ---      -+-    ---    ---
        answer_poll  ---       ---      -+-    ---    ---
        comment      ---       ---      -+-    -++    ---
        see_results  ---       ---      --+    +++    ---
        download     ---       ---      ---    +++    ---
        moderate     ---       ---      ---    +++    ---
        see_authors  ---       ---      ---    +++    ---
    """,
    "team-only, live results": """
        action       anonymous outsider member editor assistant
        see_results  ---       ---      -++    +++    ---
    """,
    "public": """
        action       anonymous outsider member editor assistant
        view         +++       +++      +++    +++    +++
        take_part    ---       ---      -+-    ---    ---
        comment      ---       ---      -+-    -++    ---
        see_results  ---       ---      --+    +++    ---
        download     ---       ---      ---    +++    ---
        moderate     ---       ---      ---    +++    ---
        see_authors  ---       ---      ---    +++    ---
    """,
    "public, results published": """
        action       anonymous outsider member editor assistant
        see_results  +++       +++      +++    +++    +++
        download     +++       +++      +++    +++    +++
    """,
}
SETTINGS = {
    "team-only": {},
    "team-only, live results": {"live_results": True},
    "public": {"visibility": Visibility.PUBLIC},
    "public, results published": {
        "visibility": Visibility.PUBLIC,
        "results_published": True,
    },
}


@pytest.mark.parametrize(
    ("setting", "action", "role", "phase", "allowed"), list(cases(CONSULTATION_TABLES))
)
def test_consultation_actions(setting, action, role, phase, allowed):
    access = access_for(role, consultation(phase, **SETTINGS[setting]))

    refusal = access.refusal(action)

    assert access.can(action) is allowed
    if allowed:
        access.require(action)
    else:
        assert 400 <= refusal.status < 500
        assert str(refusal.message)
        with pytest.raises(Refusal):
            access.require(action)


# Comments in an open, public consultation (closed where the column says), written
# by the member AUTHOR. Columns: open and fresh, open and older than the edit
# window, closed.
COMMENTS = {
    "shown": {},
    "hidden": {"hidden_at": NOW, "hidden_reason": "Obraźliwy"},
    "withdrawn": {"withdrawn_at": NOW},
    # Its author deleted their account: author_id is None, like an anonymous
    # visitor's id.
    "hidden, author gone": {
        "author_id": None,
        "hidden_at": NOW,
        "hidden_reason": "Obraźliwy",
    },
}
COMMENT_TABLES = {
    "shown": """
        action     anonymous outsider author other editor assistant
        see_text   +++       +++      +++    +++   +++    +++
        reply      ---       ---      ++-    ++-   +++    ---
        edit       ---       ---      +--    ---   ---    ---
        withdraw   ---       ---      ++-    ---   ---    ---
        report     ---       ---      ---    +++   ---    ---
        translate  ---       ---      ---    ---   +++    +++
    """,
    "hidden": """
        action     anonymous outsider author other editor assistant
        see_text   ---       ---      +++    ---   +++    ---
        reply      ---       ---      ---    ---   ---    ---
        edit       ---       ---      ---    ---   ---    ---
        withdraw   ---       ---      ++-    ---   ---    ---
        report     ---       ---      ---    ---   ---    ---
        translate  ---       ---      ---    ---   ---    ---
    """,
    "withdrawn": """
        action     anonymous outsider author other editor assistant
        see_text   ---       ---      ---    ---   ---    ---
        reply      ---       ---      ---    ---   ---    ---
        edit       ---       ---      ---    ---   ---    ---
        withdraw   ---       ---      ---    ---   ---    ---
        translate  ---       ---      ---    ---   ---    ---
    """,
    "hidden, author gone": """
        action     anonymous outsider author other editor assistant
        see_text   ---       ---      ---    ---   +++    ---
        withdraw   ---       ---      ---    ---   ---    ---
    """,
}
COMMENT_ROLES = {
    "anonymous": "anonymous",
    "outsider": "outsider",
    "author": "member",
    "other": "member",
    "editor": "editor",
    "assistant": "assistant",
}
WHEN = {
    "fresh": (Phase.OPEN, NOW - timedelta(minutes=5)),
    "old": (Phase.OPEN, NOW - timedelta(minutes=30)),
    "closed": (Phase.CLOSED, NOW - timedelta(days=2)),
}


def comment_cases():
    for state, table in COMMENT_TABLES.items():
        for (action, role), cells in parse(table).items():
            for when, cell in zip(WHEN, cells, strict=True):
                yield pytest.param(
                    state, action, role, when, cell == "+",
                    id=f"{state}-{action}-{role}-{when}",
                )  # fmt: skip


@pytest.mark.parametrize(
    ("state", "action", "role", "when", "allowed"), list(comment_cases())
)
def test_comment_actions(state, action, role, when, allowed):
    phase, written = WHEN[when]
    record = consultation(phase, Visibility.PUBLIC)
    comment = Comment(
        **{"author_id": AUTHOR, "language": "uk", "created_at": written}
        | COMMENTS[state]
    )
    access = access_for(COMMENT_ROLES[role], record)
    if role == "other":
        access.user = User(pk=OTHER_MEMBER, is_active=True)

    assert access.can(action, comment) is allowed
    if not allowed:
        refusal = access.refusal(action, comment)
        assert 400 <= refusal.status < 500 and str(refusal.message)


def test_every_rule_is_specified():
    specified = {
        action
        for table in [*CONSULTATION_TABLES.values(), *COMMENT_TABLES.values()]
        for action, _role in parse(table)
    }
    assert specified == set(RULES)


def test_a_team_only_comment_is_not_translated_by_an_assistant():
    record = consultation(Phase.OPEN)
    comment = Comment(author_id=AUTHOR, language="uk", created_at=NOW)

    assert not access_for("assistant", record).can("translate", comment)
    assert access_for("editor", record).can("translate", comment)


def test_polish_comments_are_not_in_the_translation_queue():
    record = consultation(Phase.OPEN, Visibility.PUBLIC)
    comment = Comment(author_id=AUTHOR, language="pl", created_at=NOW)

    assert not access_for("assistant", record).can("translate", comment)


def test_refusals_say_which_phase_keeps_a_member_out():
    upcoming = access_for("member", consultation(Phase.UPCOMING))
    closed = access_for("member", consultation(Phase.CLOSED))

    assert upcoming.refusal("stance").message == NOT_YET_OPEN
    assert closed.refusal("stance").message == CLOSED
    assert (
        access_for("outsider", consultation(Phase.OPEN)).refusal("stance").status == 403
    )


def test_an_editor_who_takes_part_speaks_for_themselves():
    record = consultation(Phase.OPEN)
    editor = access_for("editor", record)
    taking_part = access_for("editor", record)
    taking_part.__dict__["is_member"] = True

    assert editor.speaks_for_organisation
    assert not taking_part.speaks_for_organisation


def test_site_wide_actions_need_no_consultation_and_others_do():
    assert ConsultationAccess(AnonymousUser()).can("moderate") is False
    with pytest.raises(ValueError, match="needs a consultation"):
        ConsultationAccess(AnonymousUser()).can("stance")


# --- The facts, read from accounts (database) ----------------------------------------


@pytest.fixture
def team_record(db):
    opens_at, closes_at = PHASES[Phase.OPEN]
    return Consultation.objects.create(
        key="6d4a3c52-8f31-4f0a-9f6e-3f3d0b1b1a11",
        source_locale=Locale.get_default(),
        title="Strategia",
        opens_at=opens_at,
        closes_at=closes_at,
        participant_group=Group.objects.get(name=MIGRANT_TEAM),
    )


def in_group(name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.mark.django_db
def test_facts(team_record):
    member = in_group(MIGRANT_TEAM)
    inactive = in_group(MIGRANT_TEAM, is_active=False)
    editor = in_group(EDITORS)
    assistant = in_group(CULTURAL_ASSISTANTS)

    def facts(user):
        access = ConsultationAccess(user, team_record)
        return access.is_member, access.is_editor, access.is_translator

    assert facts(member) == (True, False, False)
    assert facts(inactive) == (False, False, False)
    assert facts(editor) == (False, True, True)
    assert facts(assistant) == (False, False, True)
    assert facts(UserFactory()) == (False, False, False)
    assert facts(AnonymousUser()) == (False, False, False)


@pytest.mark.django_db
def test_the_queries_agree_with_the_rules(team_record):
    """``viewable`` and ``translation_queue`` are the database forms of "view" and
    "translate": for every person, they find exactly what the rules allow."""
    public = Consultation.objects.create(
        key="0b7c2a3e-1d2e-4a5b-8c9d-0e1f2a3b4c5d",
        source_locale=Locale.get_default(),
        title="Publiczna",
        opens_at=team_record.opens_at,
        closes_at=team_record.closes_at,
        visibility=Visibility.PUBLIC,
        participant_group=team_record.participant_group,
    )
    author = in_group(MIGRANT_TEAM)
    comments = [
        Comment.objects.create(
            consultation=record, author=author, text="Tekst", language=language,
            draft_version=1, **state,
        )
        for record in (team_record, public)
        for language in ("pl", "uk")
        for state in ({}, {"hidden_at": NOW, "hidden_reason": "x"},
                      {"withdrawn_at": NOW})
    ]  # fmt: skip
    people = [
        AnonymousUser(),
        UserFactory(),
        author,
        in_group(EDITORS),
        in_group(CULTURAL_ASSISTANTS),
    ]
    for person in people:
        readable = set(Consultation.objects.filter(viewable(person)))
        queue = set(translation_queue(person, Comment.objects.all()))

        assert readable == {
            record
            for record in (team_record, public)
            if ConsultationAccess(person, record).can("view")
        }
        assert queue == {
            comment
            for comment in comments
            if ConsultationAccess(person, comment.consultation).can(
                "translate", comment
            )
        }


@pytest.mark.django_db
def test_phases_in_the_database_agree_with_phase():
    records = {
        phase: Consultation.objects.create(
            key=f"00000000-0000-4000-8000-00000000000{number}",
            source_locale=Locale.get_default(),
            title=str(phase),
            opens_at=opens_at,
            closes_at=closes_at,
        )
        for number, (phase, (opens_at, closes_at)) in enumerate(PHASES.items())
    }
    found = {
        Phase.UPCOMING: Consultation.objects.upcoming(NOW),
        Phase.OPEN: Consultation.objects.open(NOW),
        Phase.CLOSED: Consultation.objects.closed(NOW),
    }

    for phase, record in records.items():
        assert record.phase(NOW) == phase
        assert list(found[phase]) == [record]
