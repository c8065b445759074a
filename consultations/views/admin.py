"""The consultation module in the Wagtail admin: the moderation queue (hide with a
reason, never delete; dismiss reports; reply as the organisation), the outcomes
(responses, reports to download), comment translations for the authority, the
import of a draft from a document and the dashboard panel. Each view asks
``consultations.access`` at its door."""

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied, user_passes_test
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from consultations import draft_import, reports, services
from consultations.access import (
    ConsultationAccess,
    Refusal,
    may_import_into,
    may_moderate,
    may_publish_import,
    may_translate,
    translation_queue,
)
from consultations.forms import (
    CommentForm,
    DraftImportForm,
    HideCommentForm,
    ResponseForm,
    TranslationForm,
)
from consultations.models import (
    Comment,
    CommentReport,
    Consultation,
    ConsultationPage,
    Recommendation,
    RecommendationResponse,
    Stance,
)
from consultations.models.records import Phase
from consultations.results import consultation_results


class AdminPage(WagtailAdminTemplateMixin, TemplateView):
    """A page of the module in the Wagtail admin, under the pages named in
    ``parents`` (URL name, label) in the breadcrumbs."""

    parents = ()

    def get_parent_crumbs(self):
        return [{"url": reverse(name), "label": label} for name, label in self.parents]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.get_parent_crumbs(),
            {"url": "", "label": self.get_page_title()},
        ]


OUTCOMES = ("consultations_outcomes", gettext_lazy("Consultation outcomes"))
TO_TRANSLATE = ("consultations_translations", gettext_lazy("Comments to translate"))
MODERATION = ("consultations_moderation", gettext_lazy("Comment moderation"))

editors_only = method_decorator(user_passes_test(may_moderate), name="dispatch")
translators_only = method_decorator(user_passes_test(may_translate), name="dispatch")

# --- Moderation ----------------------------------------------------------------------

FILTERS = {
    "reported": (pgettext_lazy("comments", "Reported"), Q(open_reports__gt=0)),
    "hidden": (pgettext_lazy("comments", "Hidden"), Q(hidden_at__isnull=False)),
    "all": (gettext_lazy("All comments"), Q()),
}


def _comments():
    return Comment.objects.select_related(
        "consultation", "recommendation", "author__member_profile", "hidden_by"
    ).annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))


@editors_only
class ModerationQueueView(AdminPage):
    page_title = gettext_lazy("Comment moderation")
    header_icon = "comment"
    template_name = "consultations/admin/moderation_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = self.request.GET.get("show", "reported")
        if current not in FILTERS:
            current = "reported"
        comments = (
            _comments()
            .filter(FILTERS[current][1])
            .order_by("-open_reports", "-created_at")
        )
        context.update(
            filters=[(key, label) for key, (label, _q) in FILTERS.items()],
            current=current,
            comments=Paginator(comments, 50).get_page(self.request.GET.get("p")),
        )
        return context


@editors_only
class CommentModerationView(AdminPage):
    parents = (MODERATION,)
    header_icon = "comment"
    template_name = "consultations/admin/moderate_comment.html"

    def get_page_title(self):
        return _("Comment #%(id)s") % {"id": self.kwargs["comment_id"]}

    def dispatch(self, request, *args, **kwargs):
        self.comment = get_object_or_404(_comments(), pk=kwargs["comment_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        context.update(
            comment=comment,
            reports=comment.reports.select_related("reporter__member_profile"),
            edits=comment.edits.all(),
            hide_form=kwargs.get("hide_form") or HideCommentForm(),
            reply_form=kwargs.get("reply_form") or CommentForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        comment, action = self.comment, request.POST.get("action")
        if action == "hide":
            form = HideCommentForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(hide_form=form), status=400
                )
            services.hide_comment(comment, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The comment is hidden. Its author sees why."))
        elif action == "unhide":
            services.unhide_comment(comment, request.user)
            messages.success(request, _("The comment is visible again."))
        elif action == "dismiss":
            services.resolve_reports(comment, request.user)
            messages.success(
                request, _("The reports are dismissed; the comment stays.")
            )
        elif action == "reply":
            form = CommentForm(request.POST, initial={"language": get_language()})
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(reply_form=form), status=400
                )
            services.post_comment(
                author=request.user,
                consultation=comment.consultation,
                parent=comment,
                text=form.cleaned_data["text"].strip(),
                language=form.cleaned_data["language"],
                official=True,
            )
            messages.success(request, _("Your reply is published as the organisation."))
        else:
            return self.render_to_response(self.get_context_data(), status=400)
        return redirect("consultations_moderate_comment", comment_id=comment.pk)


# --- Outcomes -----------------------------------------------------------------------


def _participation(records):
    """{consultation id: (responded, team size)} for a few consultations."""
    result = {}
    for record in records:
        progress = services.team_progress(record)
        result[record.pk] = (progress["responded"], progress["total"])
    return result


@editors_only
class OutcomesView(AdminPage):
    page_title = gettext_lazy("Consultation outcomes")
    header_icon = "doc-full"
    template_name = "consultations/admin/outcomes.html"

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
                    "recommendations",
                    filter=Q(recommendations__responses__published_at__isnull=False),
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
class ResponsesView(AdminPage):
    parents = (OUTCOMES,)
    header_icon = "doc-full"
    template_name = "consultations/admin/responses.html"

    def dispatch(self, request, *args, **kwargs):
        self.record = get_object_or_404(Consultation, pk=kwargs["consultation_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Responses: %(title)s") % {"title": self.record.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, _general = consultation_results(self.record, self.record.source_locale)
        translations = defaultdict(list)
        for response in RecommendationResponse.objects.filter(
            recommendation__consultation=self.record
        ).exclude(locale=self.record.source_locale_id):
            translations[response.translation_key].append(response)
        locales = list(Locale.objects.order_by("pk"))
        sources = {
            source.object_id: source
            for source in TranslationSource.objects.filter(
                object_id__in=[
                    row.response.translation_key for row in rows if row.response
                ]
            )
        }
        for row in rows:
            if row.response:
                done = translations[row.response.translation_key]
                row.translations = [
                    (locale, next((r for r in done if r.locale_id == locale.pk), None))
                    for locale in locales
                    if locale.pk != self.record.source_locale_id
                ]
                row.untranslated = any(t is None for _l, t in row.translations)
                row.translation_source = sources.get(row.response.translation_key)
        context.update(record=self.record, rows=rows)
        return context


@editors_only
class ResponseEditView(AdminPage):
    parents = (OUTCOMES,)
    header_icon = "doc-full"
    template_name = "consultations/admin/response_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = get_object_or_404(
            Recommendation.objects.select_related("consultation"),
            pk=kwargs["recommendation_id"],
        )
        # The original, in the consultation's language; its translations are made
        # with wagtail-localize's Translate action (see the responses list).
        source_locale = self.recommendation.consultation.source_locale_id
        self.response = self.recommendation.responses.filter(
            locale=source_locale
        ).first() or RecommendationResponse(
            recommendation=self.recommendation, locale_id=source_locale
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Response to recommendation %(number)s") % {
            "number": self.recommendation.number
        }

    def get_parent_crumbs(self):
        consultation = self.recommendation.consultation
        url = reverse("consultations_responses", args=[consultation.pk])
        return [*super().get_parent_crumbs(), {"url": url, "label": consultation.title}]

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
        response = services.save_response(
            form.save(commit=False), publish=form.cleaned_data["publish"]
        )
        response.share_facts()
        messages.success(request, _("The response is saved."))
        return redirect("consultations_responses", self.recommendation.consultation_id)


def report(request, consultation_id, kind):
    """The report for the authority, from the admin: the site's download."""
    # Refused before the consultation is looked up: no one learns which exist.
    if not may_moderate(request.user):
        return TemplateResponse(request, "403.html", status=403)
    record = get_object_or_404(Consultation, pk=consultation_id)
    try:
        return reports.download(request, record, kind, record.source_locale)
    except Refusal:
        return TemplateResponse(request, "403.html", status=403)


# --- Translating comments for the authority ------------------------------------------


@translators_only
class TranslationQueueView(AdminPage):
    page_title = gettext_lazy("Comments to translate")
    header_icon = "globe"
    template_name = "consultations/admin/translation_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        not_checked = Q(translation=None) | Q(translation__checked_at=None)
        context["comments"] = (
            translation_queue(user, Comment.objects.all())
            .filter(not_checked)
            .select_related("consultation", "recommendation", "translation")
            .order_by("created_at")[:200]
        )
        # A reason changed since it was translated needs translating again.
        context["reasons"] = (
            translation_queue(user, Stance.objects.all())
            .filter(
                not_checked | ~Q(translation__source_text=F("reason")),
            )
            .select_related("recommendation__consultation", "translation")
            .order_by("updated_at")[:200]
        )
        return context


@translators_only
class TranslateView(AdminPage):
    """Translate a comment or a stance's reason into Polish for the report."""

    parents = (TO_TRANSLATE,)
    header_icon = "globe"
    template_name = "consultations/admin/translate_comment.html"
    kinds = {
        "comment": Comment.objects.select_related("consultation", "recommendation"),
        "stance": Stance.objects.select_related("recommendation__consultation"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.kind = kwargs["kind"]
        self.item = get_object_or_404(self.kinds[self.kind], pk=kwargs["item_id"])
        consultation = (
            self.item.consultation
            if self.kind == "comment"
            else self.item.recommendation.consultation
        )
        access = ConsultationAccess(request.user, consultation)
        if not access.can("translate", self.item):
            # Not in this person's queue: refused like any admin view, without
            # a word of it.
            return permission_denied(request)
        self.existing = getattr(self.item, "translation", None)
        if self.kind == "stance" and self.existing and not self.existing.is_current:
            self.existing = None  # a translation of an earlier reason
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        if self.kind == "stance":
            return _("Translate a stance's reason (recommendation %(number)s)") % {
                "number": self.item.recommendation.number
            }
        return _("Translate comment #%(id)s") % {"id": self.item.pk}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {}
        if self.existing:
            initial = {"text": self.existing.text, "checked": self.existing.is_checked}
        context.update(
            item=self.item,
            words=services.words_of(self.item),
            existing=self.existing,
            form=kwargs.get("form") or TranslationForm(initial=initial),
            machine_available=services.machine_translator_for(self.item) is not None,
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "machine":
            try:
                services.machine_translate(self.item, request.user)
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
        services.save_translation(
            self.item,
            request.user,
            form.cleaned_data["text"],
            form.cleaned_data["checked"],
        )
        messages.success(request, _("The translation is saved."))
        return redirect("consultations_translations")


# --- Translations behind the original ----------------------------------------------


@editors_only
class TranslationsBehindView(AdminPage):
    """Per language, the recommendations whose translation says an older wording
    than the original: readers of that language are shown the original meanwhile."""

    parents = (OUTCOMES,)
    header_icon = "globe"
    template_name = "consultations/admin/translations_behind.html"

    def dispatch(self, request, *args, **kwargs):
        self.record = get_object_or_404(
            Consultation.objects.select_related("source_locale"),
            pk=kwargs["consultation_id"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Translations behind the original: %(title)s") % {
            "title": self.record.title
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            record=self.record, languages=services.translations_behind(self.record)
        )
        return context


# --- Importing a draft from a document ------------------------------------------


class DraftImportView(AdminPage):
    """Upload a document (or paste text), see what it would make of the
    consultation's recommendations, then save it as a new draft (or publish it).

    The preview is kept in the session, not in the form: what is saved is what
    was shown, and nothing is created before the editor confirms."""

    header_icon = "upload"
    template_name = "consultations/admin/draft_import.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(ConsultationPage, pk=kwargs["page_id"])
        if not may_import_into(request.user, self.page):
            # Not Wagtail's redirect to the dashboard: a plain refusal.
            return TemplateResponse(request, "403.html", status=403)
        self.session_key = f"consultations:draft-import:{self.page.pk}"
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import a draft: %(title)s") % {"title": self.page.title}

    def get_parent_crumbs(self):
        return [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            }
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stored = self.request.session.get(self.session_key)
        draft = plan = None
        if stored and "form" not in kwargs:
            draft = draft_import.Draft.from_session_data(stored)
            plan = draft_import.plan_import(self.page, draft)
        context.update(
            page=self.page,
            form=kwargs.get("form") or DraftImportForm(),
            draft=draft,
            plan=plan,
            source=stored and stored["source"],
            may_publish=may_publish_import(self.request.user, self.page),
            conflict=kwargs.get("conflict", False),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "discard":
            request.session.pop(self.session_key, None)
            return redirect(request.path)
        if action in ("confirm", "publish"):
            return self.confirm(publish=action == "publish")
        return self.preview()

    def preview(self):
        request = self.request
        request.session.pop(self.session_key, None)
        form = DraftImportForm(request.POST, request.FILES)
        if form.is_valid():
            document = form.cleaned_data["document"]
            try:
                draft_import.refuse_translations(self.page)
                draft = draft_import.read_draft(
                    self.page, upload=document, text=form.cleaned_data["text"]
                )
            except draft_import.ImportRefused as refused:
                form.add_error("document" if document else "text", refused.message)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        request.session[self.session_key] = {
            **draft.as_session_data(),
            "source": document.name if document else _("Pasted text"),
            "seen_revision": self.page.latest_revision_id,
        }
        return redirect(request.path)

    def confirm(self, publish):
        request = self.request
        stored = request.session.get(self.session_key)
        if stored is None:
            messages.error(
                request, _("The preview has expired: upload the document again.")
            )
            return redirect(request.path)
        if publish and not may_publish_import(request.user, self.page):
            return TemplateResponse(request, "403.html", status=403)
        draft = draft_import.Draft.from_session_data(stored)
        try:
            _revision, plan = draft_import.save_import(
                self.page, draft, request.user, stored["seen_revision"], publish=publish
            )
        except draft_import.ChangedSincePreview:
            request.session.pop(self.session_key, None)
            self.page.refresh_from_db()
            return self.render_to_response(
                self.get_context_data(conflict=True), status=409
            )
        request.session.pop(self.session_key, None)
        counts = plan.counts
        details = {
            "new": counts["new"],
            "updated": counts["updated"],
            "removed": len(plan.removals),
        }
        if publish:
            message = _(
                "The consultation is published with the imported recommendations "
                "(%(new)s new, %(updated)s changed, %(removed)s removed)."
            )
        else:
            message = _(
                "A new draft is saved with the imported recommendations (%(new)s new, "
                "%(updated)s changed, %(removed)s removed). Check it, then publish it."
            )
        messages.success(request, message % details)
        return redirect("wagtailadmin_pages:edit", self.page.pk)


# --- The dashboard panel ------------------------------------------------------------


class OverviewPanel(Component):
    name = "consultation_overview"
    template_name = "consultations/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        now = timezone.now()
        open_records = list(Consultation.objects.open(now).order_by("closes_at"))
        participation = _participation(open_records)
        return {
            "open": [(r, *participation[r.pk]) for r in open_records],
            "behind": [
                (record, language)
                for record in open_records
                for language in services.translations_behind(record)
            ],
            "reports_waiting": CommentReport.objects.filter(resolved_at=None)
            .values("comment")
            .distinct()
            .count(),
            "responses_missing": Recommendation.objects.filter(
                consultation__in=Consultation.objects.closed(now), archived_at=None
            )
            .exclude(responses__published_at__isnull=False)
            .count(),
            "phase_open": Phase.OPEN,
        }
