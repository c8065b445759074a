"""Counselling requests in the admin: editors read and delete them; nobody edits."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from counselling.models import CounsellingRequest


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """People's requests are kept as sent: no one adds or changes them here."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(CounsellingRequest, ReadAndDeletePolicy(CounsellingRequest))


class CounsellingRequestViewSet(ModelViewSet):
    model = CounsellingRequest
    name = "counselling_requests"
    icon = "mail"
    menu_label = _("Counselling requests")
    menu_order = 220
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = [
        "submitted_at",
        "topic",
        "preferred_language",
        "contact_method",
        "language",
    ]
    list_filter = ["topic", "preferred_language", "language"]
    inspect_view_fields = [
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
    exclude_form_fields = []


@hooks.register("register_admin_viewset")
def register_counselling_requests():
    return CounsellingRequestViewSet()
