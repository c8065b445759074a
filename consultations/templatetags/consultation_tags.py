from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from consultations import rules
from consultations.forms import CommentForm

register = template.Library()


@register.filter
def author_label(comment):
    """What others see as a comment's author: never the account's real name."""
    if comment.is_official:
        return _("Migrant Voices team")
    if comment.author_id is None:
        return _("Former member")
    try:
        return comment.author.member_profile.display_name
    except ObjectDoesNotExist:
        return _("Member")


@register.simple_tag(takes_context=True)
def comment_permissions(context, comment):
    user = context["request"].user
    record = context["record"]
    comment.consultation = record  # the rules read the phase from it; saves a query
    open_thread = comment.withdrawn_at is None and comment.hidden_at is None
    return {
        "reply": open_thread and context.get("can_comment", False),
        "edit": rules.can_edit_comment(user, comment),
        "withdraw": rules.can_withdraw_comment(user, comment),
        "report": rules.can_report_comment(user, comment),
        "see_text": open_thread
        or (
            comment.hidden_at
            and (comment.author_id == user.pk or rules.is_editor(user))
        ),
        "see_account": rules.can_see_authors(user),
    }


@register.simple_tag(takes_context=True)
def reply_form(context, comment):
    return CommentForm(
        auto_id=f"reply-{comment.pk}-%s",
        needs_display_name=context.get("needs_display_name", False),
        initial={"parent": comment.pk},
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")
