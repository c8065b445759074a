"""The lasting records that people's stances, comments and answers point at.

A consultation is edited as a Wagtail page: it has drafts, revisions, scheduled
publishing and one page per language (wagtail-localize), and its recommendations and
polls are child rows that are replaced, re-keyed per language or deleted as editors
work. None of that may take people's words with it, so each consultation,
recommendation, poll question and choice also has a record here, keyed by the
``translation_key`` (or StreamField block id) its page rows share across languages.
The records are written when a page is published (``services.sync_consultation``),
archived rather than deleted, and never point back at a page with CASCADE.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class Visibility(models.TextChoices):
    TEAM = "team", _("Team only")
    PUBLIC = "public", _("Public (read-only for everyone else)")


class ReportNames(models.TextChoices):
    PSEUDONYMS = "pseudonyms", _("By display name")
    ANONYMISED = "anonymised", _("Anonymised")


# Short status words are shared by nouns of different genders: each set has its
# own context so that translators can inflect it (a consultation is feminine).
class Phase(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("consultation phase", "Upcoming")
    OPEN = "open", pgettext_lazy("consultation phase", "Open")
    CLOSED = "closed", pgettext_lazy("consultation phase", "Closed")


class ConsultationQuerySet(models.QuerySet):
    """The phases of ``Consultation.phase`` as queries."""

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def team_not_frozen(self):
        """Never frozen, or frozen before a later closing date (it was reopened)."""
        return self.filter(
            models.Q(team_frozen_at=None)
            | models.Q(team_frozen_at__lt=models.F("closes_at"))
        )


class Consultation(models.Model):
    key = models.UUIDField(unique=True, editable=False)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page in the original language; empty once it is deleted."),
    )
    source_locale = models.ForeignKey(
        Locale, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.TEAM
    )
    participant_group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    live_results = models.BooleanField(default=False)
    results_published = models.BooleanField(default=False)
    report_names = models.CharField(
        max_length=12, choices=ReportNames, default=ReportNames.PSEUDONYMS
    )
    draft_version = models.PositiveIntegerField(
        _("draft version"),
        default=1,
        help_text=_("Goes up each time a published draft changes a recommendation."),
    )
    team_frozen_at = models.DateTimeField(
        _("team recorded at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the members of the group taking part were recorded after closing."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation record")
        verbose_name_plural = _("consultation records")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    def phase(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return Phase.UPCOMING
        if now < self.closes_at:
            return Phase.OPEN
        return Phase.CLOSED

    @property
    def team_is_frozen(self):
        """The team was recorded after the consultation's (latest) closing."""
        return self.team_frozen_at is not None and self.team_frozen_at >= self.closes_at

    def team(self):
        """The accounts the team is counted of: while the team is not frozen, the
        members of the group taking part (active accounts, as
        ``access.ConsultationAccess.is_member`` decides); once it is frozen
        (``services.freeze_team``), the members the group had when it closed,
        whatever became of their accounts or of the group since. Deleted accounts
        are not here: count the team with ``services.team_stances``, which has
        them."""
        users = get_user_model().objects.all()
        if self.team_is_frozen:
            return users.filter(
                pk__in=self.team_members.exclude(user=None).values("user")
            )
        if self.participant_group_id is None:
            return users.none()
        return users.filter(is_active=True, groups=self.participant_group_id)


class ConsultationTeamMember(models.Model):
    """One member of a consultation's team as it was when the consultation closed.

    Written once by ``services.freeze_team``, so that a closed consultation's "of N"
    and "did not respond" do not change when someone later leaves the group, is
    deactivated or deletes their account, or joins the group."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="team_members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty once the account is deleted: the member still counts."),
    )
    # The recommendations this member had taken a stance on at closing (no stance
    # can be taken after). A deleted account's stances stay but no longer say whose
    # they are; this keeps them counted as this member's.
    responded_to = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("member of a closed consultation's team")
        verbose_name_plural = _("members of closed consultations' teams")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"], name="one_team_place_per_member"
            )
        ]

    def __str__(self):
        return f"{self.consultation}: {self.user or '-'}"


class Recommendation(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="recommendations"
    )
    key = models.UUIDField(editable=False)
    number = models.PositiveSmallIntegerField(_("number"))
    archived_at = models.DateTimeField(
        _("removed from the draft at"),
        null=True,
        blank=True,
        help_text=_("Kept with its stances and comments after it left the draft."),
    )

    class Meta:
        verbose_name = _("recommendation record")
        verbose_name_plural = _("recommendation records")
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "key"], name="recommendation_key_unique"
            )
        ]

    def __str__(self):
        version = self.versions.filter(locale=self.consultation.source_locale).last()
        return f"{self.number}. {version.title if version else self.key}"

    @property
    def is_archived(self):
        return self.archived_at is not None


class RecommendationVersion(models.Model):
    """A recommendation's wording in one language at one draft version."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="versions"
    )
    draft_version = models.PositiveIntegerField()
    locale = models.ForeignKey(Locale, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=255)
    text = models.TextField()
    # The draft version of the original wording this one says: its own
    # draft_version for the original language; for a translation, the version of
    # the original it was translated from (which may be older than the draft
    # version it was published in). Null when that could not be told.
    translates_version = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "draft_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "draft_version", "locale"],
                name="one_wording_per_version_and_language",
            )
        ]

    def __str__(self):
        return f"{self.title} (v{self.draft_version}, {self.locale})"


class PollQuestion(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="poll_questions"
    )
    key = models.UUIDField(editable=False)
    question_text = models.CharField(_("question"), max_length=255)
    allows_multiple = models.BooleanField(default=False)
    max_choices = models.PositiveSmallIntegerField(null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    pub_date = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("poll question")
        verbose_name_plural = _("poll questions")
        ordering = ["consultation", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "key"], name="poll_question_key_unique"
            )
        ]

    def __str__(self):
        return self.question_text


class PollChoice(models.Model):
    question = models.ForeignKey(
        PollQuestion, on_delete=models.PROTECT, related_name="choices"
    )
    key = models.UUIDField(editable=False, help_text="The StreamField block id.")
    choice_text = models.CharField(_("choice"), max_length=255)
    sort_order = models.PositiveSmallIntegerField(default=0)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("poll choice")
        verbose_name_plural = _("poll choices")
        ordering = ["question", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "key"], name="poll_choice_key_unique"
            )
        ]

    def __str__(self):
        return self.choice_text


# What the authority did with a recommendation: the words qualify the
# recommendation (feminine in Polish, Ukrainian and Russian).
class ResponseOutcome(models.TextChoices):
    ACCEPTED = (
        "accepted",
        pgettext_lazy("authority's response to a recommendation", "Accepted"),
    )
    ACCEPTED_IN_PART = (
        "accepted_in_part",
        pgettext_lazy("authority's response to a recommendation", "Accepted in part"),
    )
    REJECTED = (
        "rejected",
        pgettext_lazy("authority's response to a recommendation", "Rejected"),
    )
    UNDER_CONSIDERATION = (
        "under_consideration",
        pgettext_lazy(
            "authority's response to a recommendation", "Under consideration"
        ),
    )


class RecommendationResponse(TranslatableMixin, models.Model):
    """What became of a recommendation: the organisation's position and the
    authority's answer, recorded by editors in the consultation's language and
    translated with wagtail-localize like any snippet.

    Each language's copy is a row of its own. Only the texts are translated: the
    outcome, dates and publication are facts, copied to every copy when the
    original is saved (``share_facts``) and not offered to translators. Nothing
    people wrote points at a response, so a re-synced translation loses nothing.
    """

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    organisation_position = models.TextField(
        _("the organisation's position"), blank=True
    )
    outcome = models.CharField(
        _("the authority's response"),
        max_length=20,
        choices=ResponseOutcome,
        blank=True,
    )
    authority_reasoning = models.TextField(_("the authority's reasoning"), blank=True)
    responded_on = models.DateField(_("date of the response"), null=True, blank=True)
    adopted_in_version = models.PositiveIntegerField(
        _("taken into draft version"),
        null=True,
        blank=True,
        help_text=_("The later draft version that took the recommendation in, if any."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    FACTS = ["outcome", "responded_on", "adopted_in_version", "published_at"]

    # Edited here only in translations: the original is recorded in the outcomes
    # admin (``views.admin.ResponseEditView``), which publishes and notifies.
    panels = [
        FieldPanel("recommendation", read_only=True),
        FieldPanel("organisation_position"),
        FieldRowPanel(
            [
                FieldPanel("outcome", read_only=True),
                FieldPanel("responded_on", read_only=True),
            ]
        ),
        FieldPanel("authority_reasoning"),
    ]
    override_translatable_fields = [
        SynchronizedField("recommendation", overridable=False)
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "locale"],
                name="one_response_per_recommendation_and_language",
            )
        ]

    def __str__(self):
        return str(self.recommendation)

    @property
    def is_published(self):
        return self.published_at is not None

    def share_facts(self):
        """Copy the outcome, dates and publication to the translations."""
        RecommendationResponse.objects.filter(
            translation_key=self.translation_key
        ).exclude(pk=self.pk).update(
            **{name: getattr(self, name) for name in self.FACTS}
        )
