"""The consultation page's routes, used by members (and read by everyone a
consultation is open to). Each reads the request, asks the page's
``ConsultationAccess`` at the door, calls one service and redirects to the right
anchor, or renders the page again with the errors (status 400)."""

import functools
import uuid

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from consultations import services
from consultations.access import ConsultationAccess, Refusal
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
    Consultation,
    MemberProfile,
    PollQuestion,
    Recommendation,
    Stance,
    TrackerEntry,
)
from consultations.views.refusals import refusals
from portal.cache import current_stamps, page_stamp_key
from portal.languages import localized
from portal.queries import CompiledRead
from portal.templatetags.portal_tags import fragment_cache

COMMENTS_PER_PAGE = 20
CARD_TEMPLATE = "consultations/includes/recommendation_card.html"


def _require_post(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


# --- Reading ------------------------------------------------------------------------


def _page_items(page, record):
    """The recommendations on this language's page, with their lasting records and
    the wording shown to its readers (the page's own text may be an older
    translation, or the original's text wagtail-localize filled in)."""
    items = list(page.recommendations.select_related("area", "institution"))
    if record is None:
        return [{"item": item, "record": None, "shown": None} for item in items]
    records = {r.key: r for r in record.recommendations.all()}
    shown = services.reader_wordings(record, page.locale)
    entries = []
    for item in items:
        rec = records.get(item.translation_key)
        entries.append(
            {"item": item, "record": rec, "shown": shown.get(rec.pk) if rec else None}
        )
    return entries


def _render_cards(request, page, record):
    template = get_template(CARD_TEMPLATE)
    cards = []
    for counter, entry in enumerate(_page_items(page, record), start=1):
        rec, shown = entry["record"], entry["shown"]
        html = template.render(
            {
                "entry": entry,
                "counter": counter,
                "page": page,
                "request": request,
                "LANGUAGE_CODE": get_language(),
            }
        )
        cards.append(
            {
                "key": entry["item"].translation_key,
                "record": rec.pk if rec else None,
                "number": rec.number if rec else None,
                "version": shown.version if shown else None,
                "card": mark_safe(html),  # noqa: S308 (a rendered template)
            }
        )
    return cards


def _cards(request, page, record):
    """The page's recommendations as every reader of its language sees them:
    [{"key", "record" (id), "number", "version" (of the wording shown), "card"
    (the HTML of its heading, area, language note and excerpt)}]. Only the
    reader's own stance is added per request, so where the portal keeps pages
    (PAGE_CACHE_SECONDS) the cards are kept under the generation and the page's
    stamp: a publish of the page or of a translation, a change to its record, and
    a snippet saved (an area's or institution's name) renew them."""
    kept = fragment_cache(request)
    if not kept["timeout"] or record is None or getattr(request, "is_preview", False):
        return _render_cards(request, page, record)
    stamp_key = page_stamp_key(page.translation_key)
    key = ":".join(
        map(
            str,
            [
                "cards",
                kept["generation"],
                kept["site"],  # links are relative or absolute by the site served
                page.pk,
                get_language(),
                current_stamps([stamp_key])[stamp_key],
            ],
        )
    )
    cards = cache.get(key)
    if cards is None:
        cards = _render_cards(request, page, record)
        cache.set(key, cards, kept["timeout"])
    return cards


def _threads(record, recommendation, page_number):
    """One page of top-level comments, each with all its replies, in three queries
    whose SQL is built once per process (the count, the page, the replies: on
    every view of a consultation or of a recommendation)."""
    general = recommendation is None
    values = (record.pk,) if general else (record.pk, recommendation.pk)
    counted = _count_read(general).rows(*values)
    paginator = Paginator([], COMMENTS_PER_PAGE)
    paginator.count = counted[0][0] if counted else 0  # Django's cached_property
    try:
        number = paginator.validate_number(page_number)
    except PageNotAnInteger:
        number = 1
    except EmptyPage:
        number = paginator.num_pages
    first = (number - 1) * COMMENTS_PER_PAGE
    top_level = list(_page_read(general, first).queryset(*values))
    replies = (
        list(_replies_read(len(top_level)).queryset(*(c.pk for c in top_level)))
        if top_level
        else []
    )
    children = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)
    for comment in [*top_level, *replies]:
        comment.children = children.get(comment.pk, [])
    return paginator._get_page(top_level, number, paginator)


def _top_level(general, consultation_id, recommendation_id=None):
    """The top-level comments on a consultation not on any recommendation
    (``general``), or on one of its recommendations, oldest first."""
    return Comment.objects.filter(
        consultation=consultation_id,
        recommendation=None if general else recommendation_id,
        parent=None,
    ).order_by("created_at", "pk")


def _top_level_read(general, build):
    comment = Comment._meta
    fields = [comment.get_field("consultation").target_field]
    if not general:
        fields.append(comment.get_field("recommendation").target_field)
    return CompiledRead(
        lambda *values: build(_top_level(general, *values)),
        fields=fields,
        stand_ins=list(range(1, len(fields) + 1)),
    )


@functools.cache
def _count_read(general):
    return _top_level_read(
        general,
        lambda comments: (
            comments.order_by()
            .values("consultation")
            .annotate(count=Count("pk"))
            .values_list("count")
        ),
    )


@functools.lru_cache(maxsize=64)
def _page_read(general, first):
    return _top_level_read(
        general,
        lambda comments: comments.select_related("author__member_profile")[
            first : first + COMMENTS_PER_PAGE
        ],
    )


@functools.lru_cache(maxsize=COMMENTS_PER_PAGE)
def _replies_read(count):
    return CompiledRead(
        lambda *threads: (
            Comment.objects.filter(thread__in=threads)
            .select_related("author__member_profile")
            .order_by("created_at", "pk")
        ),
        fields=[Comment._meta.get_field("thread").target_field] * count,
        stand_ins=list(range(1, count + 1)),
    )


def _progress(access, recommendation=None):
    record = access.consultation
    progress = services.team_progress(record, recommendation)
    if access.can("moderate"):
        missing = progress["missing_ids"]
        progress["missing"] = (
            get_user_model()
            .objects.filter(pk__in=[pk for pk in missing if pk is not None])
            .select_related("member_profile")
            .order_by("username")
        )
        progress["missing_deleted"] = missing.count(None)
    return progress


def _needs_display_name(access):
    """A member's first comment also chooses the name shown with it."""
    if not access.is_member or access.is_editor:
        return False
    return not _display_name_read().rows(access.user.pk)


@functools.cache
def _display_name_read():
    return CompiledRead(
        lambda user_id: MemberProfile.objects.filter(user=user_id).values_list("pk")[
            :1
        ],
        fields=[MemberProfile._meta.get_field("user").target_field],
        stand_ins=[1],
    )


@functools.cache
def _own_stances_read():
    """A member's stances in a consultation: on every view of its page."""
    return CompiledRead(
        lambda member_id, consultation_id: Stance.objects.filter(
            member=member_id, recommendation__consultation=consultation_id
        ),
        fields=[
            Stance._meta.get_field("member").target_field,
            Recommendation._meta.get_field("consultation").target_field,
        ],
        stand_ins=[1, 2],
    )


def _base_context(request, page, access):
    return {
        "page": page,
        "record": access.consultation,
        "access": access,
        "phase": access.phase,
        "needs_display_name": _needs_display_name(access),
    }


@refusals
def overview(request, page, comment_form=None, poll_forms=None, status=200):
    if page.record is None:
        # Never published (a preview): the page's own content, nothing to act on.
        return TemplateResponse(
            request,
            "consultations/consultation_page.html",
            {"page": page, "record": None, "items": _cards(request, page, None)},
            status=status,
        )
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    record = access.consultation
    context = _base_context(request, page, access)
    user = request.user
    mine = {}
    if user.is_authenticated:
        mine = {
            s.recommendation_id: s
            for s in _own_stances_read().queryset(user.pk, record.pk)
        }
    items = []
    for card in _cards(request, page, record):
        stance = mine.get(card["record"]) if card["record"] else None
        items.append(
            {
                **card,
                "stance": stance,
                # The wording changed after the stance was taken.
                "reworded": bool(
                    stance
                    and card["version"]
                    and card["version"] > stance.draft_version
                ),
            }
        )
    counted = [entry for entry in items if entry["record"] is not None]
    context.update(
        items=items,
        own_progress={
            "done": sum(1 for entry in counted if entry["stance"]),
            "total": len(counted),
        },
        # The member's next step: the first recommendation without their stance.
        next_entry=next((entry for entry in counted if not entry["stance"]), None),
        progress=_progress(access),
        threads=_threads(record, None, request.GET.get("comments")),
        polls=_polls(request, page, record, poll_forms or {}),
        comment_form=comment_form
        or CommentForm(needs_display_name=context["needs_display_name"]),
        reworded_count=sum(1 for e in items if e.get("reworded")),
    )
    return TemplateResponse(
        request, "consultations/consultation_page.html", context, status=status
    )


def _polls(request, page, record, bound_forms):
    items = list(page.polls.all())
    if not items:
        return []
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
    for item in items:
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
    request,
    page,
    recommendation_id,
    stance_form=None,
    comment_form=None,
    status=200,
    seen_version=None,
):
    """A recommendation in the reader's language. ``seen_version``: the member
    posted a stance from a page that showed an older wording (status 409): show
    what changed since then and ask them to confirm."""
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    record = access.consultation
    recommendation = get_object_or_404(
        Recommendation, pk=recommendation_id, consultation=record
    )
    recommendation.consultation = record
    context = _base_context(request, page, access)
    item = (
        page.recommendations.select_related("area", "institution")
        .filter(translation_key=recommendation.key)
        .first()
    )
    language = page.locale
    shown = services.reader_wordings(record, language, [recommendation]).get(
        recommendation.pk
    )
    stance = None
    if request.user.is_authenticated:
        stance = Stance.objects.filter(
            member=request.user, recommendation=recommendation
        ).first()
    if seen_version is None and stance and stance.draft_version < record.draft_version:
        seen_version = stance.draft_version
    if seen_version is None and shown and shown.behind and shown.outdated:
        # What this language's readers last read: its older translation.
        seen_version = shown.outdated.translates_version
    changes = _changes(recommendation, shown, seen_version, language)
    current = services.wording(recommendation, record.draft_version, language)
    context.update(_chain(access, recommendation, language, current))
    version = shown.version if shown else None
    context.update(
        recommendation=recommendation,
        item=item,
        shown=shown,
        stance=stance,
        changes=changes,
        wording_changed=status == 409,
        stance_form=stance_form or _stance_form(stance, version),
        comment_form=comment_form
        or CommentForm(
            needs_display_name=context["needs_display_name"],
            initial={"recommendation": recommendation.pk, "version": version},
        ),
        threads=_threads(record, recommendation, request.GET.get("comments")),
        progress=_progress(access, recommendation),
        next_without_stance=access.can("stance", recommendation)
        and services.next_without_stance(request.user, recommendation),
    )
    return TemplateResponse(
        request, "consultations/recommendation.html", context, status=status
    )


def _stance_form(stance, version):
    if stance is None:
        return StanceForm(initial={"version": version})
    form = StanceForm(
        initial={"choice": stance.choice, "reason": stance.reason, "version": version}
    )
    # The member's own words, in the language they wrote them in.
    form.fields["reason"].widget.attrs.update(lang=stance.language, dir="auto")
    return form


def _changes(recommendation, shown, seen_version, language):
    """The word diff between the wording a reader saw at ``seen_version`` and
    what they are shown now: in their language when both are translations, else
    in the original language."""
    if shown is None or seen_version is None or seen_version >= shown.version:
        return None
    before = services.wording(recommendation, seen_version, language)
    if not shown.behind and before and before.locale_id == language.pk:
        after = shown
    else:
        source = recommendation.consultation.source_locale
        before = services.wording(recommendation, seen_version, source)
        after = services.wording(recommendation, shown.version, source)
    if not (before and after) or (before.title, before.text) == (
        after.title,
        after.text,
    ):
        return None
    return {
        "title": word_diff(before.title, after.title),
        "text": word_diff(before.text, after.text),
        "language_matches": after is shown,
        "language": language.language_code
        if after is shown
        else recommendation.consultation.source_locale.language_code,
    }


def _chain(access, recommendation, language, current):
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
    code = language.language_code
    # One response per recommendation, with a copy per language it was translated
    # into; the facts (publication too) are the same in every copy.
    response = next(
        iter(localized(recommendation.responses.all(), code).values()), None
    )
    if response and not (response.is_published or access.can("moderate")):
        response = None
    entries = TrackerEntry.for_reader(
        recommendation.tracker_entries.select_related("locale").prefetch_related(
            "updates__locale"
        ),
        code,
    )
    entry = entries[0] if entries else None
    return {
        "draft_change": draft_change,
        "response": response,
        "tracker_entry": entry,
        "updates": entry.timeline if entry else [],
    }


# --- Acting -------------------------------------------------------------------------


def _page_url(request, page):
    """The page's address as this request reached it: the request's path less the
    route within the page that RoutablePageMixin resolved. It is ``page.url``
    without reading the sites' root paths from the cache, which a post that only
    redirects would do for this alone."""
    match = getattr(request, "routable_resolver_match", None)
    if match is not None:
        within = page.reverse_subpage(
            match.url_name, args=match.args, kwargs=match.kwargs
        )
        if request.path.endswith("/" + within):
            return request.path.removesuffix(within)
    return page.url


def _recommendation_url(request, page, recommendation, anchor=""):
    url = _page_url(request, page) + page.reverse_subpage(
        "recommendation", args=[recommendation.pk]
    )
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


@functools.cache
def _recommendation_with_consultation_read():
    recommendation_fields = [f.attname for f in Recommendation._meta.concrete_fields]
    consultation_fields = [f.attname for f in Consultation._meta.concrete_fields]
    read = CompiledRead(
        lambda pk, key: (
            Recommendation.objects.filter(pk=pk, consultation__key=key)
            .order_by()
            .values_list(
                *recommendation_fields,
                *(f"consultation__{name}" for name in consultation_fields),
            )
        ),
        fields=[Recommendation._meta.pk, Consultation._meta.get_field("key")],
        stand_ins=[1, uuid.UUID(int=1)],
    )
    return read, recommendation_fields, consultation_fields


def _fetch_with_record(page, recommendation_id):
    """Read the recommendation and its consultation together, the consultation
    becoming the page's record: a stance post, the busiest post, then costs one
    query fewer, and its SQL is built once (portal/queries.py). Anything not found
    is left to the usual checks."""
    if "record" in page.__dict__:
        return None
    read, recommendation_fields, consultation_fields = (
        _recommendation_with_consultation_read()
    )
    rows = read.rows(recommendation_id, page.translation_key)
    if not rows:
        return None
    split = len(recommendation_fields)
    found = Recommendation.from_db(
        DEFAULT_DB_ALIAS, recommendation_fields, rows[0][:split]
    )
    consultation = Consultation.from_db(
        DEFAULT_DB_ALIAS, consultation_fields, rows[0][split:]
    )
    Recommendation.consultation.field.set_cached_value(found, consultation)
    page.record = consultation
    return found


@refusals
def take_stance(request, page, recommendation_id):
    if response := _require_post(request):
        return response
    fetched = _fetch_with_record(page, recommendation_id)
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    recommendation = _open_recommendation(
        access.consultation, recommendation_id, fetched
    )
    access.require("stance")
    form = StanceForm(request.POST)
    if not form.is_valid():
        return recommendation_detail(
            request, page, recommendation_id, stance_form=form, status=400
        )
    seen = form.cleaned_data["version"]
    current = None
    if seen is not None and seen < access.consultation.draft_version:
        # Only then can the wording have changed since: one query more.
        current = services.last_changed_versions(access.consultation).get(
            recommendation.pk
        )
    if current is not None and seen < current:
        # The page was opened before the wording changed: nothing is stored until
        # the member has read the new wording and confirms.
        return recommendation_detail(
            request,
            page,
            recommendation_id,
            stance_form=StanceForm(initial={**form.cleaned_data, "version": current}),
            status=409,
            seen_version=seen,
        )
    services.record_stance(
        request.user,
        recommendation,
        form.cleaned_data["choice"],
        form.cleaned_data["reason"].strip(),
        get_language(),
    )
    messages.success(request, _("Your stance is saved."), extra_tags="stance")
    return HttpResponseRedirect(
        _recommendation_url(request, page, recommendation, "stance")
    )


@refusals
def confirm_stance(request, page, recommendation_id):
    if response := _require_post(request):
        return response
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    recommendation = _open_recommendation(access.consultation, recommendation_id)
    access.require("stance")
    if not services.confirm_stance(request.user, recommendation):
        raise Refusal(
            _("You have not taken a stance on this recommendation yet."), status=409
        )
    messages.success(
        request, _("Your stance now applies to the new wording."), extra_tags="stance"
    )
    return HttpResponseRedirect(
        _recommendation_url(request, page, recommendation, "stance")
    )


@refusals
def post_comment(request, page):
    if response := _require_post(request):
        return response
    access = ConsultationAccess.for_page(request, page)
    access.require("comment")
    record, user = access.consultation, request.user
    needs_display_name = _needs_display_name(access)
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
        access.require("reply", parent)
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
                official=access.speaks_for_organisation,
                seen_version=_older_version_seen(record, recommendation, form),
            )
    except services.RateLimited:
        raise Refusal(
            _(
                "You have written many comments in a short time. Please wait a few "
                "minutes before writing the next one; nothing you wrote was lost."
            ),
            status=429,
        ) from None
    anchor = f"comment-{comment.pk}"
    messages.success(request, _("Your comment is published."), extra_tags=anchor)
    if recommendation:
        return HttpResponseRedirect(
            _recommendation_url(request, page, recommendation, anchor)
        )
    return HttpResponseRedirect(f"{_page_url(request, page)}#{anchor}")


def _older_version_seen(record, recommendation, form):
    """The draft version of the wording the comment's author was shown, when a
    change was published after they opened the page; else None (the current)."""
    seen = form.cleaned_data.get("version")
    if seen is None or recommendation is None or seen >= record.draft_version:
        return None
    current = services.last_changed_versions(record).get(recommendation.pk)
    return seen if current is not None and seen < current else None


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


def _comment_in(access, comment_id):
    comment = get_object_or_404(
        Comment.objects.select_related("recommendation"),
        pk=comment_id,
        consultation=access.consultation,
    )
    comment.consultation = access.consultation
    return comment


def _comment_url(request, page, comment):
    anchor = f"comment-{comment.pk}"
    if comment.recommendation_id:
        return _recommendation_url(request, page, comment.recommendation, anchor)
    return f"{_page_url(request, page)}#{anchor}"


@refusals
def edit_comment(request, page, comment_id):
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    comment = _comment_in(access, comment_id)
    access.require("edit", comment)
    form = EditCommentForm(request.POST or None, instance=Comment(text=comment.text))
    form.fields["text"].widget.attrs.update(lang=comment.language, dir="auto")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.edit_comment(comment, form.cleaned_data["text"].strip())
            messages.success(
                request,
                _("Your comment is updated; its earlier text is kept."),
                extra_tags=f"comment-{comment.pk}",
            )
            return HttpResponseRedirect(_comment_url(request, page, comment))
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
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    comment = _comment_in(access, comment_id)
    access.require("withdraw", comment)
    services.withdraw_comment(comment)
    messages.success(
        request,
        _("Your comment is withdrawn. Replies to it stay readable."),
        extra_tags=f"comment-{comment.pk}",
    )
    return HttpResponseRedirect(_comment_url(request, page, comment))


@refusals
def report_comment(request, page, comment_id):
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    comment = _comment_in(access, comment_id)
    access.require("report", comment)
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
                request,
                _("Thank you. The moderators will look at this comment."),
                extra_tags=f"comment-{comment.pk}",
            )
            return HttpResponseRedirect(_comment_url(request, page, comment))
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
    access = ConsultationAccess.for_page(request, page)
    access.require("view")
    question = get_object_or_404(
        PollQuestion.objects.prefetch_related("choices"),
        pk=question_id,
        consultation=access.consultation,
        archived_at=None,
    )
    question.consultation = access.consultation
    access.require("answer_poll")
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
    anchor = f"poll-{question.pk}"
    messages.success(request, _("Your answer is saved."), extra_tags=anchor)
    return HttpResponseRedirect(f"{_page_url(request, page)}#{anchor}")


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
