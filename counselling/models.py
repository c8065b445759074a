"""Requests for free legal advice, sent through the legal advice centre's page.

Requests can be about domestic violence or residence status, so they are handled as
sensitive: only the Counsellors group sees them, in the admin (who may do what is
decided in ``counselling/wagtail_hooks.py``); the notification e-mail says that a
request arrived and where to read it, never what it says or who sent it.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import validate_to_address
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.groups import COUNSELLORS
from portal.models import PortalPageMixin, rich_text_summary
from portal.spam import SpamResistantFormPageMixin

logger = logging.getLogger(__name__)


class Topic(models.TextChoices):
    HEALTH_CARE = "health_care", _("Health care")
    EDUCATION = "education", _("Education")
    WORK = "work", _("Work")
    RESIDENCE = "residence", _("Residence and legalisation")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
    OTHER = "other", _("Something else")


class AdviceLanguage(models.TextChoices):
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    RUSSIAN = "ru", _("Russian")
    BELARUSIAN = "be", _("Belarusian")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("By e-mail")
    PHONE = "phone", _("By telephone")


# The statuses qualify the request (feminine in Polish, masculine in Ukrainian
# and Russian): their own context keeps them apart from a consultation's.
class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("counselling request status", "New")
    IN_PROGRESS = (
        "in_progress",
        pgettext_lazy("counselling request status", "In progress"),
    )
    ANSWERED = "answered", pgettext_lazy("counselling request status", "Answered")
    CLOSED = "closed", pgettext_lazy("counselling request status", "Closed")


# Who answers requests: they may be assigned one, and are told when one arrives.
ACTIVE_COUNSELLORS = Q(groups__name=COUNSELLORS, is_active=True)


class CounsellingRequest(models.Model):
    Topic = Topic
    Language = AdviceLanguage
    ContactMethod = ContactMethod
    Status = Status

    page = models.ForeignKey(
        Page,
        verbose_name=_("sent through"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=AdviceLanguage.choices
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    contact_method = models.CharField(
        _("how to contact"), max_length=10, choices=ContactMethod.choices
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    message = models.TextField(_("message"), max_length=4000)
    consent_given_at = models.DateTimeField(_("consent given"))
    language = models.CharField(
        _("language of the form"), max_length=10, choices=settings.LANGUAGES
    )
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    # What the counsellors write; everything above is what the person sent.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_counselling_requests",
        limit_choices_to=ACTIVE_COUNSELLORS,
    )

    class Meta:
        verbose_name = _("counselling request")
        verbose_name_plural = _("counselling requests")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__in=Topic.values),
                name="counselling_request_known_topic",
            ),
            models.CheckConstraint(
                condition=Q(preferred_language__in=AdviceLanguage.values),
                name="counselling_request_known_language",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="counselling_request_known_status",
            ),
            models.CheckConstraint(
                condition=Q(contact_method=ContactMethod.EMAIL, email__gt="")
                | Q(contact_method=ContactMethod.PHONE, phone__gt=""),
                name="counselling_request_can_be_contacted",
                violation_error_message=_(
                    "Give an e-mail address or a telephone number to be contacted."
                ),
            ),
        ]

    def __str__(self):
        sent = timezone.localtime(self.submitted_at).strftime("%Y-%m-%d %H:%M")
        return f"{self.get_topic_display()} ({sent})"


class CounsellingPage(SpamResistantFormPageMixin, PortalPageMixin, Page):
    """The legal advice centre's page with its request form."""

    # Shows no other page's content: a publish elsewhere leaves it stored
    # (portal/cache.py).
    lists_no_pages = True

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("about the advice"),
        blank=True,
        help_text=_("Who gives advice, when, where, and what to bring."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown by the consent box: who reads the request, what for and for how "
            "long it is kept. Leave empty for the standard notice."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )
    notify_addresses = models.CharField(
        _("notify these addresses"),
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=_(
            "Comma-separated. Leave empty to notify every counsellor (the "
            "Counsellors group). The e-mail only says that a request arrived; it is "
            "read in the admin."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice"),
                FieldPanel("thank_you_text"),
                FieldPanel("notify_addresses"),
            ],
            heading=_("Request form"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    rate_limit_scope = "counselling"
    # Addresses are not for translators.
    override_translatable_fields = [SynchronizedField("notify_addresses")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("counselling page")
        verbose_name_plural = _("counselling pages")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_form(self, data=None):
        from counselling.forms import CounsellingRequestForm

        language = translation.get_language()
        initial = {"preferred_language": language} if language in AdviceLanguage else {}
        return CounsellingRequestForm(data, initial=initial)

    def serve(self, request, *args, **kwargs):
        form = self.get_form(request.POST if request.method == "POST" else None)
        return self.serve_form(request, form, self.store_request)

    def store_request(self, form):
        counselling_request = form.save(commit=False)
        counselling_request.page = self
        counselling_request.language = translation.get_language()
        counselling_request.consent_given_at = timezone.now()
        counselling_request.save()
        self.notify_counsellors(counselling_request)
        return counselling_request

    def notification_recipients(self):
        if self.notify_addresses:
            return [address.strip() for address in self.notify_addresses.split(",")]
        return list(
            get_user_model()
            .objects.filter(ACTIVE_COUNSELLORS)
            .exclude(email="")
            .values_list("email", flat=True)
        )

    def notify_counsellors(self, counselling_request):
        recipients = self.notification_recipients()
        if not recipients:
            return
        # Staff read the portal's default language, whatever the request's.
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
                "counselling_requests:inspect", args=[counselling_request.pk]
            )
            subject = str(_("New counselling request"))
            body = render_to_string(
                "counselling/email/new_request.txt",
                {"counselling_request": counselling_request, "admin_url": admin_url},
            )
        try:
            send_mail(subject, body, recipients)
        except (smtplib.SMTPException, OSError):
            # The request is stored; a mail server being down must not turn into
            # an error page that makes the person think it was lost.
            logger.exception(
                "Could not notify counsellors of request %s", counselling_request.pk
            )

    def render_landing_page(self, request, counselling_request=None, *args, **kwargs):
        context = self.get_context(request)
        context["counselling_request"] = counselling_request
        return TemplateResponse(
            request, "counselling/counselling_page_landing.html", context
        )

    preview_modes = [("", _("Form")), ("landing", _("Thank-you page"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.render_landing_page(request)
        return super().serve_preview(request, mode_name)
