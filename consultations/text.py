"""A recommendation's text: plain text with Markdown's emphasis.

Editors write, and the import keeps, paragraphs apart by an empty line, a list's
items line by line ("– …", "1. …"), and **bold** and *italics* as in Markdown;
nothing else is markup. The text stays plain where plain text is what a reader
gets (reports, exports, the translation editor, version differences) and reads as
it is written there. markdown-it-py reads the emphasis and backslash escapes
(CommonMark's rules: ``5*3`` or ``snake_case`` stay as they are) and escapes every
other character for HTML.
"""

import re

from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines
from markdown_it import MarkdownIt

_EMPHASIS = MarkdownIt("zero").enable(["emphasis", "escape"])
_PARAGRAPHS = re.compile(r"\n{2,}")
# What could open or close emphasis, or escape what follows: an asterisk, an
# underscore not inside a word, a backslash before punctuation.
_SPECIAL = re.compile(r"\*|(?<![^\W_])_|_(?![^\W_])|\\(?=[!-/:-@\[-`{-~])")


def as_html(text):
    """Paragraphs and line breaks as Django's ``linebreaks`` filter makes them, with
    the emphasis as <strong> and <em>; everything else escaped."""
    text = normalize_newlines(str(text or "")).strip()
    paragraphs = _PARAGRAPHS.split(text) if text else []
    return mark_safe(
        "\n\n".join(
            "<p>" + "<br>".join(map(_EMPHASIS.renderInline, p.split("\n"))) + "</p>"
            for p in paragraphs
        )
    )


def escaped(text):
    """Plain text written so that none of it reads as emphasis."""
    return _SPECIAL.sub(lambda match: "\\" + match[0], text)


def emphasised(marked, *, strong=False, em=False):
    """Already marked text made bold and/or italic as a whole, the spaces around it
    left outside the marks (Markdown reads ``**word **`` as no emphasis)."""
    core = marked.strip()
    if not core or not (strong or em):
        return marked
    marks = ("**" if strong else "") + ("*" if em else "")
    start = marked[: len(marked) - len(marked.lstrip())]
    end = marked[len(marked.rstrip()) :]
    return f"{start}{marks}{core}{marks}{end}"
