"""Counselling requests in the admin: counsellors read, triage and delete them."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from counselling.models import CounsellingRequest


class CounsellingRequestPolicy(ModelPermissionPolicy):
    """Who may do what with a request. Every view of the viewset below asks this.

    Who: the groups holding the model's permissions, which is only Counsellors
    (counselling/migrations/0004_counsellors.py). What: nobody adds a request here,
    as they come from the public form; changing one is triage, its status and its
    assignee, and the person's words are kept as sent.
    """

    actions = {"view", "change", "delete"}
    changeable_fields = ["status", "assignee"]

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        allowed = self.actions.intersection(actions)
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


policy = CounsellingRequestPolicy(CounsellingRequest)
register_permission_policy(CounsellingRequest, policy)

# What the person sent, in the order a counsellor reads it.
AS_SENT = [
    "submitted_at",
    "topic",
    "preferred_language",
    "name",
    "contact_method",
    "email",
    "phone",
    "message",
    "language",
    "consent_given_at",
    "page",
]


class TriageView(EditView):
    def form_invalid(self, form):
        # Bad input is a client error here as in the portal's other admin forms.
        response = super().form_invalid(form)
        if response.status_code == 200:
            response.status_code = 400
        return response


class CounsellingRequestViewSet(ModelViewSet):
    model = CounsellingRequest
    name = "counselling_requests"
    icon = "mail"
    menu_label = _("Counselling requests")
    menu_order = 220
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = TriageView
    list_display = [
        "submitted_at",
        "topic",
        "preferred_language",
        "contact_method",
        "language",
        "status",
        "assignee",
    ]
    list_filter = ["status", "assignee", "topic", "preferred_language", "language"]
    inspect_view_fields = [*policy.changeable_fields, *AS_SENT]
    # Fields outside the policy's changeable ones are shown, never part of the form:
    # a posted message is ignored.
    panels = [
        *(FieldPanel(name) for name in policy.changeable_fields),
        MultiFieldPanel(
            [FieldPanel(name, read_only=True) for name in AS_SENT],
            heading=_("The request as sent"),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_counselling_requests():
    return CounsellingRequestViewSet()
