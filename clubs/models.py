import datetime
import logging
import smtplib
from functools import lru_cache

from django import forms
from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.cache import query_read
from portal.languages import choose_versions, in_language_or_default
from portal.models import PortalPageMixin, rich_text_summary
from portal.public import public
from portal.queries import CompiledRead
from portal.spam import HONEYPOT_FIELD, HoneypotFormMixin, SpamResistantFormPageMixin

logger = logging.getLogger(__name__)

# Every language Django can name in each of the portal's languages.
LANGUAGE_CHOICES = [(code, _(name)) for code, name in global_settings.LANGUAGES]


CONSENT_FIELD = "privacy_consent"
# Fields the join form adds itself; an editor's field of the same name would vanish.
RESERVED_FIELD_NAMES = {CONSENT_FIELD, HONEYPOT_FIELD}


def image_renditions():
    return get_image_model().objects.prefetch_renditions()


class SpokenLanguage(models.Model):
    """A language a club or a cultural assistant speaks."""

    code = models.CharField(
        _("language"),
        max_length=10,
        unique=True,
        help_text=_("Languages are named in each reader's language automatically."),
    )

    panels = [
        FieldPanel("code", widget=forms.Select(choices=LANGUAGE_CHOICES)),
    ]

    class Meta:
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")
        ordering = ["code"]

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        try:
            return get_language_info(self.code)["name_translated"]
        except KeyError:
            return self.code

    def clean(self):
        super().clean()
        if self.code not in dict(LANGUAGE_CHOICES):
            raise ValidationError({"code": _("Choose a language from the list.")})

    @staticmethod
    def sorted(languages):
        return sorted(languages, key=lambda language: str(language.name).lower())


def spoken_languages(pages):
    """{page pk: [its spoken languages, by code]} for pages of one model with a
    ``languages`` field (clubs, events), in one query whose SQL is built once for
    each model and number of pages (Django's prefetch builds it, and the lookups
    between, on every request)."""
    languages = {page.pk: [] for page in pages}
    if not languages:
        return languages
    read = _spoken_languages_read(type(pages[0]), len(languages))
    for page_id, language_id, code in read.rows(*languages):
        languages[page_id].append(
            SpokenLanguage.from_db(None, ["id", "code"], (language_id, code))
        )
    return languages


@lru_cache(maxsize=32)
def _spoken_languages_read(model, count):
    field = model._meta.get_field("languages")
    page, language = field.m2m_field_name(), field.m2m_reverse_field_name()
    return CompiledRead(
        lambda *ids: (
            field.remote_field.through.objects.filter(**{f"{page}__in": ids})
            .order_by(page, f"{language}__code")
            .values_list(page, language, f"{language}__code")
        ),
        fields=[model._meta.pk.target_field] * count,
        stand_ins=list(range(1, count + 1)),
    )


def institutions_in_default_language():
    """The institutions an editor links an assistant to: the originals."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class CulturalAssistant(TranslatableMixin, ClusterableModel):
    """Someone who helps institutions serve foreigners, in the languages they speak."""

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        help_text=_("A first name is enough; show only what the person agreed to."),
    )
    city = models.CharField(_("city"), max_length=80, blank=True)
    languages = ParentalManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), related_name="assistants"
    )
    # Linked in the default language's copy (the original), whose links every
    # language's copy shows, each institution in the reader's language: a
    # translation never re-chooses them, and a translation synced again cannot
    # lose them (``partner_links``).
    institutions = ParentalManyToManyField(
        "consultations.Institution",
        verbose_name=_("institutions supported"),
        related_name="cultural_assistants",
        blank=True,
        limit_choices_to=institutions_in_default_language,
        help_text=_(
            "Offices, schools, clinics… An institution missing here is added under "
            "Snippets › Institutions."
        ),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)

    panels = [
        FieldPanel("display_name"),
        FieldPanel("city"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("institutions", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    # Translations share the languages and institutions (wagtail-localize skips
    # many-to-many fields); a telephone number is not for translators.
    override_translatable_fields = [
        SynchronizedField("languages"),
        SynchronizedField("institutions"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cultural assistant")
        verbose_name_plural = _("cultural assistants")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    @property
    def languages_spoken(self):
        return ", ".join(
            str(language.name)
            for language in SpokenLanguage.sorted(self.languages.all())
        )

    @classmethod
    def originals(cls, keys):
        """{translation key: pk of the copy whose links count}: the default
        language's copy, else the oldest."""
        chosen = {}
        rows = cls.objects.filter(translation_key__in=keys).values_list(
            "pk", "translation_key", "locale__language_code"
        )
        for pk, key, _code in sorted(
            rows, key=lambda row: (row[2] != settings.LANGUAGE_CODE, row[0])
        ):
            chosen.setdefault(key, pk)
        return chosen

    @classmethod
    def attach_institutions(cls, assistants, language_code, request=None):
        """Give each assistant ``partner_links``: (institution in the reader's
        language, the address of its page or None), by name. Four queries."""
        from consultations.models import Institution, InstitutionIndexPage

        originals = cls.originals({a.translation_key for a in assistants})
        links = (
            cls._meta.get_field("institutions")
            .remote_field.through.objects.filter(
                culturalassistant__in=originals.values()
            )
            .values_list("culturalassistant_id", "institution__translation_key")
        )
        keys_by_original = {}
        for assistant_id, institution_key in links:
            keys_by_original.setdefault(assistant_id, []).append(institution_key)
        shown = choose_versions(
            Institution.objects.filter(
                translation_key__in=[k for ks in keys_by_original.values() for k in ks]
            ).select_related("locale"),
            language_code,
        )
        index_page = InstitutionIndexPage.for_language(language_code) if shown else None
        for assistant in assistants:
            institutions = sorted(
                (
                    shown[key]
                    for key in keys_by_original.get(
                        originals.get(assistant.translation_key), []
                    )
                    if key in shown
                ),
                key=lambda institution: institution.name.lower(),
            )
            assistant.partner_links = [
                (
                    institution,
                    index_page.institution_url(institution, request)
                    if index_page
                    else None,
                )
                for institution in institutions
            ]
        return assistants

    @classmethod
    def working_with(cls, institution_key, language_code):
        """The assistants whose original links to this institution (in any of its
        languages), in the reader's language or the default one."""
        linked = set(
            cls.objects.filter(
                institutions__translation_key=institution_key
            ).values_list("pk", flat=True)
        )
        keys = cls.objects.filter(pk__in=linked).values_list(
            "translation_key", flat=True
        )
        keys = [key for key, pk in cls.originals(set(keys)).items() if pk in linked]
        assistants = in_language_or_default(
            cls.objects.filter(translation_key__in=keys), language_code
        )
        return sorted(
            assistants.select_related("locale").prefetch_related("languages"),
            key=lambda a: a.display_name.lower(),
        )

    @classmethod
    def directory(cls, language_code, speaking=None):
        """Assistants in the reader's language, falling back to the default
        language for those not translated yet; optionally only those speaking a
        language."""
        assistants = in_language_or_default(cls.objects.all(), language_code)
        if speaking:
            assistants = assistants.filter(languages__code=speaking)
        return sorted(
            assistants.select_related("locale").prefetch_related("languages"),
            key=lambda a: a.display_name.lower(),
        )


class ClubIndexPage(PortalPageMixin, Page):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clubs.ClubPage"]

    class Meta:
        verbose_name = _("club index")
        verbose_name_plural = _("club indexes")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_clubs(self):
        """Live clubs the public may see, in the order editors gave them."""
        return public(ClubPage.objects.child_of(self).live()).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from clubs.forms import ClubFilterForm

        context = super().get_context(request, *args, **kwargs)
        clubs = self.get_clubs()
        cities = sorted(set(clubs.values_list("city", flat=True)) - {""})
        languages = SpokenLanguage.sorted(
            SpokenLanguage.objects.filter(clubs__in=clubs.values("pk")).distinct()
        )
        form = ClubFilterForm(request.GET, cities=cities, languages=languages)
        if form.is_valid():
            if city := form.cleaned_data["city"]:
                clubs = clubs.filter(city=city)
            if language := form.cleaned_data["language"]:
                clubs = clubs.filter(languages__code=language).distinct()
            # Both are choices the page offers; empty means "all".
            query_read(request, "city", "language")
        else:
            clubs = clubs.none()
        context.update(
            filter_form=form,
            clubs=clubs.prefetch_related(
                "languages", Prefetch("image", queryset=image_renditions())
            ),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not response.context_data["filter_form"].is_valid():
            response.status_code = 400
        return response


class ClubFormField(TranslatableMixin, AbstractFormField):
    """A field of a club's join form; labels and choices are translated."""

    page = ParentalKey("ClubPage", on_delete=models.CASCADE, related_name="form_fields")

    # The clean name keys the stored answers: every translation must keep it.
    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def clean(self):
        super().clean()
        if not self.clean_name and self.get_field_clean_name() in RESERVED_FIELD_NAMES:
            raise ValidationError(
                {
                    "label": _(
                        "Every join form has this field already: choose another label."
                    )
                }
            )


class JoinRequest(AbstractFormSubmission):
    """A person's request to join a club, kept even if the page changes."""

    # Wagtail's own submissions cascade when a page is deleted: these protect it
    # instead (see portal.protection).
    page = models.ForeignKey(Page, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")


class JoinForm(HoneypotFormMixin, BaseForm):
    pass


class JoinFormBuilder(FormBuilder):
    """The editor's fields, then the consent every join form asks for."""

    @property
    def formfields(self):
        fields = super().formfields
        fields[CONSENT_FIELD] = forms.BooleanField(
            label=_(
                "I agree that the club's organisers keep my details to contact me "
                "about joining."
            ),
            error_messages={
                "required": _("We can only contact you with your consent.")
            },
        )
        return fields

    def get_form_class(self):
        return type("JoinForm", (JoinForm,), self.formfields)


class ClubPage(SpamResistantFormPageMixin, PortalPageMixin, AbstractEmailForm):
    # Read with the page when it is served: its link previews show it.
    select_related_when_served = ("image",)
    # Shows no other page's content: a publish elsewhere leaves it stored
    # (portal/cache.py).
    lists_no_pages = True

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "One or two sentences for lists, search results and link previews."
        ),
    )
    city = models.CharField(_("city"), max_length=80)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("image: alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    schedule = models.CharField(
        _("when it meets"),
        max_length=200,
        blank=True,
        help_text=_("In words, e.g. “Every second Thursday, 17:30–19:30”."),
    )
    meeting_place = models.CharField(
        _("where it meets"),
        max_length=200,
        blank=True,
    )
    languages = ParentalManyToManyField(
        SpokenLanguage,
        verbose_name=_("languages spoken"),
        related_name="clubs",
        blank=True,
    )
    contact_name = models.CharField(_("contact person"), max_length=80, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    lists_cultural_assistants = models.BooleanField(
        _("show the cultural assistants directory"),
        default=False,
        help_text=_("For the network's page: lists every cultural assistant."),
    )
    form_intro = RichTextField(
        _("join form: introduction"),
        blank=True,
        features=["bold", "italic", "link"],
    )
    privacy_notice = RichTextField(
        _("join form: privacy notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown by the consent box: who keeps the answers, what for and for how "
            "long. Leave empty for the standard notice."
        ),
    )
    thank_you_text = RichTextField(
        _("join form: thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("summary"),
        FieldPanel("city"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("schedule"),
                FieldPanel("meeting_place"),
                InlinePanel("meetings", label=_("Meeting")),
            ],
            heading=_("Meetings"),
        ),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("gallery_images", label=_("Photo"), heading=_("Photo gallery")),
        FieldPanel("lists_cultural_assistants"),
        MultiFieldPanel(
            [
                FieldPanel("form_intro"),
                InlinePanel("form_fields", label=_("Form field")),
                FieldPanel("privacy_notice"),
                FieldPanel("thank_you_text"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Join form"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.SearchField("schedule"),
        index.FilterField("city"),
    ]

    # Translations share the languages (wagtail-localize skips many-to-many
    # fields); addresses and numbers are not for translators.
    override_translatable_fields = [
        SynchronizedField("languages"),
        SynchronizedField("to_address"),
        SynchronizedField("contact_phone"),
    ]

    form_builder = JoinFormBuilder
    rate_limit_scope = "join"

    parent_page_types = ["clubs.ClubIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("club or network")
        verbose_name_plural = _("clubs and networks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=True) | ~models.Q(image_alt_text=""),
                name="club_image_has_alt_text",
                violation_error_message=_("Describe the image in the alt text."),
            ),
        ]

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt_text.strip():
            raise ValidationError(
                {
                    "image_alt_text": _(
                        "Describe the image for people who cannot see it."
                    )
                }
            )

    def get_summary(self):
        return self.summary

    def get_social_image(self):
        return self.image

    def get_social_image_alt_text(self):
        return self.image_alt_text

    def get_form_fields(self):
        if not hasattr(self, "_form_fields"):
            self._form_fields = list(self.form_fields.all())
        return self._form_fields

    def get_data_fields(self):
        return super().get_data_fields() + [(CONSENT_FIELD, _("Consent"))]

    def get_submission_class(self):
        return JoinRequest

    def upcoming_meetings(self):
        """Meetings from today on (in Warsaw): past ones drop off by themselves."""
        today = timezone.localdate()
        return sorted(
            (meeting for meeting in self.meetings.all() if meeting.date >= today),
            key=lambda meeting: (meeting.date, meeting.start_time),
        )

    def get_gallery(self):
        photos = list(self.gallery_images.all())
        prefetch_related_objects(photos, Prefetch("image", queryset=image_renditions()))
        return photos

    def get_context(self, request, *args, **kwargs):
        from clubs.forms import AssistantFilterForm

        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False) or self.pk is None:
            # An editor's preview shows the languages as edited, not as stored.
            context["spoken_languages"] = sorted(
                self.languages.all(), key=lambda language: language.code
            )
        else:
            context["spoken_languages"] = spoken_languages([self])[self.pk]
        context["upcoming_meetings"] = self.upcoming_meetings()
        context["gallery"] = self.get_gallery()
        if self.lists_cultural_assistants:
            language_code = self.locale.language_code
            form = AssistantFilterForm(
                request.GET,
                languages=SpokenLanguage.sorted(
                    SpokenLanguage.objects.filter(assistants__isnull=False).distinct()
                ),
            )
            valid = form.is_valid()
            if valid:
                query_read(request, "language")
            context["assistant_filter_form"] = form
            context["assistant_filter_invalid"] = not valid
            context["assistants"] = (
                CulturalAssistant.attach_institutions(
                    CulturalAssistant.directory(
                        language_code, form.cleaned_data["language"]
                    ),
                    language_code,
                    request,
                )
                if valid
                else []
            )
        return context

    def serve(self, request, *args, **kwargs):
        if not self.get_form_fields():
            response = Page.serve(self, request, *args, **kwargs)
        else:
            form = self.get_form(
                request.POST if request.method == "POST" else None,
                page=self,
                user=request.user,
            )
            response = self.serve_form(request, form, self.process_form_submission)
        context = getattr(response, "context_data", None) or {}
        if context.get("assistant_filter_invalid") and response.status_code == 200:
            response.status_code = 400
        return response

    def process_form_submission(self, form):
        submission = JoinRequest.objects.create(form_data=form.cleaned_data, page=self)
        if self.to_address:
            try:
                self.send_mail(form)
            except (smtplib.SMTPException, OSError):
                # The request is stored and editors see it in the admin; a mail
                # server being down must not make the person think it was lost.
                logger.exception("Could not e-mail join request %s", submission.pk)
        return submission

    def send_mail(self, form):
        send_mail(
            self.subject or _("New join request: %(club)s") % {"club": self.title},
            self.render_email(form),
            [address.strip() for address in self.to_address.split(",")],
            self.from_address,
        )

    def render_email(self, form):
        lines = []
        for field in form:
            if field.name not in form.cleaned_data:
                continue
            value = form.cleaned_data[field.name]
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            elif isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, datetime.datetime):
                value = date_format(value, "SHORT_DATETIME_FORMAT")
            elif isinstance(value, datetime.date):
                value = date_format(value, "SHORT_DATE_FORMAT")
            lines.append(f"{field.label}: {value}")
        return "\n".join(lines)


class ClubMeeting(TranslatableMixin, Orderable):
    page = ParentalKey(ClubPage, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty if it is the usual place."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
        ),
        FieldPanel("place"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="club_meeting_ends_after_it_starts",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
        ]

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("A meeting cannot end before it starts.")}
            )


class ClubGalleryImage(TranslatableMixin, Orderable):
    page = ParentalKey(
        ClubPage, on_delete=models.CASCADE, related_name="gallery_images"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
