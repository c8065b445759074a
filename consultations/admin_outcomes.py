"""Admin views for what came out of consultations: responses, reports to download,
comment translations for the authority, and the dashboard panel."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from consultations import audit, outcomes, services
from consultations.models import (
    Comment,
    CommentReport,
    CommentTranslation,
    Consultation,
    Recommendation,
    RecommendationResponse,
)
from consultations.models.records import Phase
from consultations.results import consultation_results

editors_only = method_decorator(
    permission_required("consultations.moderate_comment"), name="dispatch"
)
translators_only = method_decorator(
    permission_required("consultations.translate_comment"), name="dispatch"
)


class ResponseForm(forms.ModelForm):
    publish = forms.BooleanField(
        label=gettext_lazy(
            "Published (members and, for public consultations, everyone see it)"
        ),
        required=False,
    )

    class Meta:
        model = RecommendationResponse
        fields = [
            "organisation_position",
            "outcome",
            "authority_reasoning",
            "responded_on",
            "adopted_in_version",
        ]
        widgets = {"responded_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish"].initial = self.instance.is_published

    def clean_adopted_in_version(self):
        version = self.cleaned_data["adopted_in_version"]
        latest = self.instance.recommendation.consultation.draft_version
        if version is not None and not 1 <= version <= latest:
            raise forms.ValidationError(
                _("There is no draft version %(version)s (the latest is %(latest)s).")
                % {"version": version, "latest": latest}
            )
        return version


class TranslationForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Polish translation"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    checked = forms.BooleanField(
        label=gettext_lazy("I have checked this translation"), required=False
    )


def _participation(records):
    """{consultation id: (responded, team size)} for a few consultations."""
    result = {}
    for record in records:
        progress = services.team_progress(record)
        result[record.pk] = (progress["responded"], progress["total"])
    return result


@editors_only
class OutcomesView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Consultation outcomes")
    header_icon = "doc-full"
    template_name = "consultations/admin/outcomes.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = list(
            Consultation.objects.annotate(
                recommendation_count=Count(
                    "recommendations",
                    filter=Q(recommendations__archived_at=None),
                    distinct=True,
                ),
                responded_count=Count(
                    "recommendations__response",
                    filter=Q(recommendations__response__published_at__isnull=False),
                    distinct=True,
                ),
            ).order_by("-opens_at")
        )
        participation = _participation(records)
        context["rows"] = [
            {
                "record": record,
                "phase": record.phase(),
                "participation": participation[record.pk],
            }
            for record in records
        ]
        context["languages"] = Locale.objects.order_by("pk")
        return context


@editors_only
class ResponsesView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"
    template_name = "consultations/admin/responses.html"

    def dispatch(self, request, *args, **kwargs):
        self.record = get_object_or_404(Consultation, pk=kwargs["consultation_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Responses: %(title)s") % {"title": self.record.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("consultations_outcomes"),
                "label": _("Consultation outcomes"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, _general = consultation_results(self.record, self.record.source_locale)
        context.update(record=self.record, rows=rows)
        return context


@editors_only
class ResponseEditView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"
    template_name = "consultations/admin/response_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = get_object_or_404(
            Recommendation.objects.select_related("consultation"),
            pk=kwargs["recommendation_id"],
        )
        self.response = getattr(
            self.recommendation, "response", None
        ) or RecommendationResponse(recommendation=self.recommendation)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Response to recommendation %(number)s") % {
            "number": self.recommendation.number
        }

    def get_breadcrumbs_items(self):
        consultation = self.recommendation.consultation
        return self.breadcrumbs_items + [
            {
                "url": reverse("consultations_outcomes"),
                "label": _("Consultation outcomes"),
            },
            {
                "url": reverse("consultations_responses", args=[consultation.pk]),
                "label": consultation.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            recommendation=self.recommendation,
            wording=services.wording(
                self.recommendation,
                self.recommendation.consultation.draft_version,
                self.recommendation.consultation.source_locale,
            ),
            form=kwargs.get("form") or ResponseForm(instance=self.response),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ResponseForm(request.POST, instance=self.response)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.save_response(
            form.save(commit=False), publish=form.cleaned_data["publish"]
        )
        messages.success(request, _("The response is saved."))
        return redirect("consultations_responses", self.recommendation.consultation_id)


def _admin_report(request, consultation_id, kind, render):
    if not request.user.has_perm("consultations.moderate_comment"):
        return TemplateResponse(request, "403.html", status=403)
    record = get_object_or_404(Consultation, pk=consultation_id)
    locale = outcomes.report_locale(request, record.source_locale)
    audit.log_report_download(record, request.user, kind, locale.language_code)
    return render(request, record, locale)


def report_html(request, consultation_id):
    def render(request, record, locale):
        with translation.override(locale.language_code):
            response = TemplateResponse(
                request,
                "consultations/report.html",
                {**outcomes.report_context(record, locale), "page": None},
            )
            response.render()
        return response

    return _admin_report(request, consultation_id, "html", render)


def report_csv(request, consultation_id):
    return _admin_report(
        request,
        consultation_id,
        "csv",
        lambda r, rec, loc: outcomes.csv_response(rec, loc),
    )


def report_xlsx(request, consultation_id):
    return _admin_report(
        request,
        consultation_id,
        "xlsx",
        lambda r, rec, loc: outcomes.xlsx_response(rec, loc),
    )


# --- Translating comments for the authority ------------------------------------------


@translators_only
class TranslationQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Comments to translate")
    header_icon = "globe"
    template_name = "consultations/admin/translation_queue.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["comments"] = (
            Comment.objects.filter(withdrawn_at=None, hidden_at=None)
            .exclude(language="pl")
            .filter(Q(translation=None) | Q(translation__checked_at=None))
            .select_related("consultation", "recommendation", "translation")
            .order_by("created_at")[:200]
        )
        return context


@translators_only
class TranslateCommentView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "globe"
    template_name = "consultations/admin/translate_comment.html"

    def dispatch(self, request, *args, **kwargs):
        self.comment = get_object_or_404(
            Comment.objects.select_related("consultation", "recommendation"),
            pk=kwargs["comment_id"],
        )
        self.existing = CommentTranslation.objects.filter(comment=self.comment).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Translate comment #%(id)s") % {"id": self.comment.pk}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("consultations_translations"),
                "label": _("Comments to translate"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {}
        if self.existing:
            initial = {"text": self.existing.text, "checked": self.existing.is_checked}
        context.update(
            comment=self.comment,
            existing=self.existing,
            form=kwargs.get("form") or TranslationForm(initial=initial),
            machine_available=services.machine_translator_for(self.comment) is not None,
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "machine":
            try:
                services.machine_translate_comment(self.comment, request.user)
            except services.MachineTranslationUnavailable:
                messages.error(
                    request, _("No machine translation is available for this language.")
                )
                return redirect(request.path)
            messages.success(
                request,
                _(
                    "A machine draft is ready. "
                    "Check and correct it before marking it checked."
                ),
            )
            return redirect(request.path)
        form = TranslationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.save_comment_translation(
            self.comment,
            request.user,
            form.cleaned_data["text"],
            form.cleaned_data["checked"],
        )
        messages.success(request, _("The translation is saved."))
        return redirect("consultations_translations")


# --- The dashboard panel ------------------------------------------------------------


class OverviewPanel(Component):
    name = "consultation_overview"
    template_name = "consultations/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        now = timezone.now()
        open_records = list(
            Consultation.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by(
                "closes_at"
            )
        )
        participation = _participation(open_records)
        return {
            "open": [(r, *participation[r.pk]) for r in open_records],
            "reports_waiting": CommentReport.objects.filter(resolved_at=None)
            .values("comment")
            .distinct()
            .count(),
            "responses_missing": Recommendation.objects.filter(
                consultation__closes_at__lte=now, archived_at=None
            )
            .filter(Q(response=None) | Q(response__published_at=None))
            .count(),
            "phase_open": Phase.OPEN,
        }
