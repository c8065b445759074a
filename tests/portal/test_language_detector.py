"""The detector the language crawl relies on (tests/languages.py), tried on the
portal's own translated interface and on texts it must leave undecided."""

import re
from pathlib import Path

import polib
import pytest

from tests.languages import check_page, detect, words_of

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLACEHOLDERS = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}|<[^>]+>")


def catalogue_texts(language):
    """Every translated string of a catalogue, placeholders and markup removed.
    English is the source language: its msgid is the text where msgstr is empty."""
    texts = []
    for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po")):
        if entry.obsolete:
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            text = text or (entry.msgid if language == "en" else "")
            text = PLACEHOLDERS.sub(" ", text).strip()
            if text:
                texts.append(text)
    return texts


@pytest.mark.parametrize("language", ["pl", "uk", "en", "ru"])
def test_no_catalogue_text_is_taken_for_another_language(language):
    wrong = [
        (text, detect(text).language)
        for text in catalogue_texts(language)
        if detect(text).language not in (None, language)
    ]

    assert wrong == []


@pytest.mark.parametrize("language", ["pl", "uk", "en", "ru"])
def test_most_catalogue_texts_are_decided_right(language):
    texts = catalogue_texts(language)
    sentences = [text for text in texts if len(words_of(text)) >= 4]

    right = [text for text in texts if detect(text).language == language]
    right_sentences = [text for text in sentences if detect(text).language == language]

    assert len(texts) > 300 and len(sentences) > 100
    # Single words ("City", "Місто") are often undecidable; sentences rarely.
    assert len(right) / len(texts) > 0.5
    assert len(right_sentences) / len(sentences) > 0.9


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bez tłumacza nie da się opisać lekarzowi objawów.", "pl"),
        ("Kluby i sieci", "pl"),
        ("Dzieci po wojnie potrzebują tego najbardziej.", "pl"),
        ("Перекладач у лікарні потрібен щодня.", "uk"),
        ("Клуби та мережі", "uk"),
        ("Переводчик в больнице нужен каждый день.", "ru"),
        ("Клубы и сети", "ru"),
        ("There are no consultations for you", "en"),
        ("Clubs and networks", "en"),
        ("Перакладчык у бальніцы патрэбны кожны дзень.", "be"),
        ("الدعم النفسي بلغتنا مهم جدا للأطفال.", "ar"),
    ],
)
def test_sentences_are_decided(text, language):
    assert detect(text).language == language


@pytest.mark.parametrize(
    "text",
    [
        "OK",
        "42",
        "12.05.2025",
        "17:30–19:30",
        "kontakt@example.org",
        "https://www.youtube.com/watch?v=abc",
        "Toruń",
        "Київ",
        "Olena Kowalczuk",
        "Migrant Voices",
        "Regionalny Zespół Migrantów",
        "PDF, 2 MB",
        "« »",
        "—",
    ],
)
def test_short_and_neutral_texts_are_undecided(text):
    detection = detect(text)

    assert detection.language is None
    assert not any(detection.excludes(code) for code in ["pl", "uk", "en", "ru"])


def test_an_english_sentence_naming_a_polish_town_stays_english():
    assert detect("Meetings in Toruń every Thursday").language == "en"
    assert detect("Зустрічі в Торуні щочетверга").language == "uk"


def test_a_longer_cyrillic_text_is_not_english_even_when_undecided():
    detection = detect("форма заявки")

    assert detection.language is None
    assert detection.excludes("en") and detection.excludes("pl")
    assert not detection.excludes("uk") and not detection.excludes("ru")


PAGE = """<!DOCTYPE html><html lang="uk"><head><title>Кампанії | Голос мігрантів</title>
<script>var text = "To jest zdanie po polsku, którego nikt nie widzi.";</script>
<style>.a::after { content: "Zdanie w stylu, którego też nie widać." }</style></head>
<body><main>
<p>Це речення написане українською мовою.</p>
<p>A to zdanie jest po polsku i nikt go nie oznaczył.</p>
<p lang="pl">To zdanie jest po polsku i ma swój atrybut.</p>
<p>Українське речення з
<a href="/pl/o-nas/">linkiem, który prowadzi do polskiej strony</a>.</p>
<a href="/pl/o-nas/" hreflang="pl" lang="pl">O nas</a>
<a href="/uk/pro-nas/">Про нас</a>
<a href="https://example.org/pl/">example</a>
<img src="x.png" alt="Zdjęcie przedstawia spotkanie klubu w bibliotece">
<span aria-hidden="true">Ten tekst jest ukryty przed czytnikami ekranu.</span>
<input type="hidden" name="q" value="To jest ukryta wartość formularza.">
<input placeholder="Wpisz tutaj swoje pytanie do nas">
<button title="Wyślij formularz do organizacji">Надіслати</button>
</main></body></html>"""


def test_the_checker_reports_every_untagged_foreign_text_and_link_at_once():
    found = {
        (type(v).__name__, getattr(v, "text", ""), getattr(v, "where", ""))
        for v in check_page(PAGE, "/uk/kampanii/")
    }

    assert found == {
        (
            "TextViolation",
            "A to zdanie jest po polsku i nikt go nie oznaczył.",
            "p",
        ),
        ("TextViolation", "linkiem, który prowadzi do polskiej strony", "a"),
        ("LinkViolation", "linkiem, który prowadzi do polskiej strony", ""),
        (
            "TextViolation",
            "Zdjęcie przedstawia spotkanie klubu w bibliotece",
            "img[alt]",
        ),
        ("TextViolation", "Wpisz tutaj swoje pytanie do nas", "input[placeholder]"),
        ("TextViolation", "Wyślij formularz do organizacji", "button[title]"),
    }


def test_a_link_with_the_wrong_hreflang_is_reported():
    html = (
        '<html lang="en"><body><a href="/ru/" hreflang="uk">Русский</a></body></html>'
    )

    (violation,) = [v for v in check_page(html, "/en/") if not hasattr(v, "where")]

    assert (violation.target_language, violation.hreflang) == ("ru", "uk")
