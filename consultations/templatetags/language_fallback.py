"""Marking a text shown in another language than the reader's (``portal.languages``):

    <dd{{ response|lang_attr }}>…</dd>{{ response|fallback_note }}

puts ``lang`` on the element and a short note in the reader's language after it."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from portal.languages import available_in

register = template.Library()


@register.filter
def lang_attr(version):
    code = getattr(version, "fallback_language", None)
    return format_html(' lang="{}"', code) if code else ""


@register.filter
def fallback_label(version):
    """The note as plain text (for e-mails), or ""."""
    code = getattr(version, "fallback_language", None)
    return str(available_in(code)) if code else ""


@register.filter
def fallback_note(version):
    label = fallback_label(version)
    if not label:
        return ""
    return format_html(
        ' <small class="language-note" lang="{}">({})</small>', get_language(), label
    )
