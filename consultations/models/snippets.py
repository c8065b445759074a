"""Editor-managed, translatable lists that recommendations refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class PolicyArea(TranslatableMixin, index.Indexed, models.Model):
    """One of the areas of the local integration system (health care, education…)."""

    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Institution(TranslatableMixin, index.Indexed, models.Model):
    """A public body a recommendation is addressed to. Its name is translated; the
    city is the same in every language's copy."""

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("city")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("city", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self):
        return self.name
