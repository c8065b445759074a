"""Publications: the monitoring report, the Outline for Local Integration Policies,
campaign materials.

A publication page is translated like any page: its title and summary. Its kind,
date, areas, documents and links are facts, the same in every language's copy
(wagtail-localize copies them to the translations when the original is synced).

It links to the consultation module's lasting records (``Consultation``,
``Recommendation``), not to consultation pages or their recommendation rows,
which exist once per language and are re-keyed or deleted as editors work
(STYLE.md). Pages show the records in the reader's language
(``publications.links``).

Documents follow their collection's privacy: Wagtail's serve view refuses a
document of a restricted collection to whoever the restriction keeps out, and the
page leaves out the documents its reader could not open
(``publications.documents``).
"""

from django import forms
from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from consultations.models.snippets import PolicyArea
from portal.cache import query_read
from portal.languages import localized_by_pk, reader_language
from portal.models import PortalPageMixin, rich_text_summary
from portal.public import public
from publications.documents import readable_documents
from publications.links import consultations_for, recommendations_for


class PublicationKind(models.TextChoices):
    MONITORING_REPORT = "monitoring_report", _("Monitoring report")
    POLICY = "policy", _("Policy proposal")
    CAMPAIGN_MATERIAL = "campaign_material", _("Campaign material")
    OTHER = "other", _("Other publication")


class PublicationIndexPage(PortalPageMixin, Page):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publications index")
        verbose_name_plural = _("publications indexes")

    def get_summary(self):
        return rich_text_summary(self.intro)

    def get_publications(self):
        """Live publications the public may see, newest first."""
        return public(PublicationPage.objects.child_of(self).live()).order_by(
            "-publication_date", "-first_published_at", "-pk"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        publications = list(
            self.get_publications().prefetch_related("areas").select_related("locale")
        )
        shown_areas = localized_by_pk(
            PolicyArea,
            [area.pk for page in publications for area in page.areas.all()],
        )
        for page in publications:
            page.shown_areas = sorted(
                (shown_areas[area.pk] for area in page.areas.all()),
                key=lambda area: (area.sort_order, area.name),
            )
        # The filters offer only kinds and areas that list something.
        kinds = [k for k in PublicationKind if any(p.kind == k for p in publications)]
        areas = sorted(
            {str(area.translation_key): area for area in shown_areas.values()}.items(),
            key=lambda item: (item[1].sort_order, item[1].name),
        )
        selected_kind = request.GET.get("kind")
        if selected_kind is not None:
            if selected_kind not in {k.value for k in kinds}:
                raise Http404(_("There are no publications of this kind here."))
            publications = [p for p in publications if p.kind == selected_kind]
            query_read(request, "kind")
        selected_area = request.GET.get("area")
        if selected_area is not None:
            if selected_area not in dict(areas):
                raise Http404(_("There are no publications on this area here."))
            publications = [
                p
                for p in publications
                if any(str(a.translation_key) == selected_area for a in p.shown_areas)
            ]
            query_read(request, "area")
        context.update(
            sections=[
                (kind, [p for p in publications if p.kind == kind])
                for kind in kinds
                if any(p.kind == kind for p in publications)
            ],
            kinds=kinds,
            areas=areas,
            selected_kind=selected_kind,
            selected_area=dict(areas).get(selected_area),
            selected_area_key=selected_area,
        )
        return context


class PublicationPage(PortalPageMixin, Page):
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=PublicationKind,
        default=PublicationKind.MONITORING_REPORT,
    )
    publication_date = models.DateField(_("publication date"))
    summary = RichTextField(
        _("summary"),
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        help_text=_("What the publication says, for readers of this language."),
    )
    areas = ParentalManyToManyField(
        "consultations.PolicyArea",
        verbose_name=_("policy areas it covers"),
        blank=True,
        related_name="+",
        # Every language's copy points at the original areas (as recommendations
        # do); readers see the names in their language.
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date")]),
        FieldPanel("summary"),
        InlinePanel(
            "documents",
            label=_("Document"),
            heading=_("Documents"),
            help_text=_(
                "One per language it is available in. A document in a private "
                "collection is shown only to those who may open it."
            ),
        ),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "consultation_links",
            label=_("Consultation"),
            heading=_("Consultations it led to"),
        ),
        InlinePanel(
            "recommendation_links",
            label=_("Recommendation"),
            heading=_("Recommendations it led to"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("kind"),
    ]
    # Facts, the same in every language's copy; wagtail-localize skips
    # many-to-many fields unless told (the child rows are synced without this).
    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("areas", overridable=False),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def get_summary(self):
        return rich_text_summary(self.summary)

    @cached_property
    def shown_areas(self):
        shown = localized_by_pk(PolicyArea, [area.pk for area in self.areas.all()])
        return sorted(shown.values(), key=lambda area: (area.sort_order, area.name))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = reader_language()
        documents, withheld = readable_documents(
            self.documents.select_related("document"), request, language
        )
        context.update(
            documents=documents,
            withheld_documents=withheld,
            consultations=consultations_for(
                [link.consultation_id for link in self.consultation_links.all()],
                request.user,
                language,
            ),
            recommendations=recommendations_for(
                [link.recommendation_id for link in self.recommendation_links.all()],
                request.user,
                language,
            ),
        )
        return context


class PublicationDocument(Orderable):
    """One language's document of a publication. The same in every language's
    copy of the page: the reader's own comes first."""

    page = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(
        _("language of the document"), max_length=10, choices=settings.LANGUAGES
    )

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return f"{self.document} ({self.language})"


class PublicationConsultation(Orderable):
    page = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="consultation_links"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="publication_links",
    )

    panels = [FieldPanel("consultation")]

    class Meta(Orderable.Meta):
        verbose_name = _("consultation it led to")
        verbose_name_plural = _("consultations it led to")


class PublicationRecommendation(Orderable):
    page = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="recommendation_links"
    )
    recommendation = models.ForeignKey(
        "consultations.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="publication_links",
    )

    panels = [FieldPanel("recommendation")]

    class Meta(Orderable.Meta):
        verbose_name = _("recommendation it led to")
        verbose_name_plural = _("recommendations it led to")
