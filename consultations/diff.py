"""A readable word-level comparison of two wordings of a recommendation."""

import re
from difflib import SequenceMatcher

TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(before, after):
    """[(kind, text), …] with kind "same", "removed" or "added", word by word.

    Whitespace travels with the words, so joining the "same" and "added" parts gives
    the new text back and joining "same" and "removed" gives the old.
    """
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    parts = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(("same", "".join(old[i1:i2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(("removed", "".join(old[i1:i2])))
        if operation in ("insert", "replace"):
            parts.append(("added", "".join(new[j1:j2])))
    return parts
