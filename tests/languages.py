"""Which language a short visible text is in, and whether a page's HTML says so.

The detector decides only what its evidence decides, and nothing else: Latin or
Cyrillic (or Arabic) script first, then, within Latin, Polish or English, and
within Cyrillic, Ukrainian, Russian or Belarusian, by letters only one of them
uses and by frequent words (lists below). A text with too little evidence (a
number, a date, an e-mail address, a name, "OK") is undecided, and so never a
mismatch. No package or model is used: none that works offline is reliable on
texts of two or three words, and these rules are easy to read and to correct.

``check_page`` walks the HTML as a reader meets it (no scripts, styles, hidden
inputs or ``aria-hidden`` content; with ``alt``, ``title``, ``aria-label`` and
``placeholder``) and reports every text decided as another language than its
nearest ``lang`` attribute, and every link into another language's URLs that
does not say so with ``hreflang``.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SITE_LANGUAGES = ("pl", "uk", "en", "ru")


def listed(words):
    return frozenset(words.split())


LATIN = ("pl", "en")
CYRILLIC = ("uk", "ru", "be")
ARABIC = ("ar",)

# Letters that one language of its script writes and the others do not.
POLISH_LETTERS = set("ąćęłńóśźż")
UKRAINIAN_LETTERS = set("іїєґ")
RUSSIAN_LETTERS = set("ыэъё")
BELARUSIAN_LETTERS = set("ў")
# Belarusian writes і with ы and э, and never и, щ or ъ.
NOT_BELARUSIAN_LETTERS = set("ищъ")

# Frequent words of one language that are not words of the other language of
# its script. Words both share ("do", "to", "a", "my", "on"; "не", "на", "до",
# "для", "за", "по") are left out on purpose.
STOP_WORDS = {
    "pl": listed(
        """
        i w z ze na nie się że jest są być był była było będzie jak ale po co od
        za przez dla jej jego ich może można tylko już oraz lub czy także też ta
        tej tego te tym tych które który która których którym kiedy gdzie bardzo
        przy pod nad bez między jako więc tak nas nasz nasza nasze wasz twoje
        twój twoja swoje swój mnie wy ona ono oni został została zostało tu tutaj
        wszystkie wszystkich każdy każda nic dzięki aby żeby jeśli gdy jeszcze albo
        według wobec o u ani wam nam mu tę tą
        """
    ),
    "en": listed(
        """
        the and of in is are was were be been being for with at by from this that
        these those it its you your yours we our ours they their them not or an as
        but if will can has have had does did which who whom whose what when where
        there here all any more than then so about into after before may must
        should would could how why yet still only also please each every other
        such own same just very been being yes no out up over under again further
        once his her hers him she he i'm it's don't isn't aren't can't won't
        """
    ),
    "uk": listed(
        """
        та що це як або від й і із зі щоб але ви ми він вона вони його її їх цей ця
        ці цього цю який яка яке які якщо коли де тут усі всі вже ще також лише
        тільки бути є був була було буде можна треба немає під над між після
        ваші наші свій своє свої чи адже ні з ласка
        """
    ),
    "ru": listed(
        """
        и что это как или от из к с со но мы он она они его её ее их этот эта это
        эти этого который которая которое которые если когда где здесь уже ещё еще
        также только быть есть был была было будет можно нужно нет после между
        ваши наши свой свои ли потому ни о бы чтобы себя всех может нельзя тогда
        пожалуйста спасибо сейчас сегодня да вы
        """
    ),
}
# Compared as written: English "I" is not Polish "i".
CASE_SENSITIVE_STOP_WORDS = {"i"}

# Weak evidence from the shape of lowercase words.
POLISH_SHAPES = re.compile(
    r"rz|cz|sz|dz|w[bcfgjkmptz]|(ych|ami|ach|owie|ego|ej|ja|je|ji|ii|na|k[aiou])$"
)
ENGLISH_SHAPES = re.compile(
    r"th|wh|sh|ph|gh|ck|ee|oo|ea|ou|ll|ss|[xqv]"
    r"|(ing|ion|ions|ly|ed|ies|age|[bdgkmnpt]s|[aeo]y)$"
)
RUSSIAN_SHAPES = re.compile(r"(ие|ия|ии|ию|ием|иям|иях|ой|ать|еть)$")
UKRAINIAN_SHAPES = re.compile(r"ьо|(ння|нню|ати|ити)$")

APOSTROPHES = "'’ʼ"
NEUTRAL = re.compile(
    r"""
    [\w.+-]+@[\w-]+(\.[\w-]+)+      # e-mail addresses
    | (https?://|www\.)\S+          # web addresses
    | /\S*                          # paths
    | \b\w*\d\w*\b                  # numbers, dates, codes
    """,
    re.VERBOSE,
)
WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{APOSTROPHES}](?=[^\W\d_]))*")

STRONG, STOP, WEAK = 2.0, 1.5, 1.0
# The winner needs this much evidence and this many times the runner-up's.
DECIDED, MARGIN = 1.5, 4.0


@dataclass(frozen=True)
class Detection:
    language: str | None  # decided language, or None
    script: tuple  # the languages the script allows, () when it says nothing
    substantial: bool  # enough words that the script alone is telling

    def excludes(self, language):
        """Whether this text is not in ``language``: decided as another, or
        written, at some length, in a script that language does not use."""
        if self.language:
            return self.language != language
        return self.substantial and bool(self.script) and language not in self.script

    @property
    def label(self):
        return self.language or "/".join(self.script)


def words_of(text):
    return WORD.findall(NEUTRAL.sub(" ", text))


def script_of(words):
    counts = {LATIN: 0, CYRILLIC: 0, ARABIC: 0}
    for character in "".join(words):
        if "a" <= character.lower() <= "z" or character.lower() in POLISH_LETTERS:
            counts[LATIN] += 1
        elif "\u0400" <= character <= "\u04ff":
            counts[CYRILLIC] += 1
        elif "\u0600" <= character <= "\u06ff":
            counts[ARABIC] += 1
    total = sum(counts.values())
    script, most = max(counts.items(), key=lambda item: item[1])
    # A text of mixed scripts is a quotation or a name: it says nothing alone.
    return script if total and most >= 0.8 * total else ()


def evidence(words, script):
    score = dict.fromkeys(script, 0.0)
    for position, word in enumerate(words):
        lower = word.lower()
        for language in score:
            stops = STOP_WORDS.get(language, ())
            key = word if lower in CASE_SENSITIVE_STOP_WORDS else lower
            if key in stops:
                score[language] += STOP
        # Letters and word shapes of a capitalised word may be a name's
        # ("Toruń" in English, "Київ" in Russian): only lowercase words count,
        # and the first, which a sentence capitalises.
        if position and not word[0].islower():
            continue
        letters = set(lower)
        if script == LATIN:
            if letters & POLISH_LETTERS:
                score["pl"] += STRONG
            elif POLISH_SHAPES.search(lower):
                score["pl"] += WEAK
            elif ENGLISH_SHAPES.search(lower):
                score["en"] += WEAK
        elif script == CYRILLIC:
            if letters & UKRAINIAN_LETTERS or set(APOSTROPHES) & letters:
                score["uk"] += STRONG
            if letters & RUSSIAN_LETTERS:
                score["ru"] += STRONG
            if RUSSIAN_SHAPES.search(lower):
                score["ru"] += WEAK
            if UKRAINIAN_SHAPES.search(lower):
                score["uk"] += WEAK
    return score


def is_belarusian(words):
    """ў, or і beside ы or э without и, щ or ъ: no Ukrainian or Russian text."""
    letters = set("".join(words).lower())
    return bool(letters & BELARUSIAN_LETTERS) or (
        "і" in letters
        and bool(letters & set("ыэ"))
        and not letters & NOT_BELARUSIAN_LETTERS
    )


def detect(text):
    """The language of a short visible text, as far as it can be decided."""
    words = [word for word in words_of(text) if len(word) > 1]
    tokens = words_of(text)
    script = script_of(words)
    # Capitalised words only ("Olena Kowalczuk", "Migrant Voices", "OK") are names.
    named_only = all(not word[0].islower() for word in words)
    substantial = len(words) >= 2 and not named_only
    if not words or not script:
        return Detection(None, script, False)
    if script == ARABIC:
        return Detection("ar" if len(words) >= 2 else None, script, substantial)
    if named_only:
        return Detection(None, script, False)
    if script == CYRILLIC and is_belarusian(words):
        return Detection("be", script, substantial)
    score = evidence(tokens, script)
    ranked = sorted(score.items(), key=lambda item: item[1], reverse=True)
    (best, most), (_, second) = ranked[0], ranked[1]
    if most >= DECIDED and most >= MARGIN * second:
        return Detection(best, script, substantial)
    return Detection(None, script, substantial)


# --- The HTML -----------------------------------------------------------------------

BLOCKS = listed(
    """
    a address article aside blockquote body br button caption dd details dialog div dl
    dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html
    label legend li main nav ol optgroup option p pre section select summary table
    tbody td textarea tfoot th thead title tr ul
    """
)
VOID = listed("area base br col embed hr img input link meta source track wbr")
NOT_SHOWN = {"script", "style", "template"}
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
BUTTON_INPUTS = {"submit", "button", "reset"}


@dataclass(frozen=True)
class TextViolation:
    url: str
    text: str
    expected: str  # the nearest lang attribute
    found: str  # what the detector decided
    where: str  # element, or element[attribute]

    def __str__(self):
        return (
            f"{self.url}: {self.where} lang={self.expected} "
            f"reads as {self.found}: {self.text!r}"
        )


@dataclass(frozen=True)
class LinkViolation:
    url: str
    href: str
    page_language: str
    target_language: str
    hreflang: str | None
    text: str

    def __str__(self):
        said = f'hreflang="{self.hreflang}"' if self.hreflang else "no hreflang"
        return (
            f"{self.url}: link to {self.target_language} ({self.href}) from a "
            f"{self.page_language} page with {said}: {self.text!r}"
        )


def language_of_url(url):
    """The site language a URL on this site leads to, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in (
        "",
        "testserver",
    ):
        return None
    first = parts.path.lstrip("/").split("/", 1)[0]
    return first if first in SITE_LANGUAGES else None


class PageReader(HTMLParser):
    """Collects the visible texts of a page, each with its nearest ``lang``, and
    its links, each with its ``hreflang`` and text."""

    def __init__(self, url, default_language):
        super().__init__(convert_charrefs=True)
        self.url = url
        # (tag, lang, hidden) of each open element.
        self.stack = [("", default_language, False)]
        self.texts = []  # (text, lang, where)
        self.links = []  # (href, hreflang, text)
        self.run = []
        self.open_links = []

    @property
    def lang(self):
        return self.stack[-1][1]

    @property
    def hidden(self):
        return self.stack[-1][2]

    def flush(self):
        text = " ".join("".join(self.run).split())
        if text:
            self.texts.append((text, self.lang, self.stack[-1][0]))
        self.run = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").split("-")[0].lower() or self.lang
        hidden = (
            self.hidden
            or tag in NOT_SHOWN
            or attributes.get("aria-hidden") == "true"
            or (tag == "input" and attributes.get("type") == "hidden")
        )
        if tag in BLOCKS or lang != self.lang or hidden != self.hidden:
            self.flush()
        if not hidden:
            for name in TEXT_ATTRIBUTES:
                if attributes.get(name):
                    self.texts.append((attributes[name], lang, f"{tag}[{name}]"))
            is_button = attributes.get("type") in BUTTON_INPUTS
            if tag == "input" and is_button and attributes.get("value"):
                self.texts.append((attributes["value"], lang, "input[value]"))
        if tag == "a" and attributes.get("href"):
            self.open_links.append(
                [attributes["href"], attributes.get("hreflang"), [], len(self.stack)]
            )
        if tag not in VOID:
            self.stack.append((tag, lang, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID or not any(open_tag == tag for open_tag, *_ in self.stack[1:]):
            return
        self.flush()
        while len(self.stack) > 1:
            open_tag, *_ = self.stack.pop()
            if open_tag == "a" and self.open_links:
                href, hreflang, text, _depth = self.open_links.pop()
                self.links.append((href, hreflang, " ".join("".join(text).split())))
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.hidden:
            return
        self.run.append(data)
        for link in self.open_links:
            link[2].append(data)

    def close(self):
        super().close()
        self.flush()


def read_page(html, url, default_language):
    reader = PageReader(url, default_language)
    reader.feed(html)
    reader.close()
    return reader


def check_page(html, url):
    """Every text and link of the page at ``url`` that breaks the language rules."""
    page_language = language_of_url(url)
    reader = read_page(html, url, page_language)
    violations = []
    for text, lang, where in reader.texts:
        detection = detect(text)
        if detection.excludes(lang):
            violations.append(TextViolation(url, text, lang, detection.label, where))
    for href, hreflang, text in reader.links:
        target = language_of_url(urljoin(url, href))
        if target and target != page_language and hreflang != target:
            violations.append(
                LinkViolation(url, href, page_language, target, hreflang, text)
            )
    return violations


def links_of(html, url):
    """The site paths (with query) an HTML page links to."""
    reader = read_page(html, url, language_of_url(url))
    found = []
    for href, _hreflang, _text in reader.links:
        parts = urlsplit(urljoin(url, href))
        if parts.netloc in ("", "testserver") and parts.scheme in ("", "http", "https"):
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found
