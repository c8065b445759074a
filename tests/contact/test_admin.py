"""Contact messages in the admin: editors read and delete them, nobody changes them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.permissions import policy_registry

from contact.models import ContactMessage
from portal.groups import EDITORS
from tests.contact.factories import ContactMessageFactory
from tests.counselling.factories import CounsellorFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("contact_messages:index")
ADMIN_HOME = reverse("wagtailadmin_home")


def url(view, message):
    return reverse(f"contact_messages:{view}", args=[message.pk])


@pytest.fixture
def stored_message(contact):
    return ContactMessageFactory(page=contact)


def assert_refused(response):
    """Wagtail's admin sends whoever lacks a permission back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == ADMIN_HOME


def test_editors_hold_view_and_delete_from_the_data_migration():
    editors = Group.objects.get(name=EDITORS)
    codenames = set(
        editors.permissions.filter(content_type__app_label="contact").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"view_contactmessage", "delete_contactmessage"}


def test_an_editor_lists_and_reads_messages(client, editor, stored_message):
    client.force_login(editor)

    assert INDEX in client.get(ADMIN_HOME).content.decode()  # the menu item
    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert url("inspect", stored_message) in listing.content.decode()
    response = client.get(url("inspect", stored_message))
    assert response.status_code == 200
    html = response.content.decode()
    assert stored_message.message in html
    assert "olena@example.org" in html
    assert "prasa@example.org" in html


def test_an_editor_deletes_a_message(client, editor, stored_message):
    client.force_login(editor)

    response = client.post(url("delete", stored_message))

    assert response.status_code == 302
    assert not ContactMessage.objects.filter(pk=stored_message.pk).exists()


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_nobody_adds_or_changes_a_message(client, editor, stored_message, who):
    user = editor if who == "editor" else UserFactory(is_superuser=True)
    sent = ContactMessage.objects.values().get(pk=stored_message.pk)
    client.force_login(user)

    assert client.get(INDEX).context["can_add"] is False
    assert_refused(client.get(reverse("contact_messages:add")))
    assert_refused(
        client.post(reverse("contact_messages:add"), {"message": "invented"})
    )
    assert_refused(client.get(url("edit", stored_message)))
    assert_refused(client.post(url("edit", stored_message), {"message": "changed"}))
    assert ContactMessage.objects.values().get(pk=stored_message.pk) == sent
    assert ContactMessage.objects.count() == 1


def test_members_and_visitors_never_see_messages(client, member, stored_message):
    assert client.get(url("inspect", stored_message)).status_code == 302  # login

    client.force_login(member)
    for view in ["inspect", "delete"]:
        response = client.get(url(view, stored_message))
        assert response.status_code in {302, 403}
        assert stored_message.message not in response.content.decode()
    assert client.get(INDEX).status_code in {302, 403}
    client.post(url("delete", stored_message))
    assert ContactMessage.objects.filter(pk=stored_message.pk).exists()


def test_a_counsellor_does_not_read_contact_messages(client, stored_message):
    client.force_login(CounsellorFactory())

    assert_refused(client.get(url("inspect", stored_message)))


def test_the_policy_names_editors_as_readers_and_nobody_as_adder(editor, member):
    policy = policy_registry.get_by_type(ContactMessage)

    assert set(policy.users_with_permission("view")) == {editor}
    assert list(policy.users_with_any_permission(["add", "change"])) == []
    assert not policy.user_has_permission(member, "view")
