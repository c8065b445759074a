import hashlib
from collections import OrderedDict
from contextlib import suppress

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import (
    routablepageurl,
)

from consultations import names
from consultations.forms import CommentForm
from consultations.models import Comment
from consultations.text import as_html

register = template.Library()


@register.filter
def with_emphasis(text):
    """A recommendation's text as HTML: paragraphs, lines, bold and italics
    (consultations/text.py)."""
    return as_html(text)


@register.filter
def author_label(comment):
    """What others see as a comment's author: never the account's real name."""
    if comment.is_official:
        return str(names.ORGANISATION)
    if comment.author_id is None:
        return str(names.FORMER_MEMBER)
    try:
        return comment.author.member_profile.display_name
    except ObjectDoesNotExist:
        return str(names.UNNAMED_MEMBER)


def comment_permissions(context, comment):
    """What the reader may see of a comment and do with it: the page's policy
    answers (``ConsultationAccess.comment_rights``)."""
    return context["access"].comment_rights(comment)


# Where a stored comment's forms take the CSRF token field: each response puts its
# own in. Markup, so that no escaped text (a comment, a name) can contain it.
CSRF_SLOT = "<csrf-token-field>"
BODY_TEMPLATE = "consultations/includes/comment_body.html"
MESSAGES_TEMPLATE = "includes/placed_messages.html"
FORM_TEMPLATE = "includes/form.html"


@register.simple_tag(takes_context=True)
def comment_body(context, comment):
    """A comment as this reader may see it, with what the reader may do with it.

    Readers with the same permissions on a comment see the same thing, so it is kept
    in the cache under a key made of all it shows: every field of the comment, its
    author's display name, the permissions, the page's address and the language. An
    edit, a hiding, a withdrawal or a new display name makes a new key. Its forms
    carry a slot for the CSRF token field, filled with this response's own."""
    request = context["request"]
    allowed = comment_permissions(context, comment)
    needs_display_name = context.get("needs_display_name", False)
    timeout = settings.PAGE_CACHE_SECONDS
    if not timeout or getattr(request, "is_preview", False):
        html = _render_body(context, comment, allowed, needs_display_name)
    else:
        key = _body_key(context, comment, allowed, needs_display_name)
        html = _stored_bodies(context).get(key)
        if html is None:
            html = _render_body(context, comment, allowed, needs_display_name)
            cache.set(key, html, timeout)
    if CSRF_SLOT in html:
        if not hasattr(request, "_csrf_field_for_comments"):
            request._csrf_field_for_comments = format_html(
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
                get_token(request),
            )
        html = html.replace(CSRF_SLOT, request._csrf_field_for_comments)
    return mark_safe(html)  # noqa: S308


@register.simple_tag(takes_context=True)
def comment_thread(context, comment):
    """A comment with its replies, each under the messages about it (a page of
    threads has forty comments: built here rather than by an include each)."""
    messages = [
        message
        for message in context.get("messages") or ()
        if (message.extra_tags or "").startswith("comment-")
    ]
    return _thread(context, comment, messages)


def _thread(context, comment, messages):
    anchor = f"comment-{comment.pk}"
    placed = [m for m in messages if m.extra_tags == anchor]
    replies = mark_safe(  # noqa: S308 (built of escaped parts)
        "".join(_thread(context, child, messages) for child in comment.children)
    )
    return format_html(
        '<li class="comment{}" id="{}">{}{}{}</li>',
        " comment--official" if comment.is_official else "",
        anchor,
        render_to_string(MESSAGES_TEMPLATE, {"messages": placed}) if placed else "",
        comment_body(context, comment),
        format_html('<ol class="comment-list comment-list--replies">{}</ol>', replies)
        if comment.children
        else "",
    )


def _render_body(context, comment, allowed, needs_display_name):
    values = {
        "page": context["page"],
        "request": context["request"],
        "comment": comment,
        "allowed": allowed,
        "needs_display_name": needs_display_name,
        "csrf_slot": mark_safe(CSRF_SLOT),  # noqa: S308
    }
    return render_to_string(BODY_TEMPLATE, values)


def _stored_bodies(context):
    """Every comment of the page of threads, fetched from the cache together."""
    request = context["request"]
    if not hasattr(request, "_stored_comment_bodies"):
        needs_display_name = context.get("needs_display_name", False)
        keys = [
            _body_key(
                context,
                comment,
                comment_permissions(context, comment),
                needs_display_name,
            )
            for comment in _on_page(context.get("threads") or [])
        ]
        request._stored_comment_bodies = cache.get_many(keys) if keys else {}
    return request._stored_comment_bodies


def _on_page(comments):
    for comment in comments:
        yield comment
        yield from _on_page(getattr(comment, "children", []))


def _body_key(context, comment, allowed, needs_display_name):
    if not hasattr(comment, "_body_key"):
        comment._body_key = _new_body_key(context, comment, allowed, needs_display_name)
    return comment._body_key


def _new_body_key(context, comment, allowed, needs_display_name):
    fields = [getattr(comment, f.attname) for f in Comment._meta.concrete_fields]
    account = comment.author.username if comment.author_id else None
    parts = [
        fields,
        author_label(comment),
        account if allowed["see_account"] else None,
        sorted(allowed.items()),
        needs_display_name,
        _page_url(context),
        get_language(),
    ]
    return "comment:" + hashlib.sha256(repr(parts).encode()).hexdigest()


# Stands for the comment's id in the reply fields rendered once per response.
_PARENT = "__comment__"


@register.simple_tag(takes_context=True)
def reply_fields(context, comment):
    """The fields of the reply form under a comment.

    Every comment on a page has one, and they differ only in the comment's id: the
    fields are rendered by Django once per response, with a stand-in id that is then
    replaced (ids are integers, so the replacement needs no escaping)."""
    needs_display_name = context.get("needs_display_name", False)
    request = context["request"]
    if not hasattr(request, "_reply_fields"):
        request._reply_fields = {}
    key = (get_language(), needs_display_name)
    if key not in request._reply_fields:
        form = CommentForm(
            auto_id=f"reply-{_PARENT}-%s",
            needs_display_name=needs_display_name,
            initial={"parent": _PARENT},
        )
        request._reply_fields[key] = render_to_string(
            "includes/form.html", {"form": form}
        )
    fields = request._reply_fields[key]
    return mark_safe(fields.replace(_PARENT, str(int(comment.pk))))  # noqa: S308


# Unbound comment forms as rendered, by what their rendering depends on: the
# language and the form's own fields and initial values (all code, no data).
_RENDERED_FORMS = OrderedDict()
MOST_RENDERED_FORMS = 256


@register.simple_tag
def comment_form_fields(form):
    """``includes/form.html`` for a comment form. Each page has one; unbound, its
    fields render the same for everyone reading in a language, so each process
    renders them once (as the reply fields are rendered once per response). A
    form with the member's words or errors is rendered every time."""
    if form.is_bound:
        return render_to_string(FORM_TEMPLATE, {"form": form})
    key = repr(
        (
            f"{type(form).__module__}.{type(form).__qualname__}",
            get_language(),
            list(form.fields),
            sorted(form.initial.items()),
            form.auto_id,
            form.prefix,
        )
    )
    html = _RENDERED_FORMS.get(key)
    if html is None:
        html = render_to_string(FORM_TEMPLATE, {"form": form})
        _RENDERED_FORMS[key] = html
        if len(_RENDERED_FORMS) > MOST_RENDERED_FORMS:
            # Another thread may have emptied it meanwhile.
            with suppress(KeyError):
                _RENDERED_FORMS.popitem(last=False)
    return html


@register.simple_tag(takes_context=True)
def route_url(context, name, *args):
    """``{% routablepageurl page name *args %}`` for the page being shown, which
    looks the page's own address up once per response rather than once per link
    (a page of comments has four links each)."""
    return _page_url(context) + context["page"].reverse_subpage(name, args=args)


def _page_url(context):
    page, request = context["page"], context["request"]
    if getattr(request, "_page_url_of", None) != page.pk:
        request._page_url = routablepageurl(context, page, "overview")
        request._page_url_of = page.pk
    return request._page_url


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
