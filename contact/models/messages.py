"""Messages sent through the contact page.

A message records the topic's label and the address it was sent to as text, not as
a link to the topic: topics are page content, edited, translated and removed by
editors, and a message must keep saying what it was about and who was told.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ContactMessage(models.Model):
    page = models.ForeignKey(
        Page,
        verbose_name=_("sent through"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(
        _("topic"), max_length=255, help_text=_("As the person saw it.")
    )
    routed_to = models.EmailField(_("sent to"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), max_length=4000)
    consent_given_at = models.DateTimeField(_("consent given"))
    language = models.CharField(
        _("language of the form"), max_length=10, choices=settings.LANGUAGES
    )
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-submitted_at"]

    def __str__(self):
        sent = timezone.localtime(self.submitted_at).strftime("%Y-%m-%d %H:%M")
        return f"{self.topic} ({sent})"
