"""A member's own corner: the start page after login, e-mail settings,
everything they said, and leaving."""

import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from consultations.access import ConsultationAccess, viewable
from consultations.forms import DeleteAccountForm, PreferencesForm
from consultations.models import (
    Comment,
    CommentEdit,
    CommentReport,
    Consultation,
    ConsultationPage,
    MemberProfile,
    PollAnswer,
    RecommendationResponse,
    Stance,
)
from consultations.notifications import PREFERENCE, profile_of, read_switch_off_token
from consultations.services import PageTexts
from events.teams import member_start
from portal.languages import Shown, choose_versions

# The most replies and responses the start page lists as new.
NEWS_SHOWN = 20


@dataclass
class Link:
    """A consultation's page for one reader: their language's, else the
    original's, with its title marked as in another language."""

    title: Shown
    url: str | None

    def to(self, subpage_url="", anchor=""):
        if self.url is None:
            return None
        return self.url + subpage_url + (f"#{anchor}" if anchor else "")


class ConsultationLinks:
    """The live pages of some consultations, in one query."""

    def __init__(self, request, consultations, language):
        self.request, self.language = request, language
        keys = {consultation.key for consultation in consultations}
        self.pages = {}
        for page in (
            ConsultationPage.objects.live()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("pk")
        ):
            self.pages.setdefault(page.translation_key, {})[page.locale_id] = page

    def page(self, consultation):
        pages = self.pages.get(consultation.key, {})
        own = next(
            (p for p in pages.values() if p.locale.language_code == self.language),
            None,
        )
        return own or pages.get(consultation.source_locale_id)

    def __call__(self, consultation):
        page = self.page(consultation)
        if page is None:
            code = consultation.source_locale.language_code
            return Link(Shown(consultation.title, _other(code, self.language)), None)
        code = page.locale.language_code
        return Link(
            Shown(page.title, _other(code, self.language)), page.get_url(self.request)
        )

    def recommendation(self, consultation, recommendation_id, anchor=""):
        page = self.page(consultation)
        if page is None:
            return None
        subpage = page.reverse_subpage("recommendation", args=[recommendation_id])
        return self(consultation).to(subpage, anchor)


def _other(code, language):
    return None if code == language else code


def open_consultations(user, links, consultations):
    """The open consultations this person may read, with their progress where
    they take part: the policy decides both."""
    taken = dict(
        Stance.objects.filter(
            member=user,
            recommendation__consultation__in=consultations,
            recommendation__archived_at=None,
        )
        .values_list("recommendation__consultation")
        .annotate(n=Count("pk"))
    )
    shown = []
    for consultation in consultations:
        link = links(consultation)
        if link.url is None:
            continue  # no live page to go to
        shown.append(
            {
                "consultation": consultation,
                "link": link,
                "takes_part": ConsultationAccess(user, consultation).can("take_part"),
                "taken": taken.get(consultation.pk, 0),
                "total": consultation.recommendation_count,
            }
        )
    return shown


def start_page(request, profile, now=None):
    """What a person finds after login: the consultations open to them, with
    their progress, and the replies to their comments and the responses
    published since their last visit (or since they joined)."""
    user, language = request.user, get_language()
    since = profile.last_seen_at or user.date_joined
    consultations = list(
        Consultation.objects.open(now)
        .filter(viewable(user))
        .select_related("source_locale")
        .annotate(
            recommendation_count=Count(
                "recommendations", filter=Q(recommendations__archived_at=None)
            )
        )
        .order_by("closes_at", "pk")
    )
    replies = list(
        Comment.objects.filter(
            viewable(user, "consultation__"),
            parent__author=user,
            created_at__gt=since,
            withdrawn_at=None,
            hidden_at=None,
        )
        .exclude(author=user)
        .select_related("consultation__source_locale", "author__member_profile")
        .order_by("-created_at", "-pk")[:NEWS_SHOWN]
    )
    # Every language's copy of a response carries the same publication date.
    responses = list(
        RecommendationResponse.objects.filter(
            viewable(user, "recommendation__consultation__"),
            published_at__gt=since,
        )
        .select_related("locale", "recommendation__consultation__source_locale")
        .order_by("-published_at", "-pk")[: NEWS_SHOWN * len(settings.LANGUAGES)]
    )
    responses = sorted(
        choose_versions(responses, language).values(),
        key=lambda response: response.published_at,
        reverse=True,
    )[:NEWS_SHOWN]
    links = ConsultationLinks(
        request,
        consultations
        + [reply.consultation for reply in replies]
        + [response.recommendation.consultation for response in responses],
        language,
    )
    return {
        "since": profile.last_seen_at,
        "consultations": open_consultations(user, links, consultations),
        "replies": [
            {
                "comment": reply,
                "link": links(reply.consultation),
                "url": links.recommendation(
                    reply.consultation, reply.recommendation_id, f"comment-{reply.pk}"
                )
                if reply.recommendation_id
                else links(reply.consultation).to(anchor=f"comment-{reply.pk}"),
            }
            for reply in replies
        ],
        "responses": [
            {
                "response": response,
                "link": links(response.recommendation.consultation),
                "url": links.recommendation(
                    response.recommendation.consultation,
                    response.recommendation_id,
                    "outcome",
                ),
            }
            for response in responses
        ],
    }


@never_cache
@login_required
def start(request):
    """The account page, where people land after login."""
    profile = profile_of(request.user)
    context = start_page(request, profile)
    # After computing what is new: it is not new on the next visit.
    MemberProfile.objects.filter(pk=profile.pk).update(last_seen_at=timezone.now())
    return TemplateResponse(
        request,
        "consultations/account/start.html",
        {"profile": profile, **context, **member_start(request.user, get_language())},
    )


@never_cache
@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, instance=profile_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("notification_preferences")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "consultations/account/preferences.html", {"form": form}, status=status
    )


@never_cache
def switch_off(request, token):
    """The link in every e-mail: asks once, switches that kind of e-mail off."""
    try:
        user_id, kind = read_switch_off_token(token)
    except signing.BadSignature:
        return TemplateResponse(
            request,
            "consultations/account/switch_off.html",
            {"invalid": True},
            status=400,
        )
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return TemplateResponse(
            request,
            "consultations/account/switch_off.html",
            {"invalid": True},
            status=400,
        )
    profile = profile_of(user)
    field = PREFERENCE[kind]
    label = MemberProfile._meta.get_field(field).verbose_name
    if request.method == "POST":
        setattr(profile, field, False)
        profile.save(update_fields=[field])
        return TemplateResponse(
            request,
            "consultations/account/switch_off.html",
            {"done": True, "label": label},
        )
    return TemplateResponse(
        request, "consultations/account/switch_off.html", {"label": label}
    )


def own_data(user, locale=None):
    """Everything the portal holds that this member said or chose.

    With ``locale`` (for the page, not the export): each entry also has ``shown``,
    the consultation's title and the poll's wording as that language's pages say
    them, else the original's, marked with its language.

    Times are datetimes: the page shows them in the reader's time zone, the JSON
    export writes them in ISO 8601. Of a report, nothing says who else reported the
    comment, who wrote it or which moderator resolved it."""
    profile = MemberProfile.objects.filter(user=user).first()
    stances = Stance.objects.filter(member=user).select_related(
        "recommendation__consultation"
    )
    comments = (
        Comment.objects.filter(author=user)
        .select_related("consultation", "recommendation")
        .prefetch_related(
            Prefetch("edits", CommentEdit.objects.order_by("edited_at", "pk"))
        )
    )
    reports = CommentReport.objects.filter(reporter=user).select_related(
        "comment__consultation"
    )
    answers = (
        PollAnswer.objects.filter(member=user)
        .select_related("question__consultation")
        .prefetch_related("choices")
    )
    stances, comments, reports, answers = (
        list(stances),
        list(comments),
        list(reports),
        list(answers),
    )
    data = {
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "display_name": profile.display_name if profile else None,
            "language": profile.language if profile else None,
            "e-mails": {field: getattr(profile, field) for field in PREFERENCE.values()}
            if profile
            else {},
        },
        "stances": [
            {
                "consultation": s.recommendation.consultation.title,
                "recommendation": s.recommendation.number,
                "stance": s.choice,
                "stance_label": str(s.get_choice_display()),
                "reason": s.reason,
                "language": s.language,
                "draft_version": s.draft_version,
                "created_at": s.created_at,
                "updated_at": s.updated_at,
            }
            for s in stances
        ],
        "comments": [
            {
                "id": c.pk,
                "consultation": c.consultation.title,
                "recommendation": c.recommendation.number if c.recommendation else None,
                "in_reply_to": c.parent_id,
                "text": c.text,
                "language": c.language,
                "draft_version": c.draft_version,
                "created_at": c.created_at,
                "edited_at": c.edited_at,
                # Each earlier text, oldest first, with when the next one replaced it.
                "earlier_texts": [
                    {"text": edit.previous_text, "replaced_at": edit.edited_at}
                    for edit in c.edits.all()
                ],
                "withdrawn": c.withdrawn_at is not None,
                "hidden": c.hidden_at is not None,
            }
            for c in comments
        ],
        "reports": [
            {
                "comment_id": r.comment_id,
                "consultation": r.comment.consultation.title,
                "reason": r.reason,
                "reason_label": str(r.get_reason_display()),
                "details": r.details,
                "created_at": r.created_at,
                "resolved": r.resolved_at is not None,
            }
            for r in reports
        ],
        "poll_answers": [
            {
                "consultation": a.question.consultation.title,
                "question": a.question.question_text,
                "answers": [choice.choice_text for choice in a.choices.all()],
                "updated_at": a.updated_at,
            }
            for a in answers
        ],
    }
    if locale is not None:
        _add_shown(data, locale, stances, comments, reports, answers)
    return data


def _add_shown(data, locale, stances, comments, reports, answers):
    consultations = [s.recommendation.consultation for s in stances]
    consultations += [c.consultation for c in comments]
    consultations += [r.comment.consultation for r in reports]
    consultations += [a.question.consultation for a in answers]
    texts = PageTexts(consultations, locale)
    for entry, stance in zip(data["stances"], stances, strict=True):
        entry["shown"] = {
            "consultation": texts.title(stance.recommendation.consultation)
        }
    for entry, comment in zip(data["comments"], comments, strict=True):
        entry["shown"] = {"consultation": texts.title(comment.consultation)}
    for entry, report in zip(data["reports"], reports, strict=True):
        entry["shown"] = {"consultation": texts.title(report.comment.consultation)}
    for entry, answer in zip(data["poll_answers"], answers, strict=True):
        consultation = answer.question.consultation
        entry["shown"] = {
            "consultation": texts.title(consultation),
            "question": texts.question(answer.question, consultation),
            "answers": [
                texts.choice(choice, consultation) for choice in answer.choices.all()
            ],
        }


@never_cache
@login_required
def my_data(request):
    return TemplateResponse(
        request,
        "consultations/account/my_data.html",
        {"data": own_data(request.user, Locale.get_active())},
    )


@never_cache
@login_required
def my_data_json(request):
    response = HttpResponse(
        json.dumps(
            own_data(request.user),
            ensure_ascii=False,
            indent=2,
            default=datetime.isoformat,
        ),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@never_cache
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        # Comments, stances and answers keep their place and their counts; the
        # link to the person is cut (SET_NULL), so they become anonymous.
        user.delete()
        messages.success(
            request, _("Your account is deleted. What you said stays, anonymously.")
        )
        return redirect("wagtail_serve", "")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "consultations/account/delete.html", {"form": form}, status=status
    )
