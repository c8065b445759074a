"""A recommendation's text is plain text with Markdown's bold and italics: shown as
<strong> and <em>, everything else escaped (consultations/text.py)."""

import pytest

from consultations.models.records import Visibility
from consultations.text import as_html, emphasised, escaped
from tests.consultations.conftest import make_consultation


def test_paragraphs_and_lines_are_shown_as_linebreaks_shows_them():
    assert as_html("Pierwszy akapit.\n\nDrugi:\n– ukraiński\n  – rosyjski\n") == (
        "<p>Pierwszy akapit.</p>\n\n<p>Drugi:<br>– ukraiński<br>  – rosyjski</p>"
    )
    assert as_html("") == ""


def test_bold_and_italics_are_shown_and_nothing_else_is_markup():
    html = as_html("**Bardzo** ważne, *pilne* i _teraz_. <b>x</b> & [link](/a) # nie")

    assert html == (
        "<p><strong>Bardzo</strong> ważne, <em>pilne</em> i <em>teraz</em>. "
        "&lt;b&gt;x&lt;/b&gt; &amp; [link](/a) # nie</p>"
    )


@pytest.mark.parametrize(
    "plain",
    ["5*3 = 15", "plik_nazwa.docx", "*zastrzeżenie", "_a_", "C:\\dane\\*", "**x**"],
)
def test_escaped_text_is_shown_as_it_was_written(plain):
    assert as_html(escaped(plain)) == f"<p>{plain}</p>"


def test_escaping_leaves_words_with_underscores_alone():
    assert escaped("plik_nazwa, *ważne*") == "plik_nazwa, \\*ważne\\*"


def test_marks_keep_the_spaces_around_them_outside():
    assert emphasised("Bardzo ", strong=True) == "**Bardzo** "
    assert emphasised(" pilne", em=True) == " *pilne*"
    assert emphasised("oba", strong=True, em=True) == "***oba***"
    assert emphasised("  ", strong=True) == "  "
    assert as_html(emphasised("oba", strong=True, em=True)) == (
        "<p><em><strong>oba</strong></em></p>"
    )


def test_the_recommendation_page_and_its_excerpt_show_the_emphasis(client, index_page):
    page = make_consultation(index_page, visibility=Visibility.PUBLIC, polls=False)
    item = page.recommendations.first()
    item.text = "Szpitale **muszą** zapewnić *bezpłatne* tłumaczenie. <script>x"
    item.save()
    page.save_revision().publish()
    recommendation = page.record.recommendations.order_by("number").first()

    overview = client.get(page.url).content.decode()
    single = client.get(
        f"{page.url}recommendations/{recommendation.pk}/"
    ).content.decode()

    for html in (overview, single):
        assert "Szpitale <strong>muszą</strong> zapewnić <em>bezpłatne</em>" in html
        assert "<script>x" not in html
