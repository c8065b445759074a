from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from consultations import audit
from consultations.access import may_moderate, may_translate
from consultations.models import (
    Comment,
    Consultation,
    ConsultationPage,
    Institution,
    PolicyArea,
    Recommendation,
    RecommendationResponse,
    TrackerEntry,
)
from consultations.views import admin as admin_views


def _chooser_text(msgid, name):
    # Wagtail's msgids, so its catalogues translate them.
    return lazy(lambda: _(msgid) % {"object": name}, str)()


class ChooserInReadersLanguage(AdminSnippetChooser):
    """Wagtail's snippet chooser widget formats "Choose %(object)s" when the widget
    is made. A snippet's edit form is made once, when the admin's URLs load, so
    every editor then read the chooser in the language of whoever came first
    ("Wybierz policy area" in the English admin). Formatted when shown instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = _chooser_text("Choose %(object)s", name)
        self.choose_another_text = _chooser_text("Choose another %(object)s", name)
        self.link_to_chosen_text = _chooser_text("Edit this %(object)s", name)


class ChooserViewSet(SnippetChooserViewSet):
    base_widget_class = ChooserInReadersLanguage


class PolicyAreaViewSet(SnippetViewSet):
    model = PolicyArea
    icon = "tag"
    menu_label = gettext_lazy("Policy areas")
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    chooser_viewset_class = ChooserViewSet


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    icon = "site"
    menu_label = gettext_lazy("Institutions")
    list_display = ["name", "city"]
    search_fields = ["name"]
    chooser_viewset_class = ChooserViewSet


class TranslateOnlyPolicy(ModelPermissionPolicy):
    """Responses are recorded in the outcomes admin, which publishes them and tells
    the members; as snippets they are only edited and translated."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(
            user, action
        )


class ResponseViewSet(SnippetViewSet):
    model = RecommendationResponse
    icon = "doc-full"
    menu_label = gettext_lazy("Responses")
    list_display = ["recommendation", "outcome", "published_at"]


register_permission_policy(
    RecommendationResponse,
    TranslateOnlyPolicy(RecommendationResponse),
    exact_class=True,
)


class TrackerEntryViewSet(SnippetViewSet):
    model = TrackerEntry
    icon = "list-ul"
    menu_label = gettext_lazy("Implementation tracker")
    list_display = ["title", "area", "institution", "source"]
    list_filter = ["area", "institution"]
    search_fields = ["title"]


register_snippet(PolicyAreaViewSet)
register_snippet(InstitutionViewSet)
register_snippet(TrackerEntryViewSet)
register_snippet(ResponseViewSet)


@hooks.register("register_permissions")
def consultation_permissions():
    return Permission.objects.filter(
        content_type__app_label="consultations",
        codename__in=["moderate_comment", "translate_comment"],
    )


@hooks.register("register_log_actions")
def consultation_log_actions(actions):
    audit.register(actions)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path(
            "consultations/moderation/",
            admin_views.ModerationQueueView.as_view(),
            name="consultations_moderation",
        ),
        path(
            "consultations/moderation/<int:comment_id>/",
            admin_views.CommentModerationView.as_view(),
            name="consultations_moderate_comment",
        ),
        path(
            "consultations/outcomes/",
            admin_views.OutcomesView.as_view(),
            name="consultations_outcomes",
        ),
        path(
            "consultations/outcomes/<int:consultation_id>/",
            admin_views.ResponsesView.as_view(),
            name="consultations_responses",
        ),
        path(
            "consultations/outcomes/recommendation/<int:recommendation_id>/",
            admin_views.ResponseEditView.as_view(),
            name="consultations_response",
        ),
        path(
            "consultations/outcomes/<int:consultation_id>/report/",
            admin_views.report,
            {"kind": "html"},
            name="consultations_report",
        ),
        path(
            "consultations/outcomes/<int:consultation_id>/report/csv/",
            admin_views.report,
            {"kind": "csv"},
            name="consultations_report_csv",
        ),
        path(
            "consultations/outcomes/<int:consultation_id>/report/xlsx/",
            admin_views.report,
            {"kind": "xlsx"},
            name="consultations_report_xlsx",
        ),
        path(
            "consultations/outcomes/<int:consultation_id>/translations-behind/",
            admin_views.TranslationsBehindView.as_view(),
            name="consultations_translations_behind",
        ),
        path(
            "consultations/import/<int:page_id>/",
            admin_views.DraftImportView.as_view(),
            name="consultations_import",
        ),
        path(
            "consultations/translations/",
            admin_views.TranslationQueueView.as_view(),
            name="consultations_translations",
        ),
        path(
            "consultations/translations/<int:item_id>/",
            admin_views.TranslateView.as_view(),
            {"kind": "comment"},
            name="consultations_translate_comment",
        ),
        path(
            "consultations/translations/stance/<int:item_id>/",
            admin_views.TranslateView.as_view(),
            {"kind": "stance"},
            name="consultations_translate_stance",
        ),
    ]


class PolicyMenuItem(MenuItem):
    """Shown to whoever the policy lets in (``consultations.access``)."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return PolicyMenuItem(
        gettext_lazy("Comment moderation"),
        reverse("consultations_moderation"),
        icon_name="comment",
        order=250,
        allowed=may_moderate,
    )


@hooks.register("register_admin_menu_item")
def outcomes_menu_item():
    return PolicyMenuItem(
        gettext_lazy("Consultation outcomes"),
        reverse("consultations_outcomes"),
        icon_name="doc-full",
        order=251,
        allowed=may_moderate,
    )


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return PolicyMenuItem(
        gettext_lazy("Comments to translate"),
        reverse("consultations_translations"),
        icon_name="globe",
        order=252,
        allowed=may_translate,
    )


@hooks.register("construct_homepage_panels")
def consultation_overview_panel(request, panels):
    if may_moderate(request.user):
        panels.append(admin_views.OverviewPanel())


def _words_kept(consultation):
    counts = Recommendation.objects.filter(consultation=consultation).aggregate(
        stances=Count("stances", distinct=True)
    )
    return counts["stances"], Comment.objects.filter(consultation=consultation).count()


@hooks.register("before_delete_page")
def explain_what_deleting_keeps(request, page):
    if request.method != "GET" or not isinstance(page.specific, ConsultationPage):
        return None
    consultation = Consultation.objects.filter(key=page.translation_key).first()
    if consultation is None:
        return None
    stances, comments = _words_kept(consultation)
    if stances or comments:
        messages.warning(
            request,
            _(
                "Members took %(stances)s stances and wrote %(comments)s comments in "
                "this consultation. Deleting the page does not delete them: they stay "
                "in the archive, in the moderation queue and in the results."
            )
            % {"stances": stances, "comments": comments},
        )
    return None


@hooks.register("after_edit_page")
def explain_archived_recommendations(request, page):
    if not isinstance(page.specific, ConsultationPage):
        return
    count = (
        Recommendation.objects.filter(
            consultation__key=page.translation_key,
            archived_at__gte=timezone.now() - timedelta(minutes=1),
        )
        .filter(Q(stances__isnull=False) | Q(comments__isnull=False))
        .distinct()
        .count()
    )
    if count:
        messages.warning(
            request,
            ngettext(
                "%(count)d recommendation removed from the draft had stances or "
                "comments: it is archived with them, nothing was deleted.",
                "%(count)d recommendations removed from the draft had stances or "
                "comments: they are archived with them, nothing was deleted.",
                count,
            )
            % {"count": count},
        )
