import re

import pytest
from django.core import mail

from tests.factories import PASSWORD


@pytest.mark.django_db
def test_member_logs_in_on_the_public_site(client, member):
    response = client.post(
        "/uk/accounts/login/", {"username": member.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/"
    page = client.get("/uk/accounts/")
    assert page.status_code == 200
    assert member.username in page.content.decode()


@pytest.mark.django_db
def test_login_returns_to_the_page_the_member_came_from(client, member):
    response = client.post(
        "/pl/accounts/login/",
        {"username": member.username, "password": PASSWORD, "next": "/pl/"},
    )

    assert response["Location"] == "/pl/"


@pytest.mark.django_db
def test_login_refuses_to_redirect_to_another_site(client, member):
    response = client.post(
        "/pl/accounts/login/",
        {
            "username": member.username,
            "password": PASSWORD,
            "next": "https://evil.example/",
        },
    )

    assert response["Location"] == "/pl/accounts/"


@pytest.mark.django_db
def test_wrong_password_shows_a_translated_error_linked_to_the_form(client, member):
    response = client.post(
        "/uk/accounts/login/", {"username": member.username, "password": "wrong"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Будь ласка, введіть правильні" in html  # Django's own Ukrainian message
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_account_page_needs_login(client):
    response = client.get("/en/accounts/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/"


@pytest.mark.django_db
def test_logout_is_a_post_and_ends_the_session(client, member):
    client.force_login(member)

    assert client.get("/pl/accounts/logout/").status_code == 405
    response = client.post("/pl/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_member_changes_password(client, member):
    client.force_login(member)
    new_password = "another-long-password-77"

    response = client.post(
        "/pl/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/pl/accounts/password/done/"
    member.refresh_from_db()
    assert member.check_password(new_password)


@pytest.mark.django_db
def test_short_new_password_is_refused(client, member):
    client.force_login(member)

    response = client.post(
        "/en/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "short1",
            "new_password2": "short1",
        },
    )

    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()


@pytest.mark.django_db
def test_password_reset_by_email_in_the_members_language(client, member):
    response = client.post("/uk/accounts/password/reset/", {"email": member.email})

    assert response["Location"] == "/uk/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Голос мігрантів" in message.subject
    link = re.search(
        r"http://testserver(/uk/accounts/password/reset/\S+/)", message.body
    )
    assert link, message.body

    # The link leads to a form (Django swaps the token into the session first).
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    new_password = "brand-new-password-2026"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )

    assert done["Location"] == "/uk/accounts/password/reset/complete/"
    logged_in = client.post(
        "/uk/accounts/login/",
        {"username": member.username, "password": new_password},
    )
    assert logged_in.status_code == 302
    assert logged_in.wsgi_request.user == member


@pytest.mark.django_db
def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post(
        "/pl/accounts/password/reset/", {"email": "nobody@example.org"}
    )

    assert response["Location"] == "/pl/accounts/password/reset/sent/"
    assert mail.outbox == []


@pytest.mark.django_db
def test_members_get_nothing_in_the_wagtail_admin(client, member):
    client.force_login(member)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_editors_reach_the_wagtail_admin(client, editor):
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
