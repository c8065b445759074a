"""The contact page: a form whose messages go to an address per topic.

The same protection as the counselling form (portal/spam.py): a honeypot, a limit
per address, consent, and deletion after SUBMISSION_RETENTION_DAYS. Editors read the
messages in the admin (contact/wagtail_hooks.py); the e-mail to the topic's address
says that a message arrived and where to read it, never what it says or who sent it.
"""

import logging
import smtplib

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contact.forms import ContactForm
from portal.models import PortalPageMixin, rich_text_summary
from portal.spam import SpamResistantFormPageMixin

logger = logging.getLogger(__name__)


class ContactPage(SpamResistantFormPageMixin, PortalPageMixin, Page):
    # Shows no other page's content: a publish elsewhere leaves it stored
    # (portal/cache.py).
    lists_no_pages = True

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown by the consent box: who reads the message, what for and for how "
            "long it is kept. Leave empty for the standard notice."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                InlinePanel("topics", label=_("Topic"), min_num=1),
                FieldPanel("privacy_notice"),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Contact form"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    rate_limit_scope = "contact"

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_form(self, data=None):
        return ContactForm(data, topics=self.topics.all())

    def serve(self, request, *args, **kwargs):
        form = self.get_form(request.POST if request.method == "POST" else None)
        return self.serve_form(request, form, self.store_message)

    def store_message(self, form):
        topic = form.cleaned_data["topic"]
        message = form.save(commit=False)
        message.page = self
        message.topic = topic.label
        message.routed_to = topic.notify_address
        message.language = translation.get_language()
        message.consent_given_at = timezone.now()
        message.save()
        self.notify(message, topic)
        return message

    def notify(self, message, topic):
        # Staff read the portal's default language, whatever the message's.
        staff_topic = topic.get_translation_or_none(Locale.get_default()) or topic
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "contact_messages:inspect", args=[message.pk]
            )
            subject = str(_("New message through the contact form"))
            body = render_to_string(
                "contact/email/new_message.txt",
                {"topic": staff_topic.label, "admin_url": admin_url},
            )
        try:
            send_mail(subject, body, [message.routed_to])
        except (smtplib.SMTPException, OSError):
            # The message is stored; a mail server being down must not turn into
            # an error page that makes the person think it was lost.
            logger.exception(
                "Could not notify %s of contact message %s",
                message.routed_to,
                message.pk,
            )

    def render_landing_page(self, request, message=None, *args, **kwargs):
        context = self.get_context(request)
        context["contact_message"] = message
        return TemplateResponse(request, "contact/contact_page_landing.html", context)

    preview_modes = [("", _("Form")), ("landing", _("Thank-you page"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render_landing_page(request)
        return super().serve_preview(request, mode_name)


class ContactTopic(TranslatableMixin, Orderable):
    """A choice in the form, and who is told of messages about it."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="topics")
    label = models.CharField(_("label"), max_length=255)
    notify_address = models.EmailField(
        _("send messages to"),
        help_text=_(
            "Told that a message arrived, with a link to read it in the admin; the "
            "e-mail does not contain the message."
        ),
    )

    panels = [FieldPanel("label"), FieldPanel("notify_address")]

    # The same team answers whatever the language of the form.
    override_translatable_fields = [
        SynchronizedField("notify_address", overridable=False)
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.label
