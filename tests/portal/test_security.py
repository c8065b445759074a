"""Security measures of the whole site: login lockout, passwords, headers, caching
of private responses, documents, and what the security log says."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, CollectionViewRestriction, Site

from portal.groups import CULTURAL_ASSISTANTS
from portal.models import SiteSettings
from tests.factories import (
    PASSWORD,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EditorFactory,
    UserFactory,
    member_of,
    publish,
)

EMAIL_USERNAME = "olena.k@example.org"


def fail_login(client, url, username, times, address="203.0.113.7"):
    for _attempt in range(times):
        response = client.post(
            url, {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )
    return response


# --- Login lockout -----------------------------------------------------------------


@pytest.mark.django_db
def test_fifth_wrong_password_locks_the_account_out_with_a_translated_429(client):
    member = UserFactory()
    assert fail_login(client, "/uk/accounts/login/", member.username, 4).status_code
    response = fail_login(client, "/uk/accounts/login/", member.username, 1)

    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="uk"' in html
    assert "Забагато невдалих спроб входу" in html  # Too many failed logins
    assert "15 хвилин" in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_locked_out_member_cannot_log_in_even_with_the_right_password(client):
    member = UserFactory()
    fail_login(client, "/pl/accounts/login/", member.username, 5)

    response = client.post(
        "/pl/accounts/login/",
        {"username": member.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_ends_after_the_cool_off_time(client, settings):
    member = UserFactory()
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    fail_login(client, "/pl/accounts/login/", member.username, 5)

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.post(
            "/pl/accounts/login/",
            {"username": member.username, "password": PASSWORD},
            REMOTE_ADDR="203.0.113.7",
        )

    assert response.status_code == 302


@pytest.mark.django_db
def test_lockout_is_per_account_and_address_not_per_shared_address(client):
    """Many people log in from one reception centre: one person's typos must not
    lock out the others, nor the same person elsewhere."""
    locked, neighbour = UserFactory(), UserFactory()
    fail_login(client, "/pl/accounts/login/", locked.username, 5)

    neighbour_login = client.post(
        "/pl/accounts/login/",
        {"username": neighbour.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    client.logout()
    elsewhere = client.post(
        "/pl/accounts/login/",
        {"username": locked.username, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.20",
    )

    assert neighbour_login.status_code == 302
    assert elsewhere.status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count_of_failures(client):
    member = UserFactory()
    fail_login(client, "/pl/accounts/login/", member.username, 4)
    client.post(
        "/pl/accounts/login/",
        {"username": member.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    client.logout()

    after_reset = fail_login(client, "/pl/accounts/login/", member.username, 4)

    assert after_reset.status_code == 200  # the form again, not the lockout


@pytest.mark.django_db
def test_the_admin_login_locks_out_too(client):
    editor = EditorFactory()
    response = fail_login(client, "/admin/login/", editor.username, 5)

    assert response.status_code == 429
    locked = client.post(
        "/admin/login/",
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_log_lines_name_no_username_or_address(client, caplog):
    member = UserFactory(username=EMAIL_USERNAME, email=EMAIL_USERNAME)
    caplog.set_level(logging.INFO)

    fail_login(client, "/pl/accounts/login/", EMAIL_USERNAME, 5)
    client.post(
        "/pl/accounts/login/",
        {"username": EMAIL_USERNAME, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.20",
    )

    security = [r.getMessage() for r in caplog.records if r.name == "portal.security"]
    axes = [r.getMessage() for r in caplog.records if r.name.startswith("axes")]
    assert any(line.startswith("login failed account=") for line in security)
    assert f"login succeeded user={member.pk}" in "\n".join(security)
    assert any("Locking out" in line for line in axes)
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert EMAIL_USERNAME not in everything
    assert "olena" not in everything
    assert "203.0.113.7" not in everything
    assert "198.51.100.20" not in everything


# --- Passwords ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password, error",
    [
        ("short-pw-1", "12"),  # MinimumLengthValidator, min_length 12
        ("password1234", "common"),  # CommonPasswordValidator
    ],
)
def test_password_change_refuses_short_and_common_passwords(client, password, error):
    member = UserFactory()
    client.force_login(member)

    response = client.post(
        "/en/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": password,
            "new_password2": password,
        },
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["short-pw-1", "password1234"])
def test_password_reset_refuses_short_and_common_passwords(client, password):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    member = UserFactory()
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    token = default_token_generator.make_token(member)
    form_page = client.get(f"/en/accounts/password/reset/{uid}/{token}/", follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


# --- Headers -----------------------------------------------------------------------


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client):
    response = client.get("/pl/")

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_a_page_from_the_public_page_cache_keeps_its_security_headers(
    client, home_pages
):
    # Made on a site's first request; making them starts a new cache generation.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    index = CampaignIndexPageFactory(parent=home_pages["pl"])
    campaign = publish(CampaignPageFactory(parent=index, slug="glos"))
    client.get(campaign.url)

    stored = client.get(campaign.url)

    assert stored["X-Cache"] == "HIT"
    assert "script-src 'self'" in stored["Content-Security-Policy"]
    assert stored["X-Frame-Options"] == "DENY"
    assert stored["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in stored["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_that_lets_it_frame_its_previews(client):
    client.force_login(EditorFactory())

    response = client.get("/admin/")

    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "script-src 'self' 'unsafe-inline'" in csp


@pytest.mark.django_db
def test_a_preview_keeps_the_public_policy_but_the_admin_may_frame_it(home_pages, rf):
    request = rf.get("/admin/pages/")
    request.user = EditorFactory()

    response = home_pages["pl"].make_preview_request(request)

    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp


def test_public_templates_hold_no_inline_script_or_event_handler():
    import re
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "templates"
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:|<style|\sstyle=",
        re.IGNORECASE,
    )
    offenders = [
        f"{path.relative_to(templates)}: {match.group(0)}"
        for path in templates.rglob("*.html")
        for match in inline.finditer(path.read_text())
    ]

    assert offenders == []


# --- Private responses are never cached --------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/pl/accounts/",
        "/pl/accounts/display-name/",
        "/pl/accounts/e-mails/",
        "/pl/accounts/my-data/",
        "/pl/accounts/my-data.json",
        "/pl/accounts/delete/",
        "/pl/accounts/password/",
        "/pl/",  # any page a logged-in person sees carries their CSRF token
    ],
)
def test_pages_for_a_logged_in_member_are_private_and_not_stored(client, member, url):
    client.force_login(member)

    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_public_page_for_an_anonymous_visitor_may_be_cached(client):
    response = client.get("/pl/")

    assert "no-store" not in response.get("Cache-Control", "")
    assert "private" not in response.get("Cache-Control", "")


# --- Documents ---------------------------------------------------------------------


def upload(name, content):
    return SimpleUploadedFile(name, content)


def document_form(name, content):
    DocumentForm = get_document_form(get_document_model())
    return DocumentForm(
        data={"title": name, "collection": Collection.get_first_root_node().pk},
        files={"file": upload(name, content)},
        user=EditorFactory(),
    )


def zip_with(*names):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content",
    [
        ("draft.pdf", b"%PDF-1.7\n..."),
        ("table.csv", "Miasto;Liczba\nToruń;12\n".encode()),
        ("notes.txt", "Нотатки".encode()),
        ("letter.rtf", b"{\\rtf1\\ansi hello}"),
        ("strategy.docx", zip_with("[Content_Types].xml", "word/document.xml")),
        ("budget.xlsx", zip_with("[Content_Types].xml", "xl/workbook.xml")),
    ],
)
def test_documents_whose_content_matches_their_extension_are_accepted(name, content):
    form = document_form(name, content)

    assert form.is_valid(), form.errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content",
    [
        ("draft.pdf", b"<html><script>alert(1)</script></html>"),
        ("draft.pdf", b"MZ\x90\x00 a Windows program"),
        ("table.csv", b"<!DOCTYPE html><html>phishing</html>"),
        ("notes.txt", b"\x00\x01binary"),
        ("strategy.docx", b"%PDF-1.7 renamed"),
        ("strategy.docx", zip_with("payload.exe")),
        ("budget.odt", zip_with("mimetype")),
    ],
)
def test_documents_disguised_as_another_type_are_refused(name, content):
    form = document_form(name, content)

    assert not form.is_valid()
    assert form.errors["file"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["page.html", "logo.svg", "run.js"])
def test_html_svg_and_scripts_cannot_be_uploaded_as_documents(name):
    form = document_form(name, b"<svg onload=alert(1)></svg>")

    assert not form.is_valid()
    assert form.errors["file"]


@pytest.mark.django_db
def test_documents_over_the_size_limit_are_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    form = document_form("draft.pdf", b"%PDF-1.7" + b"x" * 2048)

    assert not form.is_valid()
    assert form.errors["file"]


def test_svg_images_are_not_accepted(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"text/html", "image/svg+xml"} & set(
        settings.WAGTAILDOCS_INLINE_CONTENT_TYPES
    )


def make_document(collection=None, name="draft.pdf", content=b"%PDF-1.7 test"):
    Document = get_document_model()
    document = Document(
        title="Draft", collection=collection or Collection.get_first_root_node()
    )
    document.file.save(name, ContentFile(content), save=True)
    return document


@pytest.mark.django_db
def test_documents_are_served_through_wagtail_with_nosniff(client):
    document = make_document()

    response = client.get(document.url)

    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_a_text_document_that_is_not_inline_type_is_a_download(client):
    document = make_document(name="table.csv", content=b"a;b\n")

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_documents_of_a_restricted_collection_need_a_login_and_are_not_cached(
    client, member
):
    root = Collection.get_first_root_node()
    team_only = root.add_child(name="Team only")
    CollectionViewRestriction.objects.create(
        collection=team_only, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document(team_only)

    anonymous = client.get(document.url)
    client.force_login(member)
    logged_in = client.get(document.url)

    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    assert logged_in.status_code == 200
    assert "no-store" in logged_in["Cache-Control"]


@pytest.mark.django_db
def test_document_files_are_never_served_from_media(client, settings):
    document = make_document()
    settings.DEBUG = True
    from importlib import reload

    from django.urls import clear_url_caches

    import portal.urls

    try:
        reload(portal.urls)
        clear_url_caches()
        response = client.get(f"/media/{document.file.name}")
    finally:
        settings.DEBUG = False
        reload(portal.urls)
        clear_url_caches()

    assert document.file.name.startswith("documents/")
    assert response.status_code == 404


# --- The security log --------------------------------------------------------------


class AssistantFactory(UserFactory):
    team = member_of(CULTURAL_ASSISTANTS)


@pytest.mark.django_db
def test_refused_requests_are_logged_without_names(client, caplog):
    """A cultural assistant may use the admin, but not download reports."""
    outsider = AssistantFactory(username=EMAIL_USERNAME, email=EMAIL_USERNAME)
    client.force_login(outsider)
    caplog.set_level(logging.WARNING, logger="portal.security")

    response = client.get("/admin/consultations/outcomes/1/report/csv/")

    assert response.status_code == 403
    lines = [
        r.getMessage()
        for r in caplog.records
        if r.name == "portal.security" and "refused" in r.getMessage()
    ]
    assert len(lines) == 1
    assert lines[0].startswith(f"request refused status=403 user={outsider.pk} ")
    assert "path=/admin/consultations/outcomes/1/report/csv/" in lines[0]
    assert EMAIL_USERNAME not in lines[0]
    assert "127.0.0.1" not in lines[0]
