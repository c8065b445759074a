"""The numbers and words of a consultation, gathered once for the results page, the
report for the authority and its CSV and XLSX exports.

Everything is computed from the lasting records, so a report can be made even after
the consultation's page was deleted, in any language its wording was written in.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from consultations.models import (
    Comment,
    PollChoice,
    RecommendationResponse,
    RecommendationVersion,
    Stance,
)
from consultations.models.participation import StanceChoice
from consultations.models.records import ReportNames
from consultations.names import (
    FORMER_MEMBER,
    ORGANISATION,
    UNNAMED_MEMBER,
    participant,
)
from consultations.services import (
    PageTexts,
    last_changed_versions,
    stance_counts,
    team_stances,
)
from portal.languages import localized

SUPPORTING = {StanceChoice.SUPPORT, StanceChoice.SUPPORT_WITH_CHANGES}


@dataclass
class RecommendationResult:
    recommendation: object
    wording: object  # RecommendationVersion in the reader's language, or the original
    counts: dict
    responded: int
    team_size: int
    comment_count: int
    reasons: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    response: object = None
    # Stances taken on a wording that changed since (not confirmed for the new one).
    on_earlier: int = 0

    @property
    def on_current(self):
        return self.total - self.on_earlier

    @property
    def number(self):
        return self.recommendation.number

    @property
    def total(self):
        return sum(self.counts.values())

    def share(self, choices):
        return (
            sum(self.counts.get(c, 0) for c in choices) / self.total
            if self.total
            else 0
        )

    @property
    def support(self):
        return self.share(SUPPORTING)

    @property
    def disagreement(self):
        return self.share({StanceChoice.OPPOSE})

    @property
    def responded_share(self):
        return self.responded / self.team_size if self.team_size else 0

    @property
    def rows(self):
        """(choice, label, count, share) for every stance, in the form's order."""
        return [
            (choice, label, self.counts.get(choice, 0), self.share({choice}))
            for choice, label in StanceChoice.choices
        ]

    @property
    def segments(self):
        """(choice, x, width) of a stacked bar 100 units wide."""
        x, segments = 0.0, []
        for choice, _label, _count, share in self.rows:
            if share:
                segments.append((choice, round(x, 2), round(share * 100, 2)))
                x += share * 100
        return segments


@dataclass
class PollResult:
    question: object
    choices: list  # (PollChoice, count, share)
    answers: int

    @property
    def bars(self):
        """(PollChoice, count, share, width) for bars 100 units wide."""
        return [(c, n, share, round(share * 100, 2)) for c, n, share in self.choices]


SORTS = {
    "number": lambda r: r.number,
    "support": lambda r: (-r.support, r.number),
    "disagreement": lambda r: (-r.disagreement, r.number),
}


def author_names(record, comments):
    """What the report calls each comment's author, per the consultation's setting."""
    if record.report_names == ReportNames.ANONYMISED:
        order = {}
        for comment in sorted(comments, key=lambda c: (c.created_at, c.pk)):
            if not comment.is_official and comment.author_id not in order:
                order[comment.author_id] = len(order) + 1
        return {
            c.pk: str(ORGANISATION)
            if c.is_official
            else participant(order[c.author_id])
            for c in comments
        }
    names = {}
    for comment in comments:
        if comment.is_official:
            names[comment.pk] = str(ORGANISATION)
        elif comment.author_id is None:
            names[comment.pk] = str(FORMER_MEMBER)
        else:
            profile = getattr(comment.author, "member_profile", None)
            names[comment.pk] = (profile and profile.display_name) or str(
                UNNAMED_MEMBER
            )
    return names


def wordings(record, locale):
    """{recommendation id: current wording in this language, else the original}."""
    versions = RecommendationVersion.objects.filter(
        recommendation__consultation=record,
        locale__in={locale.pk, record.source_locale_id},
    ).order_by("draft_version")
    by_recommendation = defaultdict(lambda: {"own": [], "source": []})
    for version in versions:
        kind = "own" if version.locale_id == locale.pk else "source"
        by_recommendation[version.recommendation_id][kind].append(version)
    result = {}
    for recommendation_id, found in by_recommendation.items():
        result[recommendation_id] = (found["own"] or found["source"])[-1]
    return result


def consultation_results(record, locale, sort="number", with_words=False):
    """Per recommendation: stance distribution, participation, reasons and comments."""
    recommendations = list(record.recommendations.all())
    # The consultation's own group, or the team recorded when it closed.
    team = team_stances(record)
    team_size = len(team)
    counts = stance_counts(recommendations)
    responded = Counter(
        recommendation_id
        for _member_id, recommendation_ids in team
        for recommendation_id in recommendation_ids
    )
    visible = Q(withdrawn_at=None, hidden_at=None)
    comment_counts = dict(
        Comment.objects.filter(visible, recommendation__in=recommendations)
        .values_list("recommendation")
        .annotate(n=Count("pk"))
    )
    responses = {
        r.recommendation_id: r
        for r in localized(
            RecommendationResponse.objects.filter(recommendation__in=recommendations),
            locale.language_code,
        ).values()
    }
    words = wordings(record, locale)
    on_earlier = stances_on_earlier_wording(record, recommendations)

    reasons = defaultdict(list)
    comments = defaultdict(list)
    if with_words:
        for stance in (
            Stance.objects.filter(recommendation__in=recommendations)
            .exclude(reason="")
            .select_related("translation")
        ):
            reasons[stance.recommendation_id].append(stance)
        for comment in report_comments(record):
            comments[comment.recommendation_id].append(comment)

    results = [
        RecommendationResult(
            recommendation=recommendation,
            wording=words.get(recommendation.pk),
            counts=counts.get(recommendation.pk, {}),
            responded=responded.get(recommendation.pk, 0),
            team_size=team_size,
            comment_count=comment_counts.get(recommendation.pk, 0),
            reasons=reasons[recommendation.pk],
            comments=comments[recommendation.pk],
            response=responses.get(recommendation.pk),
            on_earlier=on_earlier.get(recommendation.pk, 0),
        )
        for recommendation in recommendations
    ]
    return sorted(results, key=SORTS.get(sort, SORTS["number"])), comments.get(None, [])


def stances_on_earlier_wording(record, recommendations):
    """{recommendation id: stances taken before its wording last changed}."""
    changed = last_changed_versions(record)
    counts = defaultdict(int)
    rows = (
        Stance.objects.filter(recommendation__in=recommendations)
        .values_list("recommendation", "draft_version")
        .annotate(n=Count("pk"))
    )
    for recommendation_id, draft_version, n in rows:
        if draft_version < changed.get(recommendation_id, 0):
            counts[recommendation_id] += n
    return counts


def report_comments(record):
    """Every comment of the consultation with what the report needs, in order."""
    return list(
        Comment.objects.filter(consultation=record)
        .select_related("author__member_profile", "translation", "recommendation")
        .order_by("recommendation__number", "created_at", "pk")
    )


def polls_in_language(polls, record, locale):
    """Give each poll question and choice its wording in ``locale``
    (``.shown``), else the original's, marked with its language. Returns the
    texts, which also know the consultation's title there."""
    texts = PageTexts([record], locale)
    for poll in polls:
        poll.question.shown = texts.question(poll.question, record)
        for choice, _count, _share in poll.choices:
            choice.shown = texts.choice(choice, record)
    return texts


def poll_results(record):
    questions = list(record.poll_questions.filter(archived_at=None))
    answers = dict(
        record.poll_questions.values_list("pk").annotate(
            n=Count("answers", distinct=True)
        )
    )
    per_choice = defaultdict(list)
    for choice in PollChoice.objects.filter(
        question__in=questions, archived_at=None
    ).annotate(n=Count("answers")):
        per_choice[choice.question_id].append(choice)
    results = []
    for question in questions:
        total = answers.get(question.pk, 0)
        results.append(
            PollResult(
                question=question,
                choices=[
                    (choice, choice.n, choice.n / total if total else 0)
                    for choice in per_choice[question.pk]
                ],
                answers=total,
            )
        )
    return results
