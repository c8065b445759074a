"""Who may do what in a consultation. Every view and template asks here.

Roles: anonymous visitors, logged-in accounts outside the consultation's group,
members (in the group that takes part) and editors (who may moderate). Phases come
from the consultation's dates: upcoming → open → closed.
"""

from datetime import timedelta

from django.utils import timezone

from consultations.models.records import Phase, Visibility

EDIT_WINDOW = timedelta(minutes=15)


def is_editor(user):
    if not user.is_authenticated:
        return False
    # Asked for every comment on a page; has_perm goes through every backend.
    if not hasattr(user, "_is_consultation_editor"):
        user._is_consultation_editor = user.has_perm("consultations.moderate_comment")
    return user._is_consultation_editor


def is_member(user, consultation):
    """Is the account in the group that takes part in this consultation?"""
    if not (
        user.is_authenticated and user.is_active and consultation.participant_group_id
    ):
        return False
    if not hasattr(user, "_consultation_group_ids"):
        # groups.all(): the groups may be fetched already (portal/wagtail_hooks.py).
        user._consultation_group_ids = {group.pk for group in user.groups.all()}
    return consultation.participant_group_id in user._consultation_group_ids


def can_view(user, consultation):
    if consultation.visibility == Visibility.PUBLIC:
        return True
    return is_member(user, consultation) or is_editor(user)


def can_take_part(user, consultation, now=None):
    """Take a stance, answer a poll, comment as a member."""
    return is_member(user, consultation) and consultation.phase(now) == Phase.OPEN


def can_comment(user, consultation, now=None):
    """Members while open; editors, as the organisation, once it has opened."""
    if can_take_part(user, consultation, now):
        return True
    return is_editor(user) and consultation.phase(now) != Phase.UPCOMING


def can_edit_comment(user, comment, now=None):
    now = now or timezone.now()
    return (
        _is_author(user, comment)
        and comment.withdrawn_at is None
        and comment.hidden_at is None
        and now - comment.created_at <= EDIT_WINDOW
        and comment.consultation.phase(now) == Phase.OPEN
    )


def can_withdraw_comment(user, comment, now=None):
    return (
        _is_author(user, comment)
        and comment.withdrawn_at is None
        and comment.consultation.phase(now) == Phase.OPEN
    )


def can_report_comment(user, comment):
    return (
        is_member(user, comment.consultation)
        and not _is_author(user, comment)
        and comment.withdrawn_at is None
        and comment.hidden_at is None
    )


def can_moderate(user):
    return is_editor(user)


def can_see_authors(user):
    """Only editors see which account wrote a comment behind its display name."""
    return is_editor(user)


def _is_author(user, comment):
    return user.is_authenticated and comment.author_id == user.pk


def can_see_results(user, consultation, now=None):
    """Editors always; members once it closes (or while open, if it says so); the
    public once editors publish the results of a public consultation."""
    if is_editor(user):
        return True
    phase = consultation.phase(now)
    if is_member(user, consultation) and (
        phase == Phase.CLOSED or (phase == Phase.OPEN and consultation.live_results)
    ):
        return True
    return (
        consultation.visibility == Visibility.PUBLIC and consultation.results_published
    )


def can_download_report(user, consultation):
    if is_editor(user):
        return True
    return (
        consultation.visibility == Visibility.PUBLIC and consultation.results_published
    )
