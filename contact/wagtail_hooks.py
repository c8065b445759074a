"""Contact messages in the admin: editors read them and delete them."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from contact.models import ContactMessage


class ContactMessagePolicy(ModelPermissionPolicy):
    """Who may do what with a message. Every view of the viewset below asks this.

    Who: the groups holding the model's permissions, which is Editors
    (contact/migrations/0002_editor_permissions.py). What: read and delete. Nobody
    adds a message here, as they come from the public form, and nobody changes
    one: it stays as the person wrote it.
    """

    actions = {"view", "delete"}

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        allowed = self.actions.intersection(actions)
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


policy = ContactMessagePolicy(ContactMessage)
register_permission_policy(ContactMessage, policy)


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    name = "contact_messages"
    icon = "mail"
    menu_label = _("Contact messages")
    menu_order = 225
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["submitted_at", "topic", "routed_to", "language"]
    list_filter = ["routed_to", "language"]
    inspect_view_fields = [
        "submitted_at",
        "topic",
        "routed_to",
        "name",
        "email",
        "message",
        "language",
        "consent_given_at",
        "page",
    ]
    # Required by ModelViewSet; the policy refuses the edit view to everyone.
    form_fields = []


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet()
