"""The consultation's domain operations. Views call these; tests call them too."""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from consultations import audit, notifications
from consultations.access import groups_that_may_view
from consultations.models import (
    Comment,
    CommentEdit,
    CommentReport,
    CommentTranslation,
    Consultation,
    PollAnswer,
    PollChoice,
    PollQuestion,
    Recommendation,
    RecommendationVersion,
    Stance,
    StanceTranslation,
)
from consultations.models.participation import NotificationKind
from consultations.models.records import ConsultationTeamMember, Phase
from portal.queries import CompiledRead


class RateLimited(Exception):
    """The member wrote too many comments in too short a time."""


# --- Keeping the lasting records in line with published pages ----------------------


def source_locale_of(page):
    """The language a page was first written in (wagtail-localize knows for copies)."""
    from wagtail_localize.models import TranslationSource

    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .select_related("locale")
        .first()
    )
    return source.locale if source else page.locale


@transaction.atomic
def sync_consultation(page):
    """Bring the records in line with a consultation page that was just published.

    The page in the original language decides the dates, visibility, group, the set
    and order of recommendations and polls, and the draft version; a translation adds
    its own wording of the current version. Nothing is ever deleted: what left the
    draft is archived with everything people said about it.
    """
    page = page.specific
    consultation = Consultation.objects.filter(key=page.translation_key).first()
    is_new = consultation is None
    if is_new:
        consultation = Consultation(
            key=page.translation_key, source_locale=source_locale_of(page)
        )
    is_original = is_new or page.locale_id == consultation.source_locale_id

    if is_original:
        consultation.source_page = page
        consultation.title = page.title
        consultation.opens_at = page.opens_at
        consultation.closes_at = page.closes_at
        consultation.visibility = page.visibility
        consultation.participant_group_id = page.participant_group_id
        consultation.live_results = page.live_results
        consultation.results_published = page.results_published
        consultation.report_names = page.report_names
        consultation.save()
        moved_on, reworded = _sync_recommendations(consultation, page, is_new)
        if moved_on:
            consultation.save(update_fields=["draft_version", "updated_at"])
            notifications.notify_rewording(consultation, reworded)
        _sync_polls(consultation, page)
    _record_wording(consultation, page)
    sync_view_restrictions(consultation)
    return consultation


def _sync_recommendations(consultation, page, is_new):
    """Number, add and archive recommendations. Returns whether the draft version
    moved on, and the recommendations reworded in it that had a wording before."""
    now = timezone.now()
    items = list(page.recommendations.all())
    records = {record.key: record for record in consultation.recommendations.all()}
    latest = {
        version.recommendation_id: version
        for version in RecommendationVersion.objects.filter(
            recommendation__consultation=consultation, locale=consultation.source_locale
        ).order_by("draft_version")
    }

    reworded = []
    for number, item in enumerate(items, start=1):
        record = records.get(item.translation_key)
        if record is None:
            record = Recommendation.objects.create(
                consultation=consultation, key=item.translation_key, number=number
            )
        elif record.number != number or record.archived_at:
            record.number, record.archived_at = number, None
            record.save(update_fields=["number", "archived_at"])
        version = latest.get(record.pk)
        if version is None or (version.title, version.text) != (item.title, item.text):
            reworded.append((record, item, version is not None))

    kept = {item.translation_key for item in items}
    archived = [
        record.pk
        for key, record in records.items()
        if key not in kept and record.archived_at is None
    ]
    Recommendation.objects.filter(pk__in=archived).update(archived_at=now)

    moved_on = not is_new and bool(reworded or archived)
    if moved_on:
        consultation.draft_version += 1
    for record, item, _had_wording in reworded:
        RecommendationVersion.objects.update_or_create(
            recommendation=record,
            draft_version=consultation.draft_version,
            locale=page.locale,
            defaults={
                "title": item.title,
                "text": item.text,
                "translates_version": consultation.draft_version,
            },
        )
    changed = [record for record, _item, had_wording in reworded if had_wording]
    return moved_on, changed if moved_on else []


def _record_wording(consultation, page):
    """Keep this language's wording of the current draft version, and which
    version of the original it translates.

    A translation is made from wagtail-localize's copy of the original as of its
    last sync, which may be older than the draft: its wording then says that older
    version, and readers are shown the original until it is translated anew. A
    recommendation whose text is still the original's (wagtail-localize fills
    untranslated segments with it) is not a translation at all."""
    if page.locale_id == consultation.source_locale_id:
        return  # written by _sync_recommendations
    originals = _translated_from(consultation, page)
    records = {r.key: r for r in consultation.recommendations.filter(archived_at=None)}
    source_versions = defaultdict(list)
    for version in RecommendationVersion.objects.filter(
        recommendation__consultation=consultation, locale=consultation.source_locale_id
    ):
        source_versions[version.recommendation_id].append(version)
    for item in page.recommendations.all():
        record = records.get(item.translation_key)
        if record is None:
            continue  # removed from the original; the translation is not re-synced yet
        sources = source_versions[record.pk]
        original = originals.get(str(item.translation_key))
        if original is None and sources:
            # Translated by hand in the page tree, not with wagtail-localize:
            # taken as a translation of the original as it is now.
            latest_source = max(sources, key=lambda v: v.draft_version)
            original = (latest_source.title, latest_source.text)
        if original is not None and original[1] == item.text:
            continue  # not translated yet
        translates = max(
            (v.draft_version for v in sources if (v.title, v.text) == original),
            default=None,
        )
        latest = (
            record.versions.filter(locale=page.locale)
            .order_by("-draft_version")
            .first()
        )
        if latest and (latest.title, latest.text, latest.translates_version) == (
            item.title,
            item.text,
            translates,
        ):
            continue
        RecommendationVersion.objects.update_or_create(
            recommendation=record,
            draft_version=consultation.draft_version,
            locale=page.locale,
            defaults={
                "title": item.title,
                "text": item.text,
                "translates_version": translates,
            },
        )


def _translated_from(consultation, page):
    """{translation key: (title, text)} of each recommendation in the original
    this translation was made from: wagtail-localize's copy of it."""
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale=consultation.source_locale_id
    ).first()
    if source is None:
        return {}
    content = json.loads(source.content_json)
    return {
        str(item.get("translation_key")): (item.get("title"), item.get("text"))
        for item in content.get("recommendations", [])
    }


def _sync_polls(consultation, page):
    now = timezone.now()
    questions = {q.key: q for q in consultation.poll_questions.all()}
    kept = set()
    for position, item in enumerate(page.polls.all()):
        kept.add(item.translation_key)
        question, _ = PollQuestion.objects.update_or_create(
            consultation=consultation,
            key=item.translation_key,
            defaults={
                "question_text": item.question,
                "allows_multiple": item.allows_multiple,
                "max_choices": item.max_choices,
                "sort_order": position,
                "archived_at": None,
            },
        )
        choice_keys = []
        for choice_position, block in enumerate(item.choices):
            choice_keys.append(block.id)
            PollChoice.objects.update_or_create(
                question=question,
                key=block.id,
                defaults={
                    "choice_text": block.value,
                    "sort_order": choice_position,
                    "archived_at": None,
                },
            )
        question.choices.exclude(key__in=choice_keys).filter(archived_at=None).update(
            archived_at=now
        )
    PollQuestion.objects.filter(
        pk__in=[q.pk for k, q in questions.items() if k not in kept]
    ).filter(archived_at=None).update(archived_at=now)


def sync_view_restrictions(consultation):
    """Team-only consultations are restricted, in every language, to the group and
    the editors; so search, menus, sitemaps and feeds (which show only public
    pages) never name them to anyone else."""
    groups = groups_that_may_view(consultation)
    pages = Page.objects.filter(translation_key=consultation.key)
    for page in pages:
        restrictions = PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        if groups is None:
            restrictions.delete()
            continue
        restriction = restrictions.first() or PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(groups)


# --- Wording and versions -----------------------------------------------------------


def wording(recommendation, draft_version, locale):
    """The recommendation's title and text as of a draft version, in a language if it
    was translated by then, else in the original language."""
    versions = RecommendationVersion.objects.filter(
        recommendation=recommendation, draft_version__lte=draft_version
    ).order_by("-draft_version")
    return (
        versions.filter(locale=locale).first()
        or versions.filter(locale=recommendation.consultation.source_locale_id).first()
    )


@dataclass
class ShownWording:
    """A recommendation's wording as a reader of one language is shown it."""

    title: str
    text: str
    language: str  # the language the words are in
    version: int  # the draft version of the original they say
    # The reader's language has no translation of this version yet: the words
    # are the original's. ``outdated`` is that language's older translation.
    behind: bool = False
    outdated: RecommendationVersion | None = None


def reader_wordings(consultation, locale, recommendations=None):
    """{recommendation id: ShownWording} of the current draft for readers of
    ``locale``: their language's wording if it translates the current version of
    the original, else the original's, never an older translation as if it were
    current."""
    source_locale = consultation.source_locale
    versions = RecommendationVersion.objects.filter(
        recommendation__consultation=consultation,
        locale__in={locale.pk, source_locale.pk},
        draft_version__lte=consultation.draft_version,
    ).order_by("draft_version")
    if recommendations is not None:
        versions = versions.filter(recommendation__in=recommendations)
    original, own = {}, {}
    for version in versions:
        if version.locale_id == source_locale.pk:
            original[version.recommendation_id] = version
        if version.locale_id == locale.pk:
            own[version.recommendation_id] = version
    shown = {}
    for recommendation_id, source in original.items():
        translated = own.get(recommendation_id)
        if translated and (translated.translates_version or 0) >= source.draft_version:
            shown[recommendation_id] = ShownWording(
                translated.title,
                translated.text,
                locale.language_code,
                source.draft_version,
            )
        else:
            shown[recommendation_id] = ShownWording(
                source.title,
                source.text,
                source_locale.language_code,
                source.draft_version,
                behind=True,
                outdated=translated,
            )
    return shown


@dataclass
class LanguageBehind:
    """The recommendations whose translation into one language is behind the
    original, and where an editor brings it up to date."""

    locale: object
    page: object  # the translated page
    recommendations: list  # (Recommendation, ShownWording)
    sync_url: str  # wagtail-localize's "sync", then on to the translation editor
    edit_url: str


def translations_behind(consultation):
    """Per language with a translated page, what is behind the original."""
    from django.urls import reverse
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(
        object_id=consultation.key, locale=consultation.source_locale_id
    ).first()
    pages = (
        Page.objects.filter(translation_key=consultation.key)
        .exclude(locale=consultation.source_locale_id)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    recommendations = {
        r.pk: r for r in consultation.recommendations.filter(archived_at=None)
    }
    languages = []
    for page in pages:
        shown = reader_wordings(consultation, page.locale)
        behind = [
            (recommendations[pk], wording)
            for pk, wording in shown.items()
            if wording.behind and pk in recommendations
        ]
        if not behind:
            continue
        behind.sort(key=lambda pair: pair[0].number)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        sync_url = edit_url
        if source is not None:
            sync_url = (
                reverse("wagtail_localize:update_translations", args=[source.pk])
                + "?"
                + urlencode({"next": edit_url})
            )
        languages.append(LanguageBehind(page.locale, page, behind, sync_url, edit_url))
    return languages


@dataclass
class Said:
    """Words shown to a reader, and the language they are in when it is not the
    reader's (None when it is)."""

    text: str
    lang: str | None = None

    def __str__(self):
        return self.text


class PageTexts:
    """What the live pages of some consultations say in one language: their
    titles and poll wording, else the original's, marked with its language."""

    def __init__(self, consultations, locale):
        from consultations.models import ConsultationPage

        self.locale = locale
        self.titles, self.questions, self.choices, self._codes = {}, {}, {}, {}
        keys = {c.key for c in consultations}
        pages = (
            ConsultationPage.objects.live()
            .filter(translation_key__in=keys, locale=locale)
            .prefetch_related("polls")
        )
        for page in pages:
            self.titles[page.translation_key] = page.title
            for poll in page.polls.all():
                self.questions[poll.translation_key] = poll.question
                for block in poll.choices:
                    self.choices[str(block.id)] = block.value

    def _said(self, found, original, source_locale_id):
        if found is not None:
            return Said(found)
        if source_locale_id == self.locale.pk:
            return Said(original)
        if source_locale_id not in self._codes:
            self._codes[source_locale_id] = (
                Locale.objects.filter(pk=source_locale_id)
                .values_list("language_code", flat=True)
                .first()
            )
        return Said(original, self._codes[source_locale_id])

    def title(self, consultation):
        return self._said(
            self.titles.get(consultation.key),
            consultation.title,
            consultation.source_locale_id,
        )

    def question(self, question, consultation):
        return self._said(
            self.questions.get(question.key),
            question.question_text,
            consultation.source_locale_id,
        )

    def choice(self, choice, consultation):
        return self._said(
            self.choices.get(str(choice.key)),
            choice.choice_text,
            consultation.source_locale_id,
        )


def last_changed_versions(consultation):
    """For each recommendation, the draft version its wording last changed in."""
    return dict(
        RecommendationVersion.objects.filter(
            recommendation__consultation=consultation,
            locale=consultation.source_locale_id,
        )
        .values_list("recommendation")
        .annotate(changed=Max("draft_version"))
    )


# --- Stances ------------------------------------------------------------------------


def current_draft_version(recommendation):
    return Consultation.objects.values_list("draft_version", flat=True).get(
        pk=recommendation.consultation_id
    )


def record_stance(member, recommendation, choice, reason, language):
    """Insert the member's stance, or update it if there is one: one statement that
    relies on the unique constraint, so parallel posts cannot make two rows. The
    draft version is read in the same statement.

    It is what ``bulk_create(update_conflicts=True)`` sends, written out once
    (``_UPSERT_STANCE``): bulk_create builds the statement anew on each call and
    wraps it in a transaction, two more round trips, for what is one statement
    and atomic on its own. A stance post is the busiest write members make."""
    now = Stance._meta.get_field("updated_at").get_db_prep_value(
        timezone.now(), connection
    )
    with connection.cursor() as cursor:
        cursor.execute(
            _upsert_stance_sql(),
            [
                recommendation.pk,
                member.pk,
                choice,
                reason,
                language,
                recommendation.consultation_id,
                now,
                now,
            ],
        )


@cache
def _upsert_stance_sql():
    quote = connection.ops.quote_name
    stance, consultation = Stance._meta, Consultation._meta

    def column(name):
        return quote(stance.get_field(name).column)

    inserted = [
        "recommendation",
        "member",
        "choice",
        "reason",
        "language",
        "draft_version",
        "created_at",
        "updated_at",
    ]
    updated = ["choice", "reason", "language", "draft_version", "updated_at"]
    draft_version = (
        f"(SELECT {quote(consultation.get_field('draft_version').column)}"
        f" FROM {quote(consultation.db_table)}"
        f" WHERE {quote(consultation.pk.column)} = %s)"
    )
    values = ["%s"] * 5 + [draft_version, "%s", "%s"]
    changes = [f"{column(name)} = EXCLUDED.{column(name)}" for name in updated]
    # PostgreSQL and SQLite (3.24 and later) say an upsert the same way.
    return (
        f"INSERT INTO {quote(stance.db_table)} ({', '.join(map(column, inserted))})"
        f" VALUES ({', '.join(values)})"
        f" ON CONFLICT ({column('recommendation')}, {column('member')})"
        f" DO UPDATE SET {', '.join(changes)}"
    )


def next_without_stance(member, recommendation):
    """The member's next recommendation of the same draft (by number, wrapping
    round) that they have not taken a stance on yet, or None."""
    remaining = (
        recommendation.consultation.recommendations.filter(archived_at=None)
        .exclude(pk=recommendation.pk)
        .exclude(stances__member=member)
        .order_by("number")
    )
    return (
        remaining.filter(number__gt=recommendation.number).first() or remaining.first()
    )


def confirm_stance(member, recommendation):
    """Keep the stance, now as a stance on the current wording."""
    return Stance.objects.filter(recommendation=recommendation, member=member).update(
        draft_version=current_draft_version(recommendation),
        updated_at=timezone.now(),
    )


# --- The team a consultation counts -------------------------------------------------


def freeze_team(consultation, now=None):
    """Once a consultation has closed, record its team: the members its group has
    now, with the recommendations each took a stance on. From then on its "of N",
    "responded" and "did not respond" are counted of these members, whoever leaves
    or joins the group later. True if this call recorded it.

    Run for every closed consultation by ``send_consultation_notifications``
    (cron, every 15 minutes) and, should cron not have run yet, by the first
    counting after closing: the team is the group as it was at the first run after
    closing. Consultations that had closed before teams were recorded are frozen
    the same way, with their group's members at that first run. A consultation
    reopened (its closing date moved later) counts its group again until it closes
    anew, and is then recorded anew."""
    now = now or timezone.now()
    if consultation.team_is_frozen or consultation.phase(now) != Phase.CLOSED:
        return False
    with transaction.atomic():
        return _record_team(consultation, now)


def _record_team(consultation, now):
    # The update claims the recording: of two requests (or a request and cron)
    # recording at once, the other waits for it and then finds it done.
    claimed = (
        Consultation.objects.filter(pk=consultation.pk)
        .team_not_frozen()
        .update(team_frozen_at=now)
    )
    if not claimed:
        consultation.refresh_from_db(fields=["team_frozen_at"])
        return False
    member_ids = list(consultation.team().values_list("pk", flat=True))
    responded = defaultdict(list)
    for member_id, recommendation_id in (
        Stance.objects.filter(
            recommendation__consultation=consultation, member__in=member_ids
        )
        .order_by("recommendation")
        .values_list("member", "recommendation")
    ):
        responded[member_id].append(recommendation_id)
    # What a reopened consultation recorded at its earlier closing no longer holds.
    ConsultationTeamMember.objects.filter(consultation=consultation).delete()
    ConsultationTeamMember.objects.bulk_create(
        ConsultationTeamMember(
            consultation=consultation,
            user_id=member_id,
            responded_to=responded[member_id],
        )
        for member_id in member_ids
    )
    consultation.team_frozen_at = now
    return True


def freeze_closed_teams(now=None):
    """Record the team of every consultation that closed since the last run."""
    now = now or timezone.now()
    return sum(
        freeze_team(consultation, now)
        for consultation in Consultation.objects.closed(now).team_not_frozen()
    )


def team_stances(consultation):
    """[(member id or None for a deleted account, {recommendation ids with their
    stance})] for each member of the team: the group's members while the
    consultation runs, the recorded team once it has closed (recorded now if
    not yet)."""
    freeze_team(consultation)
    if consultation.team_is_frozen:
        return [
            (member.user_id, set(member.responded_to))
            for member in consultation.team_members.all()
        ]
    if consultation.participant_group_id is None:
        return []
    # The group's active members (``Consultation.team``), and their stances in
    # this consultation.
    reads = _team_reads()
    group_id = consultation.participant_group_id
    member_ids = [pk for (pk,) in reads["members"].rows(group_id)]
    responded = defaultdict(set)
    for member_id, recommendation_id in reads["stances"].rows(
        group_id, consultation.pk
    ):
        responded[member_id].add(recommendation_id)
    return [(member_id, responded[member_id]) for member_id in member_ids]


@cache
def _team_reads():
    """The reads of ``team_stances``, their SQL built once: a member's every
    view of a consultation counts the team."""
    User = get_user_model()
    group = Group._meta.pk
    return {
        "members": CompiledRead(
            lambda group_id: User.objects.filter(
                is_active=True, groups=group_id
            ).values_list("pk"),
            fields=[group],
            stand_ins=[1],
        ),
        "stances": CompiledRead(
            lambda group_id, consultation_id: Stance.objects.filter(
                recommendation__consultation=consultation_id,
                member__is_active=True,
                member__groups=group_id,
            ).values_list("member", "recommendation"),
            fields=[group, Consultation._meta.pk],
            stand_ins=[1, 2],
        ),
    }


def team_progress(consultation, recommendation=None):
    """How many of the team have taken a stance (on one recommendation, or on any),
    and who has not (``missing_ids``; None for a member whose account is deleted)."""
    responded, missing = [], []
    for member_id, recommendation_ids in team_stances(consultation):
        took_part = (
            recommendation.pk in recommendation_ids
            if recommendation is not None
            else bool(recommendation_ids)
        )
        (responded if took_part else missing).append(member_id)
    return {
        "responded": len(responded),
        "total": len(responded) + len(missing),
        "responded_ids": {member_id for member_id in responded if member_id},
        "missing_ids": missing,
    }


def stance_counts(recommendations):
    """{recommendation id: {choice: count}} in one query."""
    counts = {}
    rows = (
        Stance.objects.filter(recommendation__in=recommendations)
        .values_list("recommendation", "choice")
        .annotate(n=Count("pk"))
    )
    for recommendation_id, choice, n in rows:
        counts.setdefault(recommendation_id, {})[choice] = n
    return counts


# --- Comments -----------------------------------------------------------------------


# The same text by the same author in the same place within this time is one
# comment sent twice.
REPEAT_WINDOW = timedelta(minutes=2)


def check_comment_rate(author):
    limit = settings.CONSULTATIONS_COMMENT_LIMIT
    window = timedelta(seconds=settings.CONSULTATIONS_COMMENT_WINDOW)
    recent = Comment.objects.filter(
        author=author, created_at__gte=timezone.now() - window
    ).count()
    if recent >= limit:
        raise RateLimited


def post_comment(
    *,
    author,
    consultation,
    text,
    language,
    recommendation=None,
    parent=None,
    official=False,
    seen_version=None,
):
    """Publish a comment, or return the same one posted a moment ago: a double
    click, a resent form or a second tab sends it twice, and it is stored once.
    ``seen_version``: the draft version of the wording the author was shown, if
    older than the current one (a page opened before a change)."""
    if parent is not None:
        recommendation = parent.recommendation
    with transaction.atomic():
        # One author's posts are written one after another, so the second of two
        # identical ones finds the first. (SQLite takes its write lock when the
        # transaction starts; PostgreSQL locks the author's row.)
        get_user_model().objects.select_for_update().filter(pk=author.pk).exists()
        duplicate = Comment.objects.filter(
            author=author,
            consultation=consultation,
            recommendation=recommendation,
            parent=parent,
            text=text,
            withdrawn_at=None,
            created_at__gte=timezone.now() - REPEAT_WINDOW,
        ).first()
        if duplicate is not None:
            return duplicate
        if not official:
            check_comment_rate(author)
        comment = Comment.objects.create(
            consultation=consultation,
            recommendation=recommendation,
            parent=parent,
            thread=(parent.thread or parent) if parent else None,
            author=author,
            is_official=official,
            text=text,
            language=language,
            draft_version=min(
                seen_version or consultation.draft_version, consultation.draft_version
            ),
        )
        if official:
            audit.log_moderation(parent or comment, audit.REPLY, author)
        notifications.notify_reply(comment)
    return comment


@transaction.atomic
def edit_comment(comment, text):
    if text == comment.text:
        return comment
    CommentEdit.objects.create(comment=comment, previous_text=comment.text)
    comment.text = text
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "edited_at"])
    return comment


def withdraw_comment(comment):
    comment.withdrawn_at = timezone.now()
    comment.save(update_fields=["withdrawn_at"])


def report_comment(comment, reporter, reason, details):
    try:
        with transaction.atomic():
            return CommentReport.objects.create(
                comment=comment, reporter=reporter, reason=reason, details=details
            )
    except IntegrityError:
        # Reported before by the same member: keep the first report, update the words.
        report = CommentReport.objects.get(comment=comment, reporter=reporter)
        report.reason, report.details, report.resolved_at = reason, details, None
        report.save(update_fields=["reason", "details", "resolved_at"])
        return report


@transaction.atomic
def hide_comment(comment, editor, reason):
    """Hide a comment, or change the reason of one already hidden. Only the first
    of two hides (a resent form, two moderators at once) tells its author."""
    now = timezone.now()
    newly_hidden = Comment.objects.filter(pk=comment.pk, hidden_at=None).update(
        hidden_at=now, hidden_reason=reason, hidden_by=editor
    )
    if not newly_hidden:
        Comment.objects.filter(pk=comment.pk).update(
            hidden_reason=reason, hidden_by=editor
        )
    comment.refresh_from_db(fields=["hidden_at", "hidden_reason", "hidden_by"])
    comment.reports.filter(resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=editor
    )
    audit.log_moderation(comment, audit.HIDE, editor)
    if newly_hidden:
        notifications.notify_moderation(
            comment, NotificationKind.HIDDEN, editor, since=now
        )


@transaction.atomic
def unhide_comment(comment, editor):
    """Show a hidden comment again and tell its author, once per hiding."""
    hidden_at = (
        Comment.objects.filter(pk=comment.pk).values_list("hidden_at", flat=True).get()
    )
    shown_again = hidden_at is not None and (
        Comment.objects.filter(pk=comment.pk, hidden_at=hidden_at).update(
            hidden_at=None, hidden_reason="", hidden_by=None
        )
    )
    comment.refresh_from_db(fields=["hidden_at", "hidden_reason", "hidden_by"])
    audit.log_moderation(comment, audit.UNHIDE, editor)
    if shown_again:
        notifications.notify_moderation(
            comment, NotificationKind.SHOWN, editor, since=hidden_at
        )


@transaction.atomic
def resolve_reports(comment, editor):
    comment.reports.filter(resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=editor
    )
    audit.log_moderation(comment, audit.DISMISS_REPORTS, editor)


# --- Responses ----------------------------------------------------------------------


@transaction.atomic
def save_response(response, publish):
    """Save an editor's record of what became of a recommendation. Publishing it
    the first time tells the members who commented on the recommendation."""
    first_publication = publish and response.published_at is None
    if publish and response.published_at is None:
        response.published_at = timezone.now()
    elif not publish:
        response.published_at = None
    response.save()
    if first_publication:
        notifications.notify_response(response.recommendation)
    return response


# --- Translating comments for the authority ------------------------------------------

AUTHORITY_LANGUAGE = "pl"


class MachineTranslationUnavailable(Exception):
    pass


def words_of(item):
    """The member's words in a comment or a stance's reason, to translate."""
    return item.reason if isinstance(item, Stance) else item.text


def _translation_of(item):
    if isinstance(item, Stance):
        return StanceTranslation, {"stance": item}, {"source_text": item.reason}
    return CommentTranslation, {"comment": item}, {}


def machine_translator_for(item):
    """wagtail-localize's machine translator, if one is configured and can translate
    this comment's (or stance reason's) language into Polish."""
    from wagtail.models import Locale
    from wagtail_localize.machine_translators import get_machine_translator

    translator = get_machine_translator()
    if translator is None or item.language == AUTHORITY_LANGUAGE:
        return None
    source = Locale(language_code=item.language)
    target = Locale(language_code=AUTHORITY_LANGUAGE)
    return (
        (translator, source, target)
        if translator.can_translate(source, target)
        else None
    )


@transaction.atomic
def machine_translate(item, user):
    """Store a machine draft of a comment or a stance's reason; it is never
    marked checked until a person saves it."""
    from wagtail_localize.strings import StringValue

    found = machine_translator_for(item)
    if found is None:
        raise MachineTranslationUnavailable
    translator, source, target = found
    value = StringValue.from_plaintext(words_of(item))
    text = translator.translate(source, target, [value])[value].render_text()
    model, key, extra = _translation_of(item)
    return model.objects.update_or_create(
        **key,
        defaults={
            "text": text,
            "language": AUTHORITY_LANGUAGE,
            "is_machine_draft": True,
            "translated_by": user,
            "checked_by": None,
            "checked_at": None,
            **extra,
        },
    )[0]


@transaction.atomic
def save_translation(item, user, text, checked):
    """A person's translation of a comment or a stance's reason (or their
    correction of a machine draft)."""
    model, key, extra = _translation_of(item)
    return model.objects.update_or_create(
        **key,
        defaults={
            "text": text,
            "language": AUTHORITY_LANGUAGE,
            "is_machine_draft": False,
            "translated_by": user,
            "checked_by": user if checked else None,
            "checked_at": timezone.now() if checked else None,
            **extra,
        },
    )[0]


# --- Polls --------------------------------------------------------------------------


@transaction.atomic
def answer_poll(member, question, choices, language):
    """Record the member's one answer to a poll question (replacing an earlier one)."""
    try:
        with transaction.atomic():
            answer, _ = PollAnswer.objects.get_or_create(
                question=question, member=member, defaults={"language": language}
            )
    except IntegrityError:
        answer = PollAnswer.objects.get(question=question, member=member)
    # Lock the answer while its choices are replaced, so two posts at once don't
    # interleave (SQLite's immediate transactions serialise writers already).
    answer = PollAnswer.objects.select_for_update().get(pk=answer.pk)
    answer.language = language
    answer.draft_version = question.consultation.draft_version
    answer.save(update_fields=["language", "draft_version", "updated_at"])
    answer.choices.set(choices)
    return answer
