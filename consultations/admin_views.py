"""The moderation queue in the Wagtail admin: reported comments first; hide with a
reason (never delete), dismiss reports, reply as the organisation."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations import services
from consultations.forms import CommentForm, HideCommentForm
from consultations.models import Comment

moderators_only = method_decorator(
    permission_required("consultations.moderate_comment"), name="dispatch"
)

FILTERS = {
    "reported": (gettext_lazy("Reported"), Q(open_reports__gt=0)),
    "hidden": (gettext_lazy("Hidden"), Q(hidden_at__isnull=False)),
    "all": (gettext_lazy("All comments"), Q()),
}


def _comments():
    return Comment.objects.select_related(
        "consultation", "recommendation", "author__member_profile", "hidden_by"
    ).annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))


@moderators_only
class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Comment moderation")
    header_icon = "comment"
    template_name = "consultations/admin/moderation_queue.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

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


@moderators_only
class CommentModerationView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"
    template_name = "consultations/admin/moderate_comment.html"

    def get_page_title(self):
        return _("Comment #%(id)s") % {"id": self.kwargs["comment_id"]}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("consultations_moderation"),
                "label": _("Comment moderation"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

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
