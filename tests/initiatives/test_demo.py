import pytest
from wagtail.models import Locale

from home.models import HomePage
from initiatives.models import CooperativePage, InitiativeIndexPage, InitiativePage

pytestmark = pytest.mark.django_db

LANGUAGES = ["pl", "uk", "en", "ru"]


def test_the_demo_has_six_initiatives_and_the_cooperative_in_every_language(
    demo, client
):
    source_alt_texts = {
        photo.alt_text
        for page in InitiativePage.objects.filter(locale=Locale.get_default())
        for photo in page.gallery_images.all()
    }
    for language in LANGUAGES:
        index = InitiativeIndexPage.objects.get(locale__language_code=language)
        initiatives = InitiativePage.objects.child_of(index).live()
        assert initiatives.count() == 6, language
        assert CooperativePage.objects.child_of(index).live().count() == 1
        # "Six migrant initiatives were implemented with more than 70 participants."
        assert sum(page.participants for page in initiatives) > 70
        alt_texts = {
            photo.alt_text
            for page in initiatives
            for photo in page.gallery_images.all()
        }
        assert all(alt_texts)
        if language != "pl":
            assert not alt_texts & source_alt_texts, language

        # Readers find the index from their home page.
        home = HomePage.objects.get(locale__language_code=language)
        featured = [
            block.value["page"].specific
            for block in home.featured
            if block.block_type == "featured_page"
        ]
        assert index in featured, language

    for language in ["pl", "uk"]:
        index = InitiativeIndexPage.objects.get(locale__language_code=language)
        response = client.get(index.url)
        assert response.status_code == 200
        html = response.content.decode()
        cooperative = CooperativePage.objects.get(locale__language_code=language)
        newest, *_rest, oldest = InitiativePage.objects.child_of(index).order_by(
            "-start_date"
        )
        assert (
            html.index(cooperative.title)
            < html.index(newest.title)
            < html.index(oldest.title)
        )
        for page in [cooperative, newest, oldest]:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert f"<h1>{page.title}</h1>" in response.content.decode()
