"""Counselling requests in the admin: only counsellors read, triage and delete them."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.permissions import policy_registry

from counselling.models import CounsellingRequest
from tests.counselling.factories import CounsellingRequestFactory, CounsellorFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("counselling_requests:index")
ADMIN_HOME = reverse("wagtailadmin_home")


def url(view, counselling_request):
    return reverse(f"counselling_requests:{view}", args=[counselling_request.pk])


@pytest.fixture
def stored_request(counselling):
    return CounsellingRequestFactory(page=counselling)


def assert_refused(response):
    """Wagtail's admin sends whoever lacks a permission back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == ADMIN_HOME
    assert "olena@example.org" not in response.content.decode()


def triage(**fields):
    return {"status": "new", "assignee": "", **fields}


# Editors -------------------------------------------------------------------------


def test_an_editor_does_not_see_the_menu_item(client, editor, counsellor):
    client.force_login(editor)
    assert INDEX not in client.get(ADMIN_HOME).content.decode()

    client.force_login(counsellor)
    assert INDEX in client.get(ADMIN_HOME).content.decode()


def test_an_editor_cannot_list_requests(client, editor, stored_request):
    client.force_login(editor)

    assert_refused(client.get(INDEX))


@pytest.mark.parametrize("view", ["inspect", "edit", "delete"])
def test_an_editor_cannot_open_a_request(client, editor, stored_request, view):
    client.force_login(editor)

    assert_refused(client.get(url(view, stored_request)))


def test_an_editor_cannot_delete_a_request(client, editor, stored_request):
    client.force_login(editor)

    assert_refused(client.post(url("delete", stored_request)))
    assert CounsellingRequest.objects.filter(pk=stored_request.pk).exists()


def test_an_editor_cannot_triage_a_request(client, editor, stored_request):
    client.force_login(editor)

    response = client.post(url("edit", stored_request), triage(status="closed"))

    assert_refused(response)
    stored_request.refresh_from_db()
    assert stored_request.status == CounsellingRequest.Status.NEW


def test_members_and_visitors_never_see_requests(client, member, stored_request):
    assert client.get(url("inspect", stored_request)).status_code == 302  # login

    client.force_login(member)
    response = client.get(url("inspect", stored_request))
    assert response.status_code in {302, 403}
    assert "olena@example.org" not in response.content.decode()


# Counsellors ---------------------------------------------------------------------


def test_a_counsellor_lists_requests_with_status_and_assignee(
    client, counsellor, stored_request
):
    stored_request.status = CounsellingRequest.Status.IN_PROGRESS
    stored_request.assignee = counsellor
    stored_request.save()
    client.force_login(counsellor)

    response = client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert url("edit", stored_request) in html
    with translation.override("pl"):  # the admin's language
        assert stored_request.get_status_display() in html
    assert counsellor.username in html


@pytest.mark.parametrize(
    ("filters", "listed"),
    [
        ({"status": "in_progress"}, {"assigned"}),
        ({"status": "new"}, {"unassigned"}),
        ({"status": "closed"}, set()),
        ({"assignee": "ASSIGNEE"}, {"assigned"}),
    ],
)
def test_a_counsellor_filters_requests_by_status_and_assignee(
    client, counsellor, counselling, filters, listed
):
    requests = {
        "assigned": CounsellingRequestFactory(
            page=counselling, status="in_progress", assignee=counsellor
        ),
        "unassigned": CounsellingRequestFactory(page=counselling),
    }
    if filters.get("assignee") == "ASSIGNEE":
        filters = {"assignee": counsellor.pk}
    client.force_login(counsellor)

    html = client.get(INDEX, filters).content.decode()

    shown = {name for name, row in requests.items() if url("edit", row) in html}
    assert shown == listed


def test_a_counsellor_reads_a_request(client, counsellor, stored_request):
    client.force_login(counsellor)

    response = client.get(url("inspect", stored_request))

    assert response.status_code == 200
    assert "olena@example.org" in response.content.decode()
    assert stored_request.message in response.content.decode()


def test_a_counsellor_sets_status_and_assignee(client, counsellor, stored_request):
    other = CounsellorFactory()
    client.force_login(counsellor)

    response = client.post(
        url("edit", stored_request), triage(status="answered", assignee=other.pk)
    )

    assert response.status_code == 302
    stored_request.refresh_from_db()
    assert (stored_request.status, stored_request.assignee) == ("answered", other)


def test_a_counsellor_cannot_change_what_the_person_wrote(
    client, counsellor, stored_request
):
    sent = CounsellingRequest.objects.values().get(pk=stored_request.pk)
    client.force_login(counsellor)

    response = client.post(
        url("edit", stored_request),
        triage(
            status="in_progress",
            name="Someone else",
            email="other@example.org",
            phone="+48 600 000 000",
            contact_method="phone",
            topic="work",
            message="changed",
            page="1",
        ),
    )

    assert response.status_code == 302
    now = CounsellingRequest.objects.values().get(pk=stored_request.pk)
    assert now["status"] == "in_progress"  # the post was taken…
    del now["status"], sent["status"]
    assert now == sent  # …and nothing the person sent changed


def test_the_edit_form_shows_the_request_but_edits_only_triage(
    client, counsellor, stored_request
):
    client.force_login(counsellor)

    response = client.get(url("edit", stored_request))

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"status", "assignee"}
    assert stored_request.message in response.content.decode()


def test_only_active_counsellors_can_be_assigned(
    client, counsellor, editor, stored_request
):
    inactive = CounsellorFactory(is_active=False)
    client.force_login(counsellor)

    form = client.get(url("edit", stored_request)).context["form"]
    assert list(form.fields["assignee"].queryset) == [counsellor]

    for outsider in [editor, inactive]:
        response = client.post(
            url("edit", stored_request), triage(status="closed", assignee=outsider.pk)
        )
        assert response.status_code == 400
        assert set(response.context["form"].errors) == {"assignee"}
    stored_request.refresh_from_db()
    assert (stored_request.status, stored_request.assignee) == ("new", None)


def test_an_unknown_status_is_refused_by_the_form_and_the_database(
    client, counsellor, stored_request
):
    client.force_login(counsellor)

    response = client.post(url("edit", stored_request), triage(status="lost"))

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"status"}
    assert "Wybierz poprawną wartość" in response.content.decode()
    with pytest.raises(IntegrityError), transaction.atomic():
        CounsellingRequest.objects.filter(pk=stored_request.pk).update(status="lost")


def test_a_counsellor_deletes_a_request(client, counsellor, stored_request):
    client.force_login(counsellor)

    response = client.post(url("delete", stored_request))

    assert response.status_code == 302
    assert not CounsellingRequest.objects.filter(pk=stored_request.pk).exists()


@pytest.mark.parametrize("who", ["counsellor", "superuser"])
def test_nobody_adds_requests_in_the_admin(client, counsellor, stored_request, who):
    user = counsellor if who == "counsellor" else UserFactory(is_superuser=True)
    client.force_login(user)

    assert client.get(INDEX).context["can_add"] is False
    assert_refused(client.get(reverse("counselling_requests:add")))
    assert_refused(
        client.post(
            reverse("counselling_requests:add"),
            {**triage(), "message": "invented", "topic": "work"},
        )
    )
    assert CounsellingRequest.objects.count() == 1


def test_the_policy_names_counsellors_as_readers_and_nobody_as_adder(
    counsellor, editor
):
    superuser = UserFactory(is_superuser=True)
    policy = policy_registry.get_by_type(CounsellingRequest)

    assert set(policy.users_with_permission("view")) == {counsellor, superuser}
    assert not policy.users_with_permission("add").exists()
