"""E-mail to members, in each member's language, sent in the background.

The kinds: a consultation opened; it closes in two days (to those who have not
responded); someone replied to my comment; a response was published on a
recommendation I commented on; a moderator hid one of my comments (with the
reason) or showed it again; a recommendation I took a stance on was reworded.
Each member can switch each kind off, and every e-mail carries a link that does so
without logging in. A ``Notification`` row per member, kind and subject keeps any
e-mail from going out twice.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Page

from consultations.access import ConsultationAccess
from consultations.models import (
    Comment,
    Consultation,
    MemberProfile,
    Notification,
    Recommendation,
    Stance,
)
from consultations.models.participation import NotificationKind
from portal.languages import Shown, localized

PREFERENCE = {
    NotificationKind.OPENING: "notify_opening",
    NotificationKind.CLOSING: "notify_closing",
    NotificationKind.REPLY: "notify_replies",
    NotificationKind.RESPONSE: "notify_responses",
    # One setting for both: hearing that a comment was hidden but not that it is
    # back would be worse than neither.
    NotificationKind.HIDDEN: "notify_moderation",
    NotificationKind.SHOWN: "notify_moderation",
    NotificationKind.REWORDED: "notify_rewording",
}
CLOSING_NOTICE = timedelta(days=2)
SALT = "consultations.notifications"


def profile_of(user):
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    return profile


def switch_off_token(user, kind):
    return signing.dumps({"user": user.pk, "kind": kind}, salt=SALT)


def read_switch_off_token(token):
    """(user id, kind) from a link in an e-mail; BadSignature if forged."""
    data = signing.loads(token, salt=SALT, max_age=timedelta(days=365))
    if data.get("kind") not in PREFERENCE:
        raise signing.BadSignature("unknown kind")
    return data["user"], data["kind"]


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def consultation_page(consultation, language):
    """The consultation's live page in the member's language if it exists, else
    the original; None once the page is gone."""
    pages = (
        Page.objects.live()
        .filter(translation_key=consultation.key)
        .select_related("locale")
        .specific()
    )
    return next((p for p in pages if p.locale.language_code == language), None) or next(
        (p for p in pages if p.locale_id == consultation.source_locale_id), None
    )


def consultation_title(consultation, page, language):
    """The title in the member's language, or the original's, marked as such."""
    if page is None:
        code = consultation.source_locale.language_code
        return Shown(consultation.title, None if code == language else code)
    code = page.locale.language_code
    return Shown(page.title, None if code == language else code)


def consultation_url(consultation, language, subpage=None, args=(), page=None):
    page = page or consultation_page(consultation, language)
    if page is None:
        return None
    url = page.url
    if subpage:
        url += page.reverse_subpage(subpage, args=args)
    return absolute(url)


@task()
def send_notification(member_id, kind, subject_key, **details):
    member = get_user_model().objects.filter(pk=member_id, is_active=True).first()
    if member is None or not member.email:
        return False
    profile = profile_of(member)
    if not getattr(profile, PREFERENCE[kind]):
        return False
    if Notification.objects.filter(
        member=member, kind=kind, subject_key=subject_key
    ).exists():
        return False  # sent before
    with translation.override(profile.language):
        found = _details(kind, profile.language, member=member, **details)
    if found is None:
        return False  # no longer anything to tell this member
    try:
        with transaction.atomic():
            claim = Notification.objects.create(
                member=member, kind=kind, subject_key=subject_key
            )
    except IntegrityError:
        return False  # sent before
    with translation.override(profile.language):
        context = {
            "member": member,
            "display_name": profile.display_name or member.get_short_name() or "",
            "switch_off_url": absolute(
                reverse("notifications_off", args=[switch_off_token(member, kind)])
            ),
            "preferences_url": absolute(reverse("notification_preferences")),
            **found,
        }
        subject = render_to_string(f"consultations/email/{kind}_subject.txt", context)
        body = render_to_string(f"consultations/email/{kind}_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [member.email])
    except Exception:
        claim.delete()  # let a retry send it
        raise
    return True


def _details(kind, language, member, **details):
    """What an e-mail of this kind says, or None if it should not go after all."""
    return DETAILS[kind](language, member=member, **details)


def _consultation_details(language, member, consultation_id):
    consultation = Consultation.objects.select_related("source_locale").get(
        pk=consultation_id
    )
    page = consultation_page(consultation, language)
    return {
        "consultation": consultation,
        "title": consultation_title(consultation, page, language),
        "url": consultation_url(consultation, language, page=page),
    }


def _comment_url(comment, language, page):
    if comment.recommendation_id:
        url = consultation_url(
            comment.consultation,
            language,
            "recommendation",
            [comment.recommendation_id],
            page=page,
        )
    else:
        url = consultation_url(comment.consultation, language, page=page)
    return url and f"{url}#comment-{comment.pk}"


def _reply_details(language, member, comment_id):
    reply = Comment.objects.select_related(
        "consultation__source_locale", "recommendation"
    ).get(pk=comment_id)
    page = consultation_page(reply.consultation, language)
    return {
        "consultation": reply.consultation,
        "title": consultation_title(reply.consultation, page, language),
        "reply": reply,
        "url": _comment_url(reply, language, page),
    }


def _moderation_details(language, member, comment_id, reason=""):
    """A hidden comment (with the moderator's reason as it was given) or one shown
    again; the link only if its author may still read the consultation."""
    comment = Comment.objects.select_related(
        "consultation__source_locale", "recommendation"
    ).get(pk=comment_id)
    consultation = comment.consultation
    page = consultation_page(consultation, language)
    may_view = ConsultationAccess(member, consultation).can("view")
    return {
        "consultation": consultation,
        "title": consultation_title(consultation, page, language),
        "comment": comment,
        "reason": reason,
        "url": _comment_url(comment, language, page) if may_view else None,
    }


def _response_details(language, member, recommendation_id):
    recommendation = Recommendation.objects.select_related(
        "consultation__source_locale"
    ).get(pk=recommendation_id)
    consultation = recommendation.consultation
    page = consultation_page(consultation, language)
    url = consultation_url(
        consultation, language, "recommendation", [recommendation.pk], page=page
    )
    response = next(
        iter(localized(recommendation.responses.all(), language).values()), None
    )
    return {
        "consultation": consultation,
        "title": consultation_title(consultation, page, language),
        "recommendation": recommendation,
        "response": response,
        "url": url and f"{url}#outcome",
    }


def _rewording_details(language, member, recommendation_id, version):
    """Sent only while the member's stance is still on a wording older than
    ``version`` and they may read the consultation; the confirm step is offered
    only to those who may still take a stance. The wording itself is left to the
    page, which shows it in the reader's language or says it is not translated
    yet, and what changed."""
    recommendation = Recommendation.objects.select_related(
        "consultation__source_locale"
    ).get(pk=recommendation_id)
    consultation = recommendation.consultation
    access = ConsultationAccess(member, consultation)
    stance_is_older = Stance.objects.filter(
        recommendation=recommendation, member=member, draft_version__lt=version
    ).exists()
    if not (stance_is_older and access.can("view")):
        return None
    page = consultation_page(consultation, language)
    return {
        "consultation": consultation,
        "title": consultation_title(consultation, page, language),
        "recommendation": recommendation,
        "may_confirm": access.can("stance"),
        "url": consultation_url(
            consultation, language, "recommendation", [recommendation.pk], page=page
        ),
    }


DETAILS = {
    NotificationKind.OPENING: _consultation_details,
    NotificationKind.CLOSING: _consultation_details,
    NotificationKind.REPLY: _reply_details,
    NotificationKind.RESPONSE: _response_details,
    NotificationKind.HIDDEN: _moderation_details,
    NotificationKind.SHOWN: _moderation_details,
    NotificationKind.REWORDED: _rewording_details,
}


def _enqueue(member_id, kind, subject_key, **details):
    transaction.on_commit(
        lambda: send_notification.enqueue(member_id, kind, subject_key, **details)
    )


def notify_reply(reply):
    parent = reply.parent
    if (
        parent is None
        or parent.author_id in (None, reply.author_id)
        or parent.is_official
    ):
        return
    _enqueue(
        parent.author_id,
        NotificationKind.REPLY,
        f"comment:{reply.pk}",
        comment_id=reply.pk,
    )


def notify_response(recommendation):
    authors = (
        Comment.objects.filter(recommendation=recommendation, is_official=False)
        .exclude(author=None)
        .values_list("author", flat=True)
        .distinct()
    )
    for author_id in authors:
        _enqueue(
            author_id,
            NotificationKind.RESPONSE,
            f"response:{recommendation.pk}",
            recommendation_id=recommendation.pk,
        )


def notify_moderation(comment, kind, editor, since):
    """Tell a comment's author that a moderator hid it (``since``: when) or showed
    it again (``since``: when it had been hidden): one e-mail per hiding and one
    per showing again, however often the moderator's form is sent."""
    if (
        comment.author_id is None
        or comment.is_official
        or (editor is not None and ConsultationAccess(editor).is_author(comment))
        or comment.withdrawn_at is not None
    ):
        return
    details = {"comment_id": comment.pk}
    if kind == NotificationKind.HIDDEN:
        # As given now: if the comment is shown again before the e-mail goes,
        # the reason is gone from the comment.
        details["reason"] = comment.hidden_reason
    _enqueue(
        comment.author_id,
        kind,
        f"{kind}:{comment.pk}:{since:%Y%m%d%H%M%S%f}",
        **details,
    )


def notify_rewording(consultation, recommendations):
    """Tell each member whose stance on a reworded recommendation is on an earlier
    wording: one e-mail per recommendation and draft version."""
    version = consultation.draft_version
    stances = (
        Stance.objects.filter(
            recommendation__in=recommendations, draft_version__lt=version
        )
        .exclude(member=None)
        .values_list("member", "recommendation")
    )
    for member_id, recommendation_id in stances:
        _enqueue(
            member_id,
            NotificationKind.REWORDED,
            f"reworded:{recommendation_id}:{version}",
            recommendation_id=recommendation_id,
            version=version,
        )


def send_due_reminders(now=None):
    """Opening and closing-soon e-mails for consultations whose page is live.
    Safe to run as often as you like (e.g. every 15 minutes from cron)."""
    now = now or timezone.now()
    live_keys = Page.objects.live().values_list("translation_key", flat=True)
    open_now = Consultation.objects.open(now).filter(key__in=live_keys)
    enqueued = 0
    for consultation in open_now:
        team = list(consultation.team().values_list("pk", flat=True))
        for member_id in _not_yet_told(team, NotificationKind.OPENING, consultation):
            _enqueue(
                member_id,
                NotificationKind.OPENING,
                f"opening:{consultation.pk}",
                consultation_id=consultation.pk,
            )
            enqueued += 1
        if consultation.closes_at - now <= CLOSING_NOTICE:
            responded = set(
                Stance.objects.filter(
                    recommendation__consultation=consultation, member__in=team
                ).values_list("member", flat=True)
            )
            waiting = [m for m in team if m not in responded]
            for member_id in _not_yet_told(
                waiting, NotificationKind.CLOSING, consultation
            ):
                _enqueue(
                    member_id,
                    NotificationKind.CLOSING,
                    f"closing:{consultation.pk}",
                    consultation_id=consultation.pk,
                )
                enqueued += 1
    return enqueued


def _not_yet_told(member_ids, kind, consultation):
    told = set(
        Notification.objects.filter(
            kind=kind, subject_key=f"{kind}:{consultation.pk}", member__in=member_ids
        ).values_list("member", flat=True)
    )
    return [member_id for member_id in member_ids if member_id not in told]
