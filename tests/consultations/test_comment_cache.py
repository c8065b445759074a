"""Stored comments (``comment_body`` in consultation_tags.py): readers with the same
permissions share one rendering of a comment, each with their own CSRF token, and
every change to a comment or its author's name shows at once."""

import re

import pytest
from django.test import Client

from consultations import services
from consultations.models import MemberProfile
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(record, member, other_member):
    MemberProfile.objects.create(user=member, display_name="Kalyna")
    MemberProfile.objects.create(user=other_member, display_name="Irys")
    return services.post_comment(
        author=other_member, consultation=record, text="Pierwsze zdanie", language="pl"
    )


def page_for(user, url, **client_options):
    client = Client(**client_options)
    client.force_login(user)
    return client, client.get(url).content.decode()


def article(html, comment):
    start = html.index(f'id="comment-{comment.pk}"')
    return html[start : html.index("</article>", start)]


def test_a_reply_form_from_a_stored_comment_carries_the_readers_own_token(
    consultation_page, comment, member, other_member
):
    third = EditorFactory()  # an editor: a different kind of reader
    page_for(other_member, consultation_page.url)
    page_for(third, consultation_page.url)
    client, html = page_for(member, consultation_page.url, enforce_csrf_checks=True)

    section = article(html, comment)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', section)[1]
    response = client.post(
        consultation_page.url + "comments/",
        {
            "csrfmiddlewaretoken": token,
            "text": "Odpowiedź",
            "language": "pl",
            "parent": comment.pk,
        },
    )

    assert "<csrf-token-field>" not in html
    assert response.status_code == 302


def test_the_author_and_another_member_see_what_each_may_do(
    consultation_page, comment, member, other_member
):
    _client, for_author = page_for(other_member, consultation_page.url)
    _client, for_member = page_for(member, consultation_page.url)
    _client, again_for_author = page_for(other_member, consultation_page.url)

    for html in (for_author, again_for_author):
        assert ">Edytuj<" in article(html, comment)
        assert ">Zgłoś<" not in article(html, comment)
    assert ">Edytuj<" not in article(for_member, comment)
    assert ">Zgłoś<" in article(for_member, comment)


def test_an_edit_a_hiding_and_a_new_name_show_at_once(
    consultation_page, comment, member, other_member
):
    page_for(member, consultation_page.url)

    services.edit_comment(comment, "Poprawione zdanie")
    _client, edited = page_for(member, consultation_page.url)
    MemberProfile.objects.filter(user=other_member).update(display_name="Mak")
    _client, renamed = page_for(member, consultation_page.url)
    services.hide_comment(comment, EditorFactory(), "Spam")
    _client, hidden = page_for(member, consultation_page.url)

    assert "Poprawione zdanie" in article(edited, comment)
    assert "Irys" in article(edited, comment)
    assert "Mak" in article(renamed, comment)
    assert "Poprawione zdanie" not in article(hidden, comment)


def test_words_in_a_comment_never_receive_a_readers_token(
    consultation_page, record, member, other_member
):
    MemberProfile.objects.create(user=other_member, display_name="Irys")
    typed = "https://example.org/?t=__csrf_token__ <csrf-token-field> {{ csrf_token }}"
    comment = services.post_comment(
        author=other_member, consultation=record, text=typed, language="pl"
    )
    page_for(member, consultation_page.url)

    _client, html = page_for(member, consultation_page.url)

    text = article(html, comment).split('class="comment__text"')[1].split("</div>")[0]
    assert "csrfmiddlewaretoken" not in text
    assert "__csrf_token__" in text
    assert "&lt;csrf-token-field&gt;" in text


def test_an_unbound_comment_form_is_rendered_once_per_language_and_fields(
    monkeypatch,
):
    from django.utils import translation

    from consultations.forms import CommentForm
    from consultations.templatetags import consultation_tags

    rendered = []
    render = consultation_tags.render_to_string
    monkeypatch.setattr(consultation_tags, "_RENDERED_FORMS", {})
    monkeypatch.setattr(
        consultation_tags,
        "render_to_string",
        lambda *args: rendered.append(args) or render(*args),
    )

    def fields(language, **options):
        with translation.override(language):
            return consultation_tags.comment_form_fields(CommentForm(**options))

    polish = fields("pl")
    again = fields("pl")
    ukrainian = fields("uk")
    with_name = fields("pl", needs_display_name=True)
    about_one = fields("pl", initial={"recommendation": 1, "version": 2})
    about_another = fields("pl", initial={"recommendation": 7, "version": 2})
    with_errors = fields("pl", data={"text": "", "language": "pl"})
    errors_again = fields("pl", data={"text": "", "language": "pl"})

    assert polish == again and len(rendered) == 7
    assert 'name="recommendation" value="1"' in about_one
    assert 'name="recommendation" value="7"' in about_another
    assert "Twój komentarz" in polish and "Ваш коментар" in ukrainian
    assert 'name="display_name"' in with_name and 'name="display_name"' not in polish
    # A form with errors is rendered each time, with them.
    assert "Najpierw napisz komentarz." in with_errors
    assert with_errors == errors_again
