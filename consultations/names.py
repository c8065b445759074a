"""The names the portal itself shows for an author, and the display names they keep
members from choosing.

Beside a comment a reader sees either a member's chosen display name or one of these:
the organisation's name on editors' official replies, a placeholder for a deleted or
nameless member, a numbered participant in an anonymised report. A member who could
choose one of them would speak as the organisation, or pass for someone else.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

ORGANISATION = _("Migrant Voices team")
FORMER_MEMBER = _("Former member")
UNNAMED_MEMBER = _("Member")
# In a report whose authors are anonymised: "Participant 1", "Participant 2", ...
PARTICIPANT = _("Participant %(number)s")

FIXED_NAMES = (ORGANISATION, FORMER_MEMBER, UNNAMED_MEMBER)


def participant(number):
    return PARTICIPANT % {"number": number}


def reserved_names():
    """Every fixed name, in every language of the site."""
    names = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.update(str(name) for name in FIXED_NAMES)
    return names


def _participant_patterns():
    """A folded "Participant <number>" for any number, in every language."""
    patterns = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            before, after = str(PARTICIPANT).split("%(number)s")
        before, after = re.escape(fold(before)), re.escape(fold(after))
        patterns.add(re.compile(rf"{before}\d+{after}"))
    return patterns


def fold(value):
    """A name as it reads, for comparing: compatibility forms (full-width letters,
    ligatures) and case folded, and no spaces, punctuation or invisible characters,
    so "Migrant  Voices Team", "Ｍｉｇｒａｎｔ…" and a non-breaking space all match,
    and so does the Ukrainian name without its «quotes»."""
    folded = unicodedata.normalize("NFKC", value)
    folded = unicodedata.normalize("NFKC", folded.casefold())
    return "".join(
        char
        for char in folded
        if not (char.isspace() or unicodedata.category(char)[0] in "PCZ")
    )


def validate_display_name(value):
    folded = fold(value)
    if folded in {fold(name) for name in reserved_names()} or any(
        pattern.fullmatch(folded) for pattern in _participant_patterns()
    ):
        raise ValidationError(
            _(
                "This name is what the portal shows for the organisation or in place "
                "of a member's name. Please choose another."
            ),
            code="reserved",
        )
