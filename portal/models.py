"""Site furniture editors manage: the menu, the footer and the site's settings.

The menu and the footer text are translatable snippets, one per language, translated
with wagtail-localize like pages. The site settings hold what is the same in every
language (addresses, links, the funder's logo).
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin

from portal.blocks import LinkBlock, SocialLinkBlock
from portal.queries import CompiledRead


class PortalPageMixin:
    """What every public page offers to lists, search results and link previews."""

    def get_summary(self):
        return ""

    def get_meta_description(self):
        return self.search_description or Truncator(self.get_summary()).chars(300)

    def get_social_image(self):
        return None

    def get_social_image_alt_text(self):
        return ""


def rich_text_summary(html):
    """Plain text of a rich text field, for summaries and meta descriptions."""
    return " ".join(strip_tags(html or "").split())


class OnePerLanguageMixin:
    """The site uses one of these per language: refuse a second one."""

    def clean(self):
        super().clean()
        others = type(self).objects.filter(locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(
                _(
                    "There is already one in this language. Edit that one, or "
                    "translate it into another language."
                )
            )

    @classmethod
    def for_language(cls, language_code):
        """This language's one, else the default language's, else None."""
        codes = sorted(
            {code for code in (language_code, settings.LANGUAGE_CODE) if code}
        )
        by_language = {}
        for item in _in_languages_read(cls, len(codes)).queryset(*codes):
            by_language.setdefault(item.locale.language_code, item)
        return by_language.get(language_code) or by_language.get(settings.LANGUAGE_CODE)


@cache
def _in_languages_read(model, count):
    """A model's items in some languages, in one query whose SQL is built once."""
    return CompiledRead(
        lambda *codes: (
            model.objects.filter(locale__language_code__in=codes)
            .select_related("locale")
            .order_by("pk")
        ),
        fields=[Locale._meta.get_field("language_code")] * count,
        stand_ins=[f"l{n}" for n in range(count)],
    )


class MainMenu(OnePerLanguageMixin, TranslatableMixin, models.Model):
    items = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("menu items"),
        blank=True,
        help_text=_(
            "Pages that are unpublished or restricted to a group are left out "
            "automatically."
        ),
    )

    panels = [FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return f"{self._meta.verbose_name.capitalize()} ({self.locale})"


class FooterContent(OnePerLanguageMixin, TranslatableMixin, models.Model):
    contact = RichTextField(
        _("contact"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Address, opening hours, who to contact."),
    )
    funder_acknowledgement = RichTextField(
        _("funder acknowledgement"),
        blank=True,
        features=["bold", "italic", "link"],
    )
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("footer links"),
        blank=True,
        help_text=_("For example the privacy policy and the accessibility statement."),
    )

    panels = [
        FieldPanel("contact"),
        FieldPanel("funder_acknowledgement"),
        FieldPanel("links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return f"{self._meta.verbose_name.capitalize()} ({self.locale})"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        verbose_name=_("social media links"),
        blank=True,
    )
    funder_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funder's logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funder_logo_alt_text = models.CharField(
        _("funder's logo: alt text"),
        max_length=200,
        blank=True,
        help_text=_("The funder's name as the logo shows it."),
    )

    # The footer shows the logo on every page: fetched with the settings.
    select_related = ["funder_logo"]

    panels = [
        HelpPanel(
            content=_(
                "The footer's text (contact details in words and the funder "
                "acknowledgement) is translated: edit it under Snippets → Footers."
            )
        ),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("social_links"),
        FieldPanel("funder_logo"),
        FieldPanel("funder_logo_alt_text"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def clean(self):
        super().clean()
        if self.funder_logo_id and not self.funder_logo_alt_text:
            raise ValidationError(
                {
                    "funder_logo_alt_text": _(
                        "Describe the logo for people who cannot see it."
                    )
                }
            )
