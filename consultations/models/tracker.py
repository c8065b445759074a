"""The implementation tracker: what became of recommendations, over time."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.languages import choose_versions


# The statuses qualify the implementation (neuter in Polish, Ukrainian and
# Russian), not the recommendation; their own context keeps them apart from
# other statuses spelt the same in English.
class ImplementationStatus(models.TextChoices):
    NOT_STARTED = (
        "not_started",
        pgettext_lazy("implementation of a recommendation", "Not started"),
    )
    IN_PROGRESS = (
        "in_progress",
        pgettext_lazy("implementation of a recommendation", "In progress"),
    )
    IMPLEMENTED = (
        "implemented",
        pgettext_lazy("implementation of a recommendation", "Implemented"),
    )
    ABANDONED = (
        "abandoned",
        pgettext_lazy("implementation of a recommendation", "Abandoned"),
    )


class TrackerEntry(TranslatableMixin, index.Indexed, ClusterableModel):
    """A recommendation whose implementation is followed: from a consultation, or
    from a monitoring report entered by editors.

    Translated with wagtail-localize: each language has its own copy, with its own
    copies of the updates. The area, institution and recommendation are the same
    in every copy (and shown in the reader's language where they are displayed).
    """

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    recommendation = models.ForeignKey(
        "consultations.Recommendation",
        verbose_name=_("recommendation of a consultation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracker_entries",
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the monitoring report it comes from."),
    )
    area = models.ForeignKey(
        "consultations.PolicyArea",
        verbose_name=_("policy area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    institution = models.ForeignKey(
        "consultations.Institution",
        verbose_name=_("institution responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("institution")]),
        FieldRowPanel([FieldPanel("recommendation"), FieldPanel("source")]),
        InlinePanel("updates", heading=_("Progress"), label=_("Update"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    override_translatable_fields = [
        SynchronizedField("recommendation", overridable=False),
        SynchronizedField("area", overridable=False),
        SynchronizedField("institution", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tracked recommendation")
        verbose_name_plural = _("tracked recommendations")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "locale"],
                name="one_tracker_entry_per_recommendation_and_language",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def current(self):
        """The latest update (uses prefetched updates when there are)."""
        updates = sorted(self.updates.all(), key=lambda u: (u.date, u.pk or 0))
        return updates[-1] if updates else None

    @classmethod
    def for_reader(cls, versions, language=None):
        """Each tracked recommendation once, from its copies in every language
        (with ``locale`` and ``updates__locale`` prefetched): the reader's copy for
        its texts, the original's updates for the progress, since a translation is
        re-synced only after the original changes. Each entry gets ``timeline``:
        the original's updates in order, each with ``shown``, the version of its
        note to show; and ``latest``, the last of them."""
        versions = list(versions)
        shown = choose_versions(versions, language)
        originals = choose_versions(versions, settings.LANGUAGE_CODE, mark=False)
        notes = choose_versions(
            [update for entry in versions for update in entry.updates.all()], language
        )
        entries = []
        for key, original in originals.items():
            entry = shown[key]
            entry.timeline = sorted(
                original.updates.all(), key=lambda u: (u.date, u.pk or 0)
            )
            for update in entry.timeline:
                update.shown = notes.get(update.translation_key, update)
            entry.latest = entry.timeline[-1] if entry.timeline else None
            entries.append(entry)
        return entries


class ImplementationUpdate(TranslatableMixin, Orderable):
    entry = ParentalKey(TrackerEntry, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=ImplementationStatus)
    note = models.TextField(_("what happened"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return f"{self.get_status_display()} ({self.date})"
