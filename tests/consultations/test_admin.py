"""Editors run consultations in the Wagtail admin."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from consultations import services
from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    PolicyArea,
    Stance,
)
from home.models import HomePage
from portal.groups import MIGRANT_TEAM
from tests.consultations.conftest import make_consultation


class ConsultationPageRulesTest(WagtailPageTestCase):
    def test_consultations_live_under_an_index_under_a_home_page(self):
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
        self.assertAllowedSubpageTypes(ConsultationPage, set())

    def test_drafts_preview_before_anyone_can_take_part(self):
        home = HomePage.objects.get(locale__language_code="pl")
        index = home.add_child(
            instance=ConsultationIndexPage(title="Konsultacje", slug="k")
        )
        # Wagtail's helper cannot fill a StreamField inside an inline panel, so
        # this consultation has no poll.
        page = make_consultation(index, polls=False)

        self.assertPageIsPreviewable(page)
        self.assertPageIsPreviewable(index)

    def test_an_editor_creates_a_consultation_with_recommendations_and_a_poll(self):
        self.client.force_login(self.create_test_user())
        home = HomePage.objects.get(locale__language_code="pl")
        index = home.add_child(
            instance=ConsultationIndexPage(title="Konsultacje", slug="k")
        )
        area = PolicyArea.objects.filter(locale=index.locale).first()

        self.assertCanCreate(
            index,
            ConsultationPage,
            nested_form_data(
                {
                    "title": "Nowa konsultacja",
                    "slug": "nowa",
                    "intro": rich_text("<p>Prosimy o opinię.</p>"),
                    # As the browser's own date and time fields send them.
                    "opens_at": "2026-12-01T09:00",
                    "closes_at": "2026-12-20T18:00",
                    "visibility": "team",
                    "participant_group": Group.objects.get(name=MIGRANT_TEAM).pk,
                    "report_names": "pseudonyms",
                    "recommendations": inline_formset(
                        [
                            {
                                "title": "Pierwsza",
                                "text": "Tekst pierwszej.",
                                "area": area.pk,
                            },
                            {"title": "Druga", "text": "Tekst drugiej."},
                        ],
                        min=1,
                    ),
                    "polls": inline_formset(
                        [
                            {
                                "question": "Online?",
                                "allows_multiple": False,
                                "choices": streamfield(
                                    [("choice", "Tak"), ("choice", "Nie")]
                                ),
                            }
                        ]
                    ),
                }
            ),
        )


def test_the_dates_are_the_browsers_own_fields_in_warsaw_time(
    client, index_page, editor
):
    """Wagtail's date picker stayed open over the document chooser's buttons."""
    page = make_consultation(index_page)
    client.force_login(editor)

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    for name in ("opens_at", "closes_at"):
        local = timezone.localtime(getattr(page, name)).strftime("%Y-%m-%dT%H:%M")
        field = re.search(rf'<input type="datetime-local" name="{name}"[^>]*>', html)
        assert field is not None, name
        assert f'value="{local}"' in field[0]


@pytest.mark.django_db
def test_closing_before_opening_is_refused(index_page):
    page = ConsultationPage(
        title="Zła",
        slug="zla",
        opens_at="2026-12-02 10:00",
        closes_at="2026-12-01 10:00",
    )

    with pytest.raises(Exception, match="Zamknięcie musi nastąpić po otwarciu"):
        page.full_clean()


@pytest.mark.django_db
def test_deleting_a_consultation_in_the_admin_keeps_words_and_says_so(
    client, index_page, member, editor
):
    page = make_consultation(index_page)
    record = page.record
    services.record_stance(member, record.recommendations.first(), "support", "", "pl")
    services.post_comment(
        author=member, consultation=record, text="Zostaję", language="pl"
    )
    client.force_login(editor)

    confirm = client.get(f"/admin/pages/{page.pk}/delete/")
    deleted = client.post(f"/admin/pages/{page.pk}/delete/")

    assert confirm.status_code == 200
    warning = [str(m) for m in get_messages(confirm.wsgi_request)]
    assert any("zajęto stanowiska: 1, napisano komentarze: 1" in m for m in warning), (
        warning
    )
    assert deleted.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    assert (Stance.objects.count(), Comment.objects.count()) == (1, 1)


@pytest.mark.django_db
def test_publishing_without_a_recommendation_in_the_admin_explains_the_archive(
    client, index_page, member, editor
):
    page = make_consultation(index_page, polls=False)
    record = page.record
    services.record_stance(
        member, record.recommendations.get(number=1), "support", "", "pl"
    )
    client.force_login(editor)
    items = list(page.recommendations.all())
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "opens_at": page.opens_at.strftime("%Y-%m-%d %H:%M"),
            "closes_at": page.closes_at.strftime("%Y-%m-%d %H:%M"),
            "visibility": page.visibility,
            "participant_group": page.participant_group_id,
            "report_names": page.report_names,
            "recommendations": inline_formset(
                [
                    {
                        "id": item.pk,
                        "title": item.title,
                        "text": item.text,
                        "DELETE": n == 0,
                    }
                    for n, item in enumerate(items)
                ],
                initial=len(items),
                min=1,
            ),
            "polls": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert any("nic nie zostało usunięte" in m for m in messages), messages
    assert Stance.objects.count() == 1
    assert record.recommendations.get(stances__isnull=False).is_archived


@pytest.mark.django_db
def test_editors_manage_policy_areas_and_institutions(client, editor):
    client.force_login(editor)

    assert client.get("/admin/snippets/consultations/policyarea/").status_code == 200
    assert (
        client.get("/admin/snippets/consultations/institution/add/").status_code == 200
    )
