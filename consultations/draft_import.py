"""A consultation's recommendations from the organisation's own document.

Editors have their strategies and monitoring reports as Word or OpenDocument files
with dozens of numbered recommendations. ``read_draft`` turns a .docx (mammoth), an
.odt (odfpy), Markdown (markdown-it-py) or pasted text into a ``Draft``: the
recommendations in order, with the policy area and addressee the document names,
and what was left out. ``plan_import`` says what a draft would change on a page, and
``save_import`` writes it as a new revision: nothing is created before that.

A recommendation's text is plain text with Markdown's emphasis
(``consultations/text.py``): paragraphs are kept apart by an empty line, a list item
becomes a line starting with "– " (numbered ones keep their number), and bold and
italics become ``**…**`` and ``*…*``; any other asterisk or underscore is escaped.

Every file is checked by its content, not its name, before a parser sees it:
size, type, password protection, macros, and zip archives that would unpack to far
more than they weigh.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from consultations.diff import word_diff
from consultations.models import (
    Comment,
    ConsultationPage,
    Institution,
    PageRecommendation,
    PolicyArea,
    Recommendation,
    Stance,
)
from consultations.text import emphasised, escaped

MAX_BYTES = 5 * 1024 * 1024
# What a document may unpack to, in all and per byte it weighs: a real 5 MB .docx
# unpacks to a few times its size; a zip bomb to thousands of times.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 2000
MAX_RECOMMENDATIONS = 300
TITLE_LENGTH = PageRecommendation._meta.get_field("title").max_length

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODF_TEXT = b"application/vnd.oasis.opendocument.text"

TOO_BIG = _("The file is larger than 5 MB. Save it without images, or paste the text.")
EMPTY = _("The file is empty.")
WRONG_TYPE = _(
    "This is not a document the import reads. Upload a Word (.docx), "
    "OpenDocument (.odt) or Markdown (.md, .txt) file, or paste the text."
)
ENCRYPTED = _(
    "The document is protected with a password, or it is an old Word file (.doc). "
    "Remove the password or save it as .docx or .odt, then upload it again."
)
MACROS = _(
    "The document contains macros. Save it as a plain document (.docx or .odt, "
    "not .docm), then upload it again."
)
BOMB = _(
    "The document unpacks to far more than it weighs, which no real document does. "
    "It was not opened."
)
DAMAGED = _("The document is damaged and cannot be read. Save it again and retry.")
NO_RECOMMENDATIONS = _(
    "No numbered recommendations were found. Start each one with a number "
    "(“1.”, “2.1”) or with “Recommendation 1” / “Rekomendacja 1”, as a heading "
    "or at the start of a paragraph."
)
TOO_MANY = _("The document has more than 300 recommendations: import it in parts.")
TRANSLATION = _(
    "This page is a translation. Import into the page in the original language; "
    "the translations follow it."
)


class ImportRefused(Exception):
    """A document the import will not read, with the message the editor is shown."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ChangedSincePreview(Exception):
    """Someone saved the page after the preview was made."""


# --- Reading each format into blocks ---------------------------------------------


@dataclass
class Block:
    """A heading, a paragraph or a list item: its plain text (read for numbers,
    titles and names) and, if it has emphasis, the text with Markdown's marks."""

    kind: str  # "heading", "paragraph" or "item"
    text: str
    level: int = 1  # a heading's level, or how deep a list item is nested
    number: int | None = None  # an ordered list item's number
    marked: str = ""

    @property
    def body(self):
        """The text as a recommendation's text holds it."""
        return self.marked or escaped(self.text)


def _clean(text):
    lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").split("\n")]
    return "\n".join(line for line in lines if line).strip()


def _marked_html(element):
    """An element's text with its bold and italics as Markdown's marks."""
    from bs4 import NavigableString

    parts = []
    for child in element.children:
        if isinstance(child, NavigableString):
            parts.append(escaped(str(child)))
        elif child.name in ("strong", "b"):
            parts.append(emphasised(_marked_html(child), strong=True))
        elif child.name in ("em", "i"):
            parts.append(emphasised(_marked_html(child), em=True))
        else:
            parts.append(_marked_html(child))
    return "".join(parts)


def blocks_from_html(html):
    """mammoth's HTML of a .docx: headings, paragraphs, lists and tables."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = []

    def list_items(element, depth):
        ordered = element.name == "ol"
        start = int(element.get("start", 1)) if ordered else None
        for position, item in enumerate(element.find_all("li", recursive=False)):
            nested = [child for child in item.children if child.name in ("ol", "ul")]
            for child in nested:
                child.extract()
            blocks.append(
                Block(
                    "item",
                    _clean(item.get_text()),
                    depth,
                    start + position if ordered else None,
                    _clean(_marked_html(item)),
                )
            )
            for child in nested:
                list_items(child, depth + 1)

    for element in soup.find_all(recursive=False):
        if element.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            blocks.append(
                Block("heading", _clean(element.get_text()), int(element.name[1]))
            )
        elif element.name in ("ol", "ul"):
            list_items(element, 1)
        elif element.name == "table":
            for row in element.find_all("tr"):
                cells = [_clean(cell.get_text()) for cell in row.find_all(["td", "th"])]
                blocks.append(Block("paragraph", " | ".join(c for c in cells if c)))
        else:
            blocks.append(
                Block(
                    "paragraph",
                    _clean(element.get_text()),
                    marked=_clean(_marked_html(element)),
                )
            )
    return [block for block in blocks if block.text]


def blocks_from_docx(data):
    import mammoth

    # Images would come back inline as base64: left out, and said so.
    images = []

    def leave_out(image):
        images.append(image)
        return {}

    result = mammoth.convert_to_html(
        io.BytesIO(data), convert_image=mammoth.images.img_element(leave_out)
    )
    return blocks_from_html(result.value), len(images)


def blocks_from_odt(data):
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    blocks, images = [], 0
    emphasis = _odt_emphasis(document)

    def text_of(node):
        return _clean(teletype.extractText(node))

    def marked_of(node):
        """teletype.extractText, with bold and italic spans marked."""
        parts = []
        for child in node.childNodes:
            qname = getattr(child, "qname", None)
            if qname is None:
                parts.append(escaped(getattr(child, "data", "")))
            elif qname == (TEXTNS, "s"):
                parts.append(" " * int(child.getAttrNS(TEXTNS, "c") or 1))
            elif qname == (TEXTNS, "tab"):
                parts.append("\t")
            elif qname == (TEXTNS, "line-break"):
                parts.append("\n")
            elif qname == (TEXTNS, "span"):
                style = child.getAttrNS(TEXTNS, "style-name")
                strong, em = emphasis.get(style, (False, False))
                parts.append(emphasised(marked_of(child), strong=strong, em=em))
            else:
                parts.append(marked_of(child))
        return "".join(parts)

    def walk(node, depth=0):
        nonlocal images
        for child in node.childNodes:
            qname = getattr(child, "qname", None)
            if qname == (TEXTNS, "h"):
                level = int(child.getAttrNS(TEXTNS, "outline-level") or 1)
                blocks.append(Block("heading", text_of(child), level))
            elif qname == (TEXTNS, "p"):
                images += len(child.getElementsByType(_draw_frame()))
                kind = "item" if depth else "paragraph"
                blocks.append(
                    Block(
                        kind,
                        text_of(child),
                        depth or 1,
                        marked=_clean(marked_of(child)),
                    )
                )
            elif qname == (TEXTNS, "list"):
                walk(child, depth + 1)
            elif qname == (TEXTNS, "list-item"):
                walk(child, depth)
            elif qname == (TABLENS, "table-row"):
                cells = [text_of(cell) for cell in child.childNodes]
                blocks.append(Block("paragraph", " | ".join(c for c in cells if c)))
            elif qname is not None:
                walk(child, depth)

    walk(document.text)
    return [block for block in blocks if block.text], images


def _odt_emphasis(document):
    """{style name: (bold, italic)} of the document's text styles that are either:
    the automatic ones a span of bold words gets, and named character styles
    ("Strong Emphasis", "Emphasis")."""
    from odf.namespaces import FONS, STYLENS

    found = {}
    for styles in (document.automaticstyles, document.styles):
        for style in styles.childNodes:
            if getattr(style, "qname", None) != (STYLENS, "style"):
                continue
            for properties in style.childNodes:
                if getattr(properties, "qname", None) != (STYLENS, "text-properties"):
                    continue
                strong = properties.getAttrNS(FONS, "font-weight") == "bold"
                em = properties.getAttrNS(FONS, "font-style") == "italic"
                if strong or em:
                    found[style.getAttrNS(STYLENS, "name")] = (strong, em)
    return found


def _draw_frame():
    from odf.draw import Frame

    return Frame


def blocks_from_markdown(text):
    """Markdown or pasted plain text. A numbered paragraph ("1. …") is an ordered
    list in Markdown: its number comes back from the list item."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks, lists, items = [], [], []
    heading_level, row = None, None
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type == "ordered_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            number = int(token.info) if lists[-1] and token.info.isdigit() else None
            items.append([number, True])  # its first paragraph is the item's text
        elif token.type == "list_item_close":
            items.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            blocks.append(Block("paragraph", " | ".join(c for c in row if c)))
            row = None
        elif token.type in ("fence", "code_block"):
            blocks.append(Block("paragraph", _clean(token.content)))
        elif token.type == "inline":
            content = _clean(_inline_text(token))
            marked = _clean(_inline_text(token, marked=True))
            if row is not None:
                row.append(content)
            elif heading_level is not None:
                blocks.append(Block("heading", content, heading_level))
                heading_level = None
            elif items and items[-1][1]:
                items[-1][1] = False
                blocks.append(Block("item", content, len(items), items[-1][0], marked))
            else:
                blocks.append(Block("paragraph", content, marked=marked))
    return [block for block in blocks if block.text]


MARKS = {"strong_open": "**", "strong_close": "**", "em_open": "*", "em_close": "*"}


def _inline_text(token, marked=False):
    """The text of an inline token, with its emphasis marked if ``marked``."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(escaped(child.content) if marked else child.content)
        elif marked and child.type in MARKS:
            parts.append(MARKS[child.type])
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


# --- Checking a file by its content ---------------------------------------------


def blocks_from_upload(upload):
    """(blocks, images left out) of an uploaded file, or ImportRefused."""
    # The size Django was told, before anything is read.
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ImportRefused(TOO_BIG)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportRefused(TOO_BIG)
    return blocks_from_bytes(data)


def blocks_from_bytes(data):
    if not data:
        raise ImportRefused(EMPTY)
    if data.startswith(OLE_SIGNATURE):
        # An encrypted .docx is an OLE compound file, and so is a .doc.
        raise ImportRefused(ENCRYPTED)
    if data.startswith(b"PK"):
        return _blocks_from_zip(data)
    if b"\x00" in data[:8000]:
        raise ImportRefused(WRONG_TYPE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(WRONG_TYPE) from None
    if text.lstrip().startswith(("%PDF", "{\\rtf", "<?xml", "<!DOCTYPE", "<html")):
        raise ImportRefused(WRONG_TYPE)
    return blocks_from_markdown(text), 0


def _blocks_from_zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise ImportRefused(DAMAGED) from None
    # Sizes from the archive's directory, before anything is unpacked. A lying
    # directory cannot help: zipfile stops reading an entry at its declared size.
    unpacked = sum(entry.file_size for entry in entries)
    if (
        len(entries) > MAX_ENTRIES
        or unpacked > MAX_UNPACKED_BYTES
        or unpacked > MAX_RATIO * max(len(data), 1)
    ):
        raise ImportRefused(BOMB)
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise ImportRefused(ENCRYPTED)
    names = {entry.filename for entry in entries}
    try:
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            content_types = archive.read("[Content_Types].xml")
            if any(name.lower().endswith("vbaproject.bin") for name in names) or (
                b"macroEnabled" in content_types
            ):
                raise ImportRefused(MACROS)
            return _parse(blocks_from_docx, data)
        if "mimetype" in names and archive.read("mimetype").strip() == ODF_TEXT:
            manifest = archive.read("META-INF/manifest.xml")
            if b"encryption-data" in manifest:
                raise ImportRefused(ENCRYPTED)
            if any(name.startswith(("Basic/", "Scripts/")) for name in names):
                raise ImportRefused(MACROS)
            return _parse(blocks_from_odt, data)
    except (zipfile.BadZipFile, KeyError, EOFError):
        raise ImportRefused(DAMAGED) from None
    raise ImportRefused(WRONG_TYPE)


def _parse(reader, data):
    try:
        return reader(data)
    except ImportRefused:
        raise
    except Exception:  # a parser's view of a broken document: many kinds
        raise ImportRefused(DAMAGED) from None


# --- Splitting blocks into recommendations ---------------------------------------

KEYWORD = r"(?:recommendation|rec\.|rekomendacja|rek\.|рекомендація|рекомендация)"
KEYWORD_MARKER = re.compile(
    rf"^{KEYWORD}\s*(?:nr\.?|no\.?|№)?\s*(?P<number>\d{{1,3}}(?:\.\d{{1,3}})*)\.?"
    r"(?:\s*[:.)–—-])?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "1." "1)" "2.1" "2.1." — a bare number without a point ("15 osób") is not one.
NUMBER_MARKER = re.compile(
    r"^(?P<number>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])(?:\s+|$)(?P<rest>.*)$",
    re.DOTALL,
)
AREA_LABELS = (
    "policy area|area|obszar polityki|obszar|dziedzina|сфера політики|сфера|галузь"
    "|область"
)
ADDRESSEE_LABELS = (
    "addressed to|addressee|adresat|adresaci|skierowana do|kierowana do|адресат"
    "|адресовано|адресована"
)
LABEL_LINE = re.compile(
    rf"^(?:(?P<area>{AREA_LABELS})|(?P<addressee>{ADDRESSEE_LABELS}))\s*:\s*"
    r"(?P<name>.+)$",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"^(?P<first>.{3,250}?[.!?])\s+(?P<rest>\S.*)$", re.DOTALL)


@dataclass
class Marker:
    label: str
    depth: int
    keyword: bool
    rest: str


def marker_of(text):
    """The recommendation number a heading or paragraph starts with, if any."""
    match = KEYWORD_MARKER.match(text)
    keyword = match is not None
    match = match or NUMBER_MARKER.match(text)
    if match is None:
        return None
    label = match["number"].rstrip(".)")
    rest = match["rest"].strip().lstrip(":.–—-").strip()
    return Marker(label, label.count(".") + 1, keyword, rest)


def fold(name):
    return " ".join(name.casefold().split()).strip(" .:;,")


IGNORED_REASONS = {
    "before": _("Before the first recommendation"),
    "outside": _("Under a heading that is not a recommendation"),
    "area": _("Policy area not found (choose it by hand)"),
    "addressee": _("Addressee not found (choose it by hand)"),
    "images": _("Images left out"),
}


@dataclass
class Ignored:
    reason: str
    text: str

    @property
    def label(self):
        return IGNORED_REASONS[self.reason]


@dataclass
class ProposedRecommendation:
    label: str  # the number as the document writes it
    title: str
    text: str
    area: PolicyArea | None = None
    institution: Institution | None = None


@dataclass
class Draft:
    recommendations: list = field(default_factory=list)
    ignored: list = field(default_factory=list)

    def as_session_data(self):
        return {
            "recommendations": [
                {
                    "label": r.label,
                    "title": r.title,
                    "text": r.text,
                    "area": r.area.pk if r.area else None,
                    "institution": r.institution.pk if r.institution else None,
                }
                for r in self.recommendations
            ],
            "ignored": [[i.reason, i.text] for i in self.ignored],
        }

    @classmethod
    def from_session_data(cls, data):
        areas = PolicyArea.objects.in_bulk(
            [r["area"] for r in data["recommendations"] if r["area"]]
        )
        institutions = Institution.objects.in_bulk(
            [r["institution"] for r in data["recommendations"] if r["institution"]]
        )
        return cls(
            [
                ProposedRecommendation(
                    r["label"],
                    r["title"],
                    r["text"],
                    areas.get(r["area"]),
                    institutions.get(r["institution"]),
                )
                for r in data["recommendations"]
            ],
            [Ignored(reason, text) for reason, text in data["ignored"]],
        )


class Names:
    """The policy areas and institutions of one language, by folded name."""

    def __init__(self, locale):
        self.areas = {fold(a.name): a for a in PolicyArea.objects.filter(locale=locale)}
        self.institutions = {
            fold(i.name): i for i in Institution.objects.filter(locale=locale)
        }

    def institution(self, text):
        """The first institution a line names (several may be listed)."""
        for name in [text, *re.split(r"[;,]| i | and | та ", text)]:
            if found := self.institutions.get(fold(name)):
                return found
        return None


def _excerpt(text, length=200):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


class _Splitter:
    def __init__(self, blocks, names):
        self.names = names
        self.draft = Draft()
        self.current = None  # [ProposedRecommendation, body blocks]
        self.area = self.institution = None  # (snippet, level of the section)
        self.section_level = 0
        self.outside_reason = "before"
        self.blocks = blocks

    def split(self):
        markers = self._recommendation_markers()
        for index, block in enumerate(self.blocks):
            if index in markers:
                self._start(markers[index], block)
            elif block.kind == "heading" and not self._inside_recommendation(block):
                self._section(block)
            elif label := LABEL_LINE.match(block.text):
                self._label_line(label)
            elif self.current is not None:
                self.current[1].append(block)
            else:
                self.draft.ignored.append(
                    Ignored(self.outside_reason, _excerpt(block.text))
                )
        self._finish()
        return self.draft

    def _recommendation_markers(self):
        """{block index: Marker} of the blocks that start a recommendation.

        "Recommendation N" outranks bare numbers wherever it is. Numbered headings
        if the document has any (numbered paragraphs under them are then the
        recommendation's own list); else numbered paragraphs and list items. Of several
        levels of numbering ("2. Health", "2.1 …") the most frequent is taken,
        the deeper one on a tie."""
        found = {}
        for index, block in enumerate(self.blocks):
            if block.kind == "item" and block.level > 1:
                continue
            text = block.text
            if block.kind == "item" and block.number is not None:
                text = f"{block.number}. {text}"
            marker = marker_of(text)
            if marker is None:
                continue
            if block.kind == "heading" and self._names_something(marker.rest):
                continue  # "2. Ochrona zdrowia": a section naming an area
            found[index] = marker
        found = {i: m for i, m in found.items() if m.keyword} or found
        headings = {i: m for i, m in found.items() if self.blocks[i].kind == "heading"}
        candidates = headings or found
        depths = [m.depth for m in candidates.values()]
        if not depths:
            return {}
        depth = max(set(depths), key=lambda d: (depths.count(d), d))
        chosen = {i: m for i, m in candidates.items() if m.depth == depth}
        self.recommendation_level = min(
            (self.blocks[i].level for i in chosen if self.blocks[i].kind == "heading"),
            default=0,
        )
        return chosen

    def _names_something(self, text):
        return fold(text) in self.names.areas or self.names.institution(text)

    def _inside_recommendation(self, block):
        """A sub-heading within a recommendation's text."""
        return (
            self.current is not None
            and self.recommendation_level
            and block.level > self.recommendation_level
        )

    def _start(self, marker, block):
        self._finish()
        area = self.area[0] if self.area else None
        institution = self.institution[0] if self.institution else None
        proposed = ProposedRecommendation(
            marker.label, marker.rest, "", area, institution
        )
        self.current = [proposed, []]

    def _section(self, block):
        """A heading that is not a recommendation: it may name the area or the
        addressee of what follows; what it heads is not a recommendation."""
        self._finish()
        self.outside_reason = "before" if not self.draft.recommendations else "outside"
        marker = marker_of(block.text)
        name = marker.rest if marker else block.text
        level = block.level
        if self.area and level <= self.area[1]:
            self.area = None
        if self.institution and level <= self.institution[1]:
            self.institution = None
        if area := self.names.areas.get(fold(name)):
            self.area = (area, level)
        elif institution := self.names.institution(name):
            self.institution = (institution, level)
        else:
            self.draft.ignored.append(
                Ignored(self.outside_reason, _excerpt(block.text))
            )
        self.section_level = level

    def _label_line(self, match):
        name = match["name"].strip()
        if match["area"]:
            found, reason = self.names.areas.get(fold(name)), "area"
        else:
            found, reason = self.names.institution(name), "addressee"
        if found is None:
            self.draft.ignored.append(Ignored(reason, _excerpt(name)))
            return
        if self.current is not None:
            setattr(
                self.current[0], "area" if reason == "area" else "institution", found
            )
        elif reason == "area":
            self.area = (found, self.section_level)
        else:
            self.institution = (found, self.section_level)

    def _finish(self):
        if self.current is None:
            return
        proposed, body = self.current
        self.current = None
        if not proposed.title and body and body[0].kind != "item":
            proposed.title = body.pop(0).text
        if len(proposed.title) > 120 and (sentence := SENTENCE.match(proposed.title)):
            # A numbered paragraph: its first sentence is the title.
            proposed.title = sentence["first"]
            body.insert(0, Block("paragraph", sentence["rest"]))
        if len(proposed.title) > TITLE_LENGTH:
            body.insert(0, Block("paragraph", proposed.title))
            proposed.title = _excerpt(proposed.title, TITLE_LENGTH)
        proposed.text = _text_of(body) or proposed.title
        proposed.title = proposed.title or _excerpt(proposed.text, 80)
        self.draft.recommendations.append(proposed)
        self.outside_reason = "outside"


def _text_of(blocks):
    """A recommendation's text: paragraphs apart by an empty line, a list's items
    line by line."""
    parts, previous = [], None
    for block in blocks:
        if block.kind == "item":
            indent = "  " * (block.level - 1)
            bullet = f"{block.number}." if block.number is not None else "–"
            line = f"{indent}{bullet} {block.body}"
            if previous == "item":
                parts[-1] += "\n" + line
            else:
                parts.append(line)
        else:
            parts.append(block.body)
        previous = block.kind
    return "\n\n".join(parts)


def split(blocks, names):
    return _Splitter(blocks, names).split()


def read_draft(page, *, upload=None, text=""):
    """The draft a document (or pasted text) proposes for a consultation page, or
    ImportRefused with what the editor is told."""
    if upload is not None:
        blocks, images = blocks_from_upload(upload)
    else:
        blocks, images = blocks_from_markdown(text), 0
    draft = split(blocks, Names(page.locale))
    if images:
        draft.ignored.append(Ignored("images", str(images)))
    if not draft.recommendations:
        raise ImportRefused(NO_RECOMMENDATIONS)
    if len(draft.recommendations) > MAX_RECOMMENDATIONS:
        raise ImportRefused(TOO_MANY)
    return draft


# --- What a draft changes on a page, and saving it -------------------------------


@dataclass
class Change:
    """One recommendation of the draft: "new", "updated" or "unchanged"."""

    kind: str
    number: int
    proposed: ProposedRecommendation
    existing: PageRecommendation | None = None

    @property
    def text_diff(self):
        """The wording on the page against the document's, word by word."""
        return word_diff(
            f"{self.existing.title}\n\n{self.existing.text}",
            f"{self.proposed.title}\n\n{self.proposed.text}",
        )


@dataclass
class Removal:
    """A recommendation on the page that the document no longer has."""

    existing: PageRecommendation
    stances: int = 0
    comments: int = 0


@dataclass
class Plan:
    changes: list
    removals: list

    @property
    def counts(self):
        kinds = [change.kind for change in self.changes]
        return {kind: kinds.count(kind) for kind in ("new", "updated", "unchanged")}


def _same_title(existing, proposed):
    return fold(existing.title) == fold(proposed.title)


def match(existing, proposed):
    """{index in ``proposed``: index in ``existing``}: by number and title, then by
    title alone (it moved), then by number alone (it was reworded).

    A recommendation keeps its identity (its translation key, which people's
    stances and comments point at through its record) wherever it is matched;
    an unmatched one is new."""
    pairs, free = {}, set(range(len(existing)))
    for index, item in enumerate(proposed):
        if index in free and _same_title(existing[index], item):
            pairs[index] = index
            free.discard(index)
    for index, item in enumerate(proposed):
        if index in pairs:
            continue
        found = next((e for e in sorted(free) if _same_title(existing[e], item)), None)
        if found is not None:
            pairs[index] = found
            free.discard(found)
    for index in range(len(proposed)):
        if index not in pairs and index in free:
            pairs[index] = index
            free.discard(index)
    return pairs


def _latest(page):
    return page.get_latest_revision_as_object() if page.latest_revision_id else page


def plan_import(page, draft):
    """What saving ``draft`` would do to the page's latest version."""
    return _plan(page, _latest(page), draft)


def _plan(page, latest, draft):
    existing = list(latest.recommendations.all())
    pairs = match(existing, draft.recommendations)
    changes = []
    for index, proposed in enumerate(draft.recommendations):
        item = existing[pairs[index]] if index in pairs else None
        if item is None:
            kind = "new"
        elif (
            (item.title, item.text) == (proposed.title, proposed.text)
            and (proposed.area is None or proposed.area.pk == item.area_id)
            and (
                proposed.institution is None
                or proposed.institution.pk == item.institution_id
            )
        ):
            kind = "unchanged"
        else:
            kind = "updated"
        changes.append(Change(kind, index + 1, proposed, item))
    kept = set(pairs.values())
    removed = [item for index, item in enumerate(existing) if index not in kept]
    return Plan(changes, _with_what_people_said(page, removed))


def _with_what_people_said(page, items):
    if not items:
        return []
    records = {
        record.key: record
        for record in Recommendation.objects.filter(
            consultation__key=page.translation_key,
            key__in=[item.translation_key for item in items],
        )
    }
    removals = []
    for item in items:
        record = records.get(item.translation_key)
        removals.append(
            Removal(
                item,
                Stance.objects.filter(recommendation=record).count() if record else 0,
                Comment.objects.filter(recommendation=record).count() if record else 0,
            )
        )
    return removals


def refuse_translations(page):
    """Only the page in the original language takes a draft."""
    from consultations.services import source_locale_of

    if source_locale_of(page).pk != page.locale_id:
        raise ImportRefused(TRANSLATION)


@transaction.atomic
def save_import(page, draft, user, seen_revision_id, publish=False):
    """A new revision of the page with the draft's recommendations (published if
    asked), or ChangedSincePreview if the page was saved after the preview.

    Matched recommendations are edited in place and keep their identity; new ones
    are added; those the document no longer has leave the draft, and publishing
    archives them with their stances and comments (``services.sync_consultation``).
    Polls and everything else on the page stay as they are."""
    page = ConsultationPage.objects.select_for_update().get(pk=page.pk)
    if page.latest_revision_id != seen_revision_id:
        raise ChangedSincePreview
    refuse_translations(page)
    latest = _latest(page)
    plan = _plan(page, latest, draft)
    rows = []
    for position, change in enumerate(plan.changes):
        proposed = change.proposed
        item = change.existing or PageRecommendation(locale=page.locale)
        item.title, item.text, item.sort_order = proposed.title, proposed.text, position
        if proposed.area is not None:
            item.area = proposed.area
        if proposed.institution is not None:
            item.institution = proposed.institution
        rows.append(item)
    # Assigned as a list: edits to items fetched from .all() may not reach the
    # revision.
    latest.recommendations = rows
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return revision, plan
