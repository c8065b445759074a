"""Editor-managed, translatable lists that recommendations refer to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
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


# Letters that Unicode normalisation does not turn into ASCII.
SLUG_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "đ": "d", "ß": "ss"})


def slug_from(name, taken):
    """An address part from a name, not one of ``taken``."""
    base = slugify(name.translate(SLUG_LETTERS))[:70].strip("-") or "institution"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class Institution(TranslatableMixin, index.Indexed, models.Model):
    """A public body: recommendations are addressed to it, the tracker follows
    what it does with them and cultural assistants work with it. Its name is
    translated; the city and the address part (``slug``) are the same in every
    language's copy. Its public page is a route of the partner institutions
    page (``InstitutionIndexPage``)."""

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100, blank=True)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        blank=True,
        help_text=_(
            "The last part of the institution's page address. Leave empty to make "
            "it from the name."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        SynchronizedField("city", overridable=False),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="institution_slug_unique_per_language"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            same = (
                Institution.objects.filter(translation_key=self.translation_key)
                .exclude(slug="")
                .values_list("slug", flat=True)
                .first()
            )
            self.slug = same or slug_from(self.name, self._slugs_of_others())
        super().save(*args, **kwargs)

    def _slugs_of_others(self):
        return set(
            Institution.objects.exclude(translation_key=self.translation_key)
            .exclude(slug="")
            .values_list("slug", flat=True)
        )

    def clean(self):
        super().clean()
        # Every language's copy shares the address: no other institution may use it.
        if self.slug and self.slug in self._slugs_of_others():
            raise ValidationError(
                {"slug": _("Another institution has this address already.")}
            )
