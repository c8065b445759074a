"""The one stylesheet stays organised: no property set twice for one selector (the
second silently wins, and a reader of the first is misled), and only logical
properties, so a right-to-left language lays out correctly."""

import re
from collections import defaultdict
from pathlib import Path

from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "portal" / "static" / "css" / "portal.css"
PHYSICAL = re.compile(
    r"^(?:(?:margin|padding|border)-(?:left|right|top|bottom)|left|right|top|bottom"
    r"|width|height|min-width|min-height|max-width|max-height|float)$"
)


def declarations(css):
    """(at-rules around it, selector, property, line) of every declaration."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    blocks = []
    for match in re.finditer(r"([^{};]*)([{};])", css):
        text, mark = " ".join(match.group(1).split()), match.group(2)
        line = css.count("\n", 0, match.start(2)) + 1
        if blocks and not blocks[-1].startswith("@") and ":" in text:
            at_rules = tuple(block for block in blocks[:-1] if block.startswith("@"))
            for selector in blocks[-1].split(","):
                name = text.split(":", 1)[0].strip()
                yield at_rules, " ".join(selector.split()), name, line
        if mark == "{":
            blocks.append(text)
        elif mark == "}":
            blocks.pop()


def test_the_parser_finds_a_property_set_twice():
    css = ".a, .b { color: red; }\n@media (x) { .a { color: blue; } }\n.b { color: 0 }"
    seen = defaultdict(list)
    for at_rules, selector, name, line in declarations(css):
        seen[(at_rules, selector, name)].append(line)
    assert seen[((), ".b", "color")] == [1, 3]
    assert seen[(("@media (x)",), ".a", "color")] == [2]


def test_no_selector_sets_a_property_twice():
    seen = defaultdict(list)
    for at_rules, selector, name, line in declarations(STYLESHEET.read_text()):
        seen[(at_rules, selector, name)].append(line)
    twice = {key: lines for key, lines in seen.items() if len(lines) > 1}
    assert twice == {}


def test_only_logical_properties_are_used():
    physical = [
        (line, name)
        for _at_rules, _selector, name, line in declarations(STYLESHEET.read_text())
        if PHYSICAL.match(name)
    ]
    assert physical == []
