"""The implementation tracker: what became of recommendations, over time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    ABANDONED = "abandoned", _("Abandoned")


class TrackerEntry(index.Indexed, ClusterableModel):
    """A recommendation whose implementation is followed: from a consultation, or
    from a monitoring report entered by editors."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    recommendation = models.OneToOneField(
        "consultations.Recommendation",
        verbose_name=_("recommendation of a consultation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracker_entry",
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

    class Meta:
        verbose_name = _("tracked recommendation")
        verbose_name_plural = _("tracked recommendations")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def current(self):
        """The latest update (uses prefetched updates when there are)."""
        updates = sorted(self.updates.all(), key=lambda u: (u.date, u.pk or 0))
        return updates[-1] if updates else None


class ImplementationUpdate(Orderable):
    entry = ParentalKey(TrackerEntry, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=ImplementationStatus)
    note = models.TextField(_("what happened"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return f"{self.get_status_display()} ({self.date})"
