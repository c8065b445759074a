import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from portal.groups import EDITORS, MIGRANT_TEAM

image_policy = policy_registry.get_by_type(get_image_model())
document_policy = policy_registry.get_by_type(get_document_model())


@pytest.mark.django_db
def test_the_two_groups_exist_on_a_fresh_database():
    names = set(Group.objects.values_list("name", flat=True))

    assert {EDITORS, MIGRANT_TEAM} <= names
    assert "Moderators" not in names


def test_editors_manage_pages_images_documents_and_translations(editor, home_pages):
    page_permissions = home_pages["uk"].permissions_for_user(editor)

    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert page_permissions.can_edit()
    assert page_permissions.can_publish()
    for action in ["add", "change", "choose", "delete"]:
        assert image_policy.user_has_permission(editor, action)
        assert document_policy.user_has_permission(editor, action)


def test_members_have_no_admin_permission(member, home_pages):
    assert not member.has_perm("wagtailadmin.access_admin")
    assert not home_pages["pl"].permissions_for_user(member).can_edit()
    assert not image_policy.user_has_permission(member, "add")
    assert member.get_all_permissions() == set()
