"""Editors preview every page type, in every preview mode, before publishing."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    CounsellingPageFactory,
    CulturalAssistantFactory,
    StandardPageFactory,
)


def form_data(page, **fields):
    """The edit form's data: StreamFields are drawn by JavaScript, so they are not
    in the edit page's HTML for Wagtail's test helper to pick up."""
    return nested_form_data({"title": page.title, "slug": page.slug, **fields})


class PreviewTest(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePage.objects.get(locale__language_code="pl")

    def test_campaign_pages_can_be_previewed(self):
        index = CampaignIndexPageFactory(parent=self.home)
        campaign = CampaignPageFactory(parent=index)

        self.assertPageIsPreviewable(index)
        self.assertPageIsPreviewable(
            campaign,
            post_data=form_data(
                campaign,
                summary="Streszczenie",
                start_date="2024-01-01",
                body=streamfield([("quote", {"quote": "Cytat", "attribution": ""})]),
                related_campaigns=inline_formset([]),
            ),
        )

    def test_club_pages_can_be_previewed_as_form_and_landing_page(self):
        index = ClubIndexPageFactory(parent=self.home)
        club = ClubPageFactory(parent=index)
        CulturalAssistantFactory(speaks=["uk"])
        data = form_data(
            club,
            summary="Klub",
            city="Grupa",
            body=streamfield([]),
            meetings=inline_formset(
                [{"date": "2099-01-01", "start_time": "17:00", "end_time": ""}]
            ),
            gallery_images=inline_formset([]),
            form_fields=inline_formset(
                [{"label": "Imię", "field_type": "singleline", "required": "on"}]
            ),
            lists_cultural_assistants="on",
        )

        self.assertPageIsPreviewable(index)
        self.assertPageIsPreviewable(club, mode="form", post_data=data)
        self.assertPageIsPreviewable(club, mode="landing", post_data=data)

    def test_the_counselling_page_can_be_previewed_as_form_and_thank_you_page(self):
        counselling = CounsellingPageFactory(parent=self.home)
        data = form_data(counselling, body=streamfield([]))

        self.assertPageIsPreviewable(counselling, mode="", post_data=data)
        self.assertPageIsPreviewable(counselling, mode="landing", post_data=data)

    def test_standard_and_home_pages_can_be_previewed(self):
        page = StandardPageFactory(parent=self.home)

        self.assertPageIsPreviewable(
            page, post_data=form_data(page, body=streamfield([]))
        )
        self.assertPageIsPreviewable(
            self.home, post_data=form_data(self.home, featured=streamfield([]))
        )
