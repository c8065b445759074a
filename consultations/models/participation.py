"""What members create: stances, comments, reports and poll answers.

All of it points at the lasting records in ``records.py`` with PROTECT, and at the
member with SET_NULL: deleting an account anonymises a member's words and keeps the
counts; no content change by an editor deletes any of it.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from consultations.models.records import (
    Consultation,
    PollChoice,
    PollQuestion,
    Recommendation,
)
from consultations.names import validate_display_name

# Comments may be written in more languages than the site is translated into.
COMMENT_LANGUAGES = [
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("en", _("English")),
    ("ru", _("Russian")),
    ("be", _("Belarusian")),
    ("ar", _("Arabic")),
]
RTL_LANGUAGES = {"ar"}


class MemberProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    # NULL until chosen: unique constraints treat NULLs as distinct, "" would clash.
    display_name = models.CharField(  # noqa: DJ001
        _("display name"),
        max_length=40,
        null=True,
        blank=True,
        validators=[validate_display_name],
        help_text=_(
            "Shown with your comments instead of your name. Only the organisation's "
            "editors can see who you are."
        ),
    )

    language = models.CharField(
        _("language of e-mails"), max_length=8, choices=settings.LANGUAGES, default="pl"
    )
    notify_opening = models.BooleanField(_("when a consultation opens"), default=True)
    notify_closing = models.BooleanField(
        _("two days before a consultation closes, if I have not responded"),
        default=True,
    )
    notify_replies = models.BooleanField(
        _("when someone replies to my comment"), default=True
    )
    notify_responses = models.BooleanField(
        _("when a response is published on a recommendation I commented on"),
        default=True,
    )
    notify_moderation = models.BooleanField(
        _("when a moderator hides or shows again one of my comments"), default=True
    )
    notify_rewording = models.BooleanField(
        _("when a recommendation I took a stance on is reworded"), default=True
    )
    # When the member last opened their start page: what is "new" there is newer.
    last_seen_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        constraints = [
            models.UniqueConstraint(
                Lower("display_name"),
                name="display_name_unique",
                violation_error_message=_(
                    "Someone already uses this display name. Please choose another."
                ),
            )
        ]

    def __str__(self):
        return self.display_name or str(self.user_id)


class StanceChoice(models.TextChoices):
    SUPPORT = "support", _("I support it")
    SUPPORT_WITH_CHANGES = "support_with_changes", _("I support it with changes")
    OPPOSE = "oppose", _("I oppose it")
    ABSTAIN = "abstain", _("I abstain")


class Stance(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="stances"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_stances",
    )
    choice = models.CharField(_("stance"), max_length=24, choices=StanceChoice)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    language = models.CharField(max_length=8)
    draft_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stance")
        verbose_name_plural = _("stances")
        constraints = [
            # Two tabs, a double click or a retry must not make a second row; the
            # service inserts and updates on conflict with this constraint.
            models.UniqueConstraint(
                fields=["recommendation", "member"], name="one_stance_per_member"
            ),
            models.CheckConstraint(
                condition=models.Q(choice__in=StanceChoice.values),
                name="stance_choice_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(choice=StanceChoice.SUPPORT_WITH_CHANGES)
                | ~models.Q(reason=""),
                name="changes_are_named",
            ),
        ]

    def __str__(self):
        return f"{self.get_choice_display()} ({self.recommendation})"


class Comment(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    recommendation = models.ForeignKey(
        Recommendation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comments",
        help_text=_("Empty for comments on the consultation as a whole."),
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    # The top-level comment of the thread, so a page of threads loads in one query.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_comments",
    )
    is_official = models.BooleanField(_("written as the organisation"), default=False)
    text = models.TextField(_("comment"), max_length=4000)
    language = models.CharField(_("language"), max_length=8, choices=COMMENT_LANGUAGES)
    draft_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(_("why it is hidden"), blank=True, max_length=1000)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [
            (
                "moderate_comment",
                _("Can moderate comments and reply as the organisation"),
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(parent__isnull=True, thread__isnull=True)
                | models.Q(parent__isnull=False, thread__isnull=False),
                name="replies_belong_to_a_thread",
            ),
            models.CheckConstraint(
                condition=models.Q(hidden_at__isnull=True)
                | ~models.Q(hidden_reason=""),
                name="hidden_comments_say_why",
            ),
        ]
        indexes = [
            # A page of threads: the first comments on one subject, oldest first.
            models.Index(
                fields=["consultation", "recommendation", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_threads",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def direction(self):
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"


class CommentEdit(models.Model):
    """The text a comment had before its author edited it."""

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="edits")
    previous_text = models.TextField()
    edited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["edited_at"]

    def __str__(self):
        return f"{self.comment_id} @ {self.edited_at:%Y-%m-%d %H:%M}"


class ReportReason(models.TextChoices):
    OFFENSIVE = "offensive", _("It is offensive or hateful")
    PERSONAL_DATA = "personal_data", _("It reveals someone's personal data")
    SPAM = "spam", _("It is spam or advertising")
    OTHER = "other", _("Something else")


class CommentReport(models.Model):
    comment = models.ForeignKey(
        Comment, on_delete=models.PROTECT, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="one_report_per_member_and_comment"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


class PollAnswer(models.Model):
    question = models.ForeignKey(
        PollQuestion, on_delete=models.PROTECT, related_name="answers"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="poll_answers",
    )
    choices = models.ManyToManyField(PollChoice, related_name="answers")
    language = models.CharField(max_length=8)
    # The consultation's draft version when the member last answered. Empty for
    # answers given before it was recorded.
    draft_version = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("poll answer")
        verbose_name_plural = _("poll answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "member"], name="one_answer_per_member"
            )
        ]

    def __str__(self):
        return f"{self.question} ({self.member_id})"


class WordsTranslation(models.Model):
    """Members' words put into Polish for the authority, checked by a person."""

    language = models.CharField(max_length=8, default="pl")
    text = models.TextField(_("translation"), max_length=6000)
    is_machine_draft = models.BooleanField(default=False)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.text[:60]

    @property
    def is_checked(self):
        return self.checked_at is not None


# A machine's draft is never "checked" until a person has edited it.
def _machine_drafts_are_not_checked(name):
    return models.CheckConstraint(
        condition=models.Q(checked_at__isnull=True) | models.Q(is_machine_draft=False),
        name=name,
    )


class CommentTranslation(WordsTranslation):
    comment = models.OneToOneField(
        Comment, on_delete=models.PROTECT, related_name="translation"
    )

    class Meta:
        verbose_name = _("comment translation")
        verbose_name_plural = _("comment translations")
        constraints = [
            _machine_drafts_are_not_checked("machine_drafts_are_not_checked")
        ]


class StanceTranslation(WordsTranslation):
    """A stance's reason in Polish. A member may change their reason later: the
    translation counts only while ``source_text`` is still the reason."""

    stance = models.OneToOneField(
        Stance, on_delete=models.PROTECT, related_name="translation"
    )
    source_text = models.TextField(max_length=2000)

    class Meta:
        verbose_name = _("stance reason translation")
        verbose_name_plural = _("stance reason translations")
        constraints = [
            _machine_drafts_are_not_checked("stance_machine_drafts_are_not_checked")
        ]

    @property
    def is_current(self):
        return self.source_text == self.stance.reason


class NotificationKind(models.TextChoices):
    OPENING = "opening", _("A consultation opened")
    CLOSING = "closing", _("A consultation closes soon")
    REPLY = "reply", _("A reply to a comment")
    RESPONSE = "response", _("A response was published")
    HIDDEN = "hidden", _("A comment was hidden")
    SHOWN = "shown", _("A comment was shown again")
    REWORDED = "reworded", _("A recommendation was reworded")


class Notification(models.Model):
    """One e-mail sent: the record that keeps each from going out twice."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=NotificationKind)
    subject_key = models.CharField(max_length=64)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind", "subject_key"], name="notify_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.subject_key} → {self.member_id}"
