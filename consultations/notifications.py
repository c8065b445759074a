"""E-mail to members, in each member's language, sent in the background.

Four kinds: a consultation opened; it closes in two days (to those who have not
responded); someone replied to my comment; a response was published on a
recommendation I commented on. Each member can switch each kind off, and every
e-mail carries a link that does so without logging in. A ``Notification`` row per
member, kind and subject keeps any e-mail from going out twice.
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
            **_details(kind, profile.language, **details),
        }
        subject = render_to_string(f"consultations/email/{kind}_subject.txt", context)
        body = render_to_string(f"consultations/email/{kind}_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [member.email])
    except Exception:
        claim.delete()  # let a retry send it
        raise
    return True


def _details(
    kind, language, consultation_id=None, comment_id=None, recommendation_id=None
):
    if kind in (NotificationKind.OPENING, NotificationKind.CLOSING):
        consultation = Consultation.objects.select_related("source_locale").get(
            pk=consultation_id
        )
        page = consultation_page(consultation, language)
        return {
            "consultation": consultation,
            "title": consultation_title(consultation, page, language),
            "url": consultation_url(consultation, language, page=page),
        }
    if kind == NotificationKind.REPLY:
        reply = Comment.objects.select_related(
            "consultation__source_locale", "recommendation"
        ).get(pk=comment_id)
        page = consultation_page(reply.consultation, language)
        if reply.recommendation_id:
            url = consultation_url(
                reply.consultation,
                language,
                "recommendation",
                [reply.recommendation_id],
                page=page,
            )
        else:
            url = consultation_url(reply.consultation, language, page=page)
        return {
            "consultation": reply.consultation,
            "title": consultation_title(reply.consultation, page, language),
            "reply": reply,
            "url": url and f"{url}#comment-{reply.pk}",
        }
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
