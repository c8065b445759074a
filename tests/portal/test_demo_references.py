"""Seeding keeps Wagtail's reference index (the admin's "used in" lists) as the
site does, but builds it once at the end rather than at each save."""

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import reference_index_auto_update_disabled

from portal.demo import references_indexed_at_the_end
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ImageFactory,
)


def test_the_seed_indexes_references_once_when_its_content_is_there(home_pages):
    index = CampaignIndexPageFactory(parent=home_pages["pl"])
    image = ImageFactory()
    # As on the site, where saving keeps the index (the suite switches it off).
    reference_index_auto_update_disabled.value = False
    try:
        with references_indexed_at_the_end():
            campaign = CampaignPageFactory(
                parent=index, hero_image=image, hero_image_alt_text="Plakat"
            )
            assert not ReferenceIndex.objects.exists()
    finally:
        reference_index_auto_update_disabled.value = True

    assert (
        ReferenceIndex.get_references_to(image)
        .filter(object_id=str(campaign.pk))
        .exists()
    )


def test_where_no_index_is_kept_the_seed_builds_none(home_pages):
    index = CampaignIndexPageFactory(parent=home_pages["pl"])

    with references_indexed_at_the_end():
        CampaignPageFactory(
            parent=index, hero_image=ImageFactory(), hero_image_alt_text="Plakat"
        )

    assert not ReferenceIndex.objects.exists()
