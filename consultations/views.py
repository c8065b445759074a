"""Views behind the consultation page's routes. Each reads the request, asks
``rules`` whether it may go ahead, calls one service and redirects to the right
anchor, or renders the page again with the errors (status 400)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consultations import rules, services
from consultations.diff import word_diff
from consultations.forms import (
    CommentForm,
    DisplayNameForm,
    EditCommentForm,
    PollForm,
    ReportForm,
    StanceForm,
)
from consultations.models import (
    Comment,
    ConsultationPage,
    MemberProfile,
    PollQuestion,
    Recommendation,
    Stance,
)
from consultations.models.records import Phase

COMMENTS_PER_PAGE = 20


class Refusal(Exception):
    """A request the rules turn down: shown as a translated page with a 4xx status."""

    def __init__(self, message, status=403):
        super().__init__(message)
        self.message, self.status = message, status


def refusals(view):
    """Turn a Refusal (and anonymous access to team-only pages) into a response."""

    def wrapper(request, page, *args, **kwargs):
        try:
            return view(request, page, *args, **kwargs)
        except Refusal as refusal:
            if refusal.status == 403 and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            response = TemplateResponse(
                request,
                "consultations/refusal.html",
                {"page": page, "message": refusal.message},
                status=refusal.status,
            )
            return response

    return never_cache(wrapper)


def _record_for(request, page):
    record = page.record
    if record is None:
        raise Http404  # never published: nothing to act on
    if not rules.can_view(request.user, record):
        raise Refusal(
            _(
                "This consultation is open only to the members of the team taking part "
                "and to the organisation's editors."
            )
        )
    return record


def _require_post(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def _require_taking_part(request, record):
    if rules.can_take_part(request.user, record):
        return
    if not rules.is_member(request.user, record):
        raise Refusal(_("Only members of the team taking part can do this."))
    raise Refusal(_phase_refusal(record), status=403)


def _phase_refusal(record):
    if record.phase() == Phase.UPCOMING:
        return _("This consultation has not opened yet.")
    return _("This consultation is closed. Everything said in it stays readable.")


# --- Reading ------------------------------------------------------------------------


def index_context(request, index_page):
    """Consultations under an index that this visitor may see."""
    user = request.user
    pages = ConsultationPage.objects.child_of(index_page).live().order_by("-opens_at")
    records = {
        r.key: r
        for r in services.Consultation.objects.filter(
            key__in=[p.translation_key for p in pages]
        )
    }
    entries = []
    for page in pages:
        record = records.get(page.translation_key)
        if record and rules.can_view(user, record):
            entries.append({"page": page, "record": record, "phase": record.phase()})
    return {"consultations": entries}


def _page_items(page, record):
    """The recommendations on this language's page, with their lasting records."""
    records = {r.key: r for r in record.recommendations.all()} if record else {}
    return [
        {"item": item, "record": records.get(item.translation_key)}
        for item in page.recommendations.select_related("area", "institution")
    ]


def _threads(record, recommendation, page_number):
    """One page of top-level comments, each with all its replies, in three queries."""
    top_level = (
        Comment.objects.filter(
            consultation=record, recommendation=recommendation, parent=None
        )
        .select_related("author__member_profile")
        .order_by("created_at", "pk")
    )
    threads = Paginator(top_level, COMMENTS_PER_PAGE).get_page(page_number)
    replies = (
        Comment.objects.filter(thread__in=list(threads.object_list))
        .select_related("author__member_profile")
        .order_by("created_at", "pk")
    )
    children = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)
    for comment in [*threads.object_list, *replies]:
        comment.children = children.get(comment.pk, [])
    return threads


def _progress(request, record, recommendation=None):
    progress = services.team_progress(record, recommendation)
    if rules.is_editor(request.user):
        progress["missing"] = (
            record.team()
            .exclude(pk__in=progress["responded_ids"])
            .select_related("member_profile")
            .order_by("username")
        )
    return progress


def _base_context(request, page, record):
    user = request.user
    return {
        "page": page,
        "record": record,
        "phase": record.phase() if record else None,
        "can_take_part": bool(record) and rules.can_take_part(user, record),
        "can_comment": bool(record) and rules.can_comment(user, record),
        "is_editor": rules.is_editor(user),
        "needs_display_name": _needs_display_name(user, record),
        "can_see_results": bool(record) and rules.can_see_results(user, record),
    }


def _needs_display_name(user, record):
    if not record or not rules.is_member(user, record) or rules.is_editor(user):
        return False
    return not MemberProfile.objects.filter(user=user).exists()


@refusals
def overview(request, page, comment_form=None, poll_forms=None, status=200):
    record = page.record
    if record is not None:
        _record_for(request, page)
    context = _base_context(request, page, record)
    items = _page_items(page, record)
    if record is not None:
        user = request.user
        mine = {}
        if user.is_authenticated:
            mine = {
                s.recommendation_id: s
                for s in Stance.objects.filter(
                    member=user, recommendation__consultation=record
                )
            }
        changed = services.last_changed_versions(record)
        for entry in items:
            rec = entry["record"]
            if rec is None:
                continue
            entry["stance"] = mine.get(rec.pk)
            entry["reworded"] = bool(
                entry["stance"]
                and changed.get(rec.pk, 0) > entry["stance"].draft_version
            )
        context.update(
            progress=_progress(request, record),
            threads=_threads(record, None, request.GET.get("comments")),
            polls=_polls(request, page, record, poll_forms or {}),
            comment_form=comment_form
            or CommentForm(needs_display_name=context["needs_display_name"]),
            reworded_count=sum(1 for e in items if e.get("reworded")),
        )
    context["items"] = items
    return TemplateResponse(
        request, "consultations/consultation_page.html", context, status=status
    )


def _polls(request, page, record, bound_forms):
    questions = {
        q.key: q
        for q in PollQuestion.objects.filter(
            consultation=record, archived_at=None
        ).prefetch_related("choices")
    }
    answers = {}
    if request.user.is_authenticated:
        answers = {
            a.question_id: a
            for a in services.PollAnswer.objects.filter(
                question__in=questions.values(), member=request.user
            ).prefetch_related("choices")
        }
    polls = []
    for item in page.polls.all():
        question = questions.get(item.translation_key)
        if question is None:
            continue
        answer = answers.get(question.pk)
        chosen = [str(choice.key) for choice in answer.choices.all()] if answer else []
        form = bound_forms.get(question.pk) or PollForm(
            poll=item,
            prefix=f"poll{question.pk}",
            initial={
                "choices": chosen if item.allows_multiple else next(iter(chosen), None)
            },
        )
        polls.append(
            {"item": item, "question": question, "answer": answer, "form": form}
        )
    return polls


@refusals
def recommendation_detail(
    request, page, recommendation_id, stance_form=None, comment_form=None, status=200
):
    record = _record_for(request, page)
    recommendation = get_object_or_404(
        Recommendation, pk=recommendation_id, consultation=record
    )
    context = _base_context(request, page, record)
    item = (
        page.recommendations.select_related("area", "institution")
        .filter(translation_key=recommendation.key)
        .first()
    )
    language = page.locale
    current = services.wording(recommendation, record.draft_version, language)
    stance = None
    if request.user.is_authenticated:
        stance = Stance.objects.filter(
            member=request.user, recommendation=recommendation
        ).first()
    changes = None
    if stance and stance.draft_version < record.draft_version:
        before = services.wording(recommendation, stance.draft_version, language)
        if (
            before
            and current
            and (before.title, before.text) != (current.title, current.text)
        ):
            changes = {
                "title": word_diff(before.title, current.title),
                "text": word_diff(before.text, current.text),
                "language_matches": before.locale_id
                == current.locale_id
                == language.pk,
            }
    context.update(_chain(request, recommendation, language, current))
    context.update(
        recommendation=recommendation,
        item=item,
        wording=current,
        stance=stance,
        changes=changes,
        stance_form=stance_form
        or StanceForm(
            initial={"choice": stance.choice, "reason": stance.reason}
            if stance
            else None
        ),
        comment_form=comment_form
        or CommentForm(
            needs_display_name=context["needs_display_name"],
            initial={"recommendation": recommendation.pk},
        ),
        threads=_threads(record, recommendation, request.GET.get("comments")),
        progress=_progress(request, record, recommendation),
    )
    return TemplateResponse(
        request, "consultations/recommendation.html", context, status=status
    )


def _chain(request, recommendation, language, current):
    """What became of a recommendation: how the draft changed, the response, and
    its implementation."""
    first = (
        recommendation.versions.filter(locale=language)
        .order_by("draft_version")
        .first()
        or recommendation.versions.order_by("draft_version").first()
    )
    draft_change = None
    if first and current and first.draft_version != current.draft_version:
        draft_change = {
            "from_version": first.draft_version,
            "to_version": current.draft_version,
            "text": word_diff(first.text, current.text),
        }
    response = getattr(recommendation, "response", None)
    if response and not (response.is_published or rules.is_editor(request.user)):
        response = None
    entry = getattr(recommendation, "tracker_entry", None)
    updates = list(entry.updates.order_by("date", "pk")) if entry else []
    return {
        "draft_change": draft_change,
        "response": response,
        "tracker_entry": entry,
        "updates": updates,
        "can_see_results": rules.can_see_results(
            request.user, recommendation.consultation
        ),
    }


# --- Acting -------------------------------------------------------------------------


def _recommendation_url(page, recommendation, anchor=""):
    url = page.url + page.reverse_subpage("recommendation", args=[recommendation.pk])
    return f"{url}#{anchor}" if anchor else url


def _open_recommendation(record, recommendation_id, recommendation=None):
    if recommendation is None:
        recommendation = get_object_or_404(
            Recommendation, pk=recommendation_id, consultation=record
        )
    if recommendation.is_archived:
        raise Refusal(
            _(
                "This recommendation was removed from the draft. "
                "What was said about it is kept."
            ),
            status=409,
        )
    return recommendation


def _fetch_with_record(page, recommendation_id):
    """Read the recommendation and its consultation together, the consultation
    becoming the page's record: a stance post, the busiest post, then costs one
    query fewer. Anything not found is left to the usual checks."""
    if "record" in page.__dict__:
        return None
    found = (
        Recommendation.objects.select_related(
            "consultation__participant_group", "consultation__source_locale"
        )
        .filter(pk=recommendation_id, consultation__key=page.translation_key)
        .first()
    )
    if found is not None:
        page.record = found.consultation
    return found


@refusals
def take_stance(request, page, recommendation_id):
    if response := _require_post(request):
        return response
    fetched = _fetch_with_record(page, recommendation_id)
    record = _record_for(request, page)
    recommendation = _open_recommendation(record, recommendation_id, fetched)
    _require_taking_part(request, record)
    form = StanceForm(request.POST)
    if not form.is_valid():
        return recommendation_detail(
            request, page, recommendation_id, stance_form=form, status=400
        )
    services.record_stance(
        request.user,
        recommendation,
        form.cleaned_data["choice"],
        form.cleaned_data["reason"].strip(),
        get_language(),
    )
    messages.success(request, _("Your stance is saved."))
    return redirect(_recommendation_url(page, recommendation, "stance"))


@refusals
def confirm_stance(request, page, recommendation_id):
    if response := _require_post(request):
        return response
    record = _record_for(request, page)
    recommendation = _open_recommendation(record, recommendation_id)
    _require_taking_part(request, record)
    if not services.confirm_stance(request.user, recommendation):
        raise Refusal(
            _("You have not taken a stance on this recommendation yet."), status=409
        )
    messages.success(request, _("Your stance now applies to the new wording."))
    return redirect(_recommendation_url(page, recommendation, "stance"))


@refusals
def post_comment(request, page):
    if response := _require_post(request):
        return response
    record = _record_for(request, page)
    user = request.user
    if not rules.can_comment(user, record):
        if rules.is_member(user, record) or rules.is_editor(user):
            raise Refusal(_phase_refusal(record))
        raise Refusal(_("Only members of the team taking part can comment."))
    needs_display_name = _needs_display_name(user, record)
    form = CommentForm(
        request.POST, needs_display_name=needs_display_name, user=request.user
    )
    if not form.is_valid():
        return _comment_form_again(request, page, record, form)

    recommendation = parent = None
    if form.cleaned_data["parent"]:
        parent = get_object_or_404(
            Comment, pk=form.cleaned_data["parent"], consultation=record
        )
        if parent.withdrawn_at or parent.hidden_at:
            raise Refusal(_("This comment can no longer be answered."), status=409)
        recommendation = parent.recommendation
    elif form.cleaned_data["recommendation"]:
        recommendation = _open_recommendation(
            record, form.cleaned_data["recommendation"]
        )
    try:
        # The display name is stored with the comment or not at all.
        with transaction.atomic():
            if needs_display_name:
                _choose_display_name(user, form.cleaned_data["display_name"])
            comment = services.post_comment(
                author=user,
                consultation=record,
                text=form.cleaned_data["text"].strip(),
                language=form.cleaned_data["language"],
                recommendation=recommendation,
                parent=parent,
                official=rules.is_editor(user) and not rules.is_member(user, record),
            )
    except services.RateLimited:
        raise Refusal(
            _(
                "You have written many comments in a short time. Please wait a few "
                "minutes before writing the next one; nothing you wrote was lost."
            ),
            status=429,
        ) from None
    messages.success(request, _("Your comment is published."))
    anchor = f"comment-{comment.pk}"
    if recommendation:
        return redirect(_recommendation_url(page, recommendation, anchor))
    return redirect(f"{page.url}#{anchor}")


def _choose_display_name(user, name):
    """Store the name a member chose with their first comment. A parallel post of
    theirs (a second tab, a double click) may have stored one a moment before:
    then that one stands."""
    try:
        with transaction.atomic():
            MemberProfile.objects.create(user=user, display_name=name)
    except IntegrityError:
        if not MemberProfile.objects.filter(user=user).exists():
            raise Refusal(
                _("Someone already uses this display name. Please choose another."),
                status=409,
            ) from None


def _comment_form_again(request, page, record, form):
    recommendation_id = form.cleaned_data.get("recommendation")
    if (
        recommendation_id
        and Recommendation.objects.filter(
            pk=recommendation_id, consultation=record
        ).exists()
    ):
        return recommendation_detail(
            request, page, recommendation_id, comment_form=form, status=400
        )
    return overview(request, page, comment_form=form, status=400)


def _own_comment(request, record, comment_id):
    return get_object_or_404(
        Comment.objects.select_related("consultation"),
        pk=comment_id,
        consultation=record,
    )


def _comment_url(page, comment):
    anchor = f"comment-{comment.pk}"
    if comment.recommendation_id:
        return _recommendation_url(page, comment.recommendation, anchor)
    return f"{page.url}#{anchor}"


@refusals
def edit_comment(request, page, comment_id):
    record = _record_for(request, page)
    comment = _own_comment(request, record, comment_id)
    if not rules.can_edit_comment(request.user, comment):
        if comment.author_id != request.user.pk:
            raise Refusal(_("You can edit only your own comments."))
        raise Refusal(
            _(
                "A comment can be edited for 15 minutes after it is written, "
                "while the consultation is open."
            )
        )
    form = EditCommentForm(request.POST or None, instance=Comment(text=comment.text))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.edit_comment(comment, form.cleaned_data["text"].strip())
            messages.success(
                request, _("Your comment is updated; its earlier text is kept.")
            )
            return redirect(_comment_url(page, comment))
        status = 400
    return TemplateResponse(
        request,
        "consultations/comment_form.html",
        {"page": page, "comment": comment, "form": form, "action": "edit"},
        status=status,
    )


@refusals
def withdraw_comment(request, page, comment_id):
    if response := _require_post(request):
        return response
    record = _record_for(request, page)
    comment = _own_comment(request, record, comment_id)
    if not rules.can_withdraw_comment(request.user, comment):
        if comment.author_id != request.user.pk:
            raise Refusal(_("You can withdraw only your own comments."))
        raise Refusal(_("This comment can no longer be withdrawn."), status=409)
    services.withdraw_comment(comment)
    messages.success(
        request, _("Your comment is withdrawn. Replies to it stay readable.")
    )
    return redirect(_comment_url(page, comment))


@refusals
def report_comment(request, page, comment_id):
    record = _record_for(request, page)
    comment = _own_comment(request, record, comment_id)
    if not rules.can_report_comment(request.user, comment):
        raise Refusal(_("You cannot report this comment."))
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.report_comment(
                comment,
                request.user,
                form.cleaned_data["reason"],
                form.cleaned_data["details"],
            )
            messages.success(
                request, _("Thank you. The moderators will look at this comment.")
            )
            return redirect(_comment_url(page, comment))
        status = 400
    return TemplateResponse(
        request,
        "consultations/comment_form.html",
        {"page": page, "comment": comment, "form": form, "action": "report"},
        status=status,
    )


@refusals
def answer_poll(request, page, question_id):
    if response := _require_post(request):
        return response
    record = _record_for(request, page)
    question = get_object_or_404(
        PollQuestion.objects.prefetch_related("choices"),
        pk=question_id,
        consultation=record,
        archived_at=None,
    )
    _require_taking_part(request, record)
    item = page.polls.filter(translation_key=question.key).first()
    if item is None:
        raise Http404
    form = PollForm(request.POST, poll=item, prefix=f"poll{question.pk}")
    if not form.is_valid():
        return overview(request, page, poll_forms={question.pk: form}, status=400)
    chosen = set(form.cleaned_data["choices"])
    choices = [
        c for c in question.choices.all() if str(c.key) in chosen and not c.archived_at
    ]
    if len(choices) != len(chosen):
        raise Refusal(_("That answer is no longer among the choices."), status=409)
    services.answer_poll(request.user, question, choices, get_language())
    messages.success(request, _("Your answer is saved."))
    return redirect(f"{page.url}#poll-{question.pk}")


@login_required
def display_name(request):
    """Choose or change the name shown with one's comments."""
    profile = MemberProfile.objects.filter(user=request.user).first()
    form = DisplayNameForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.instance.user = request.user
        form.save()
        messages.success(request, _("Your display name is saved."))
        return redirect("account")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "consultations/display_name.html", {"form": form}, status=status
    )
